package bot

import (
	"regexp"
	"strings"
)

// rePlaceAsk asks where something is done or shown (放在哪里给社会看, 发布到哪些网站).
var rePlaceAsk = regexp.MustCompile(`哪里|哪儿|哪块地方|何处|什么地方|哪个地方|哪些地方|往哪|挂哪|放哪|发哪|传哪|(哪个|哪些|哪几个|什么|哪两个)(网站|平台|网|地方)|where`)

// reReportTo asks whom something goes to (报哪里列入预算), not where it is shown.
var reReportTo = regexp.MustCompile(`(报|交|送|找|上报|报送)(到|给)?(哪里|哪儿|哪)`)

// rePlaceText is a place a task's text names for showing or keeping things.
var rePlaceText = regexp.MustCompile(`网站|平台|政务服务网|客户端|窗口|公示牌|服务器`)

// reDocumentAsk asks which document a task follows or what it is called
// (照省里哪个规范, 依据的是省厅哪个文件, 文号是多少, 有专门的文件吧？叫什么名字,
// 是市局自己定还是省里统一定的).
var reDocumentAsk = regexp.MustCompile(`(哪个|哪份|哪一份|哪部|哪一个|哪本|哪一本|哪套|什么|啥|哪)(省里|省厅|上级|部里|公安部)?(的)?(工作|管理)?(规矩)?(文件|规范|规定|通知|文|标准|制度文件|规章|文本)|文号|(名字|名称|全称|全名)(叫|是)?(啥|什么)|叫(什么|啥)名|(文件|规范|规定)(吧|呢)?.{0,3}叫(什么|啥)|(规范|规定|标准|办法)[^？?]{0,16}(名字|名称|全称|全名)|省里(统一)?(定|出|发)的|哪(1|一)?年.{0,3}(发|印发|下发)的|which(provincial)?(document|rulebook|regulation|rules|notice)|documentnumber`)

// reDocNumber is a document number as an officer writes or guesses it:
// issuer's short name, year, number (淮公发2019年多少号, 皖公通〔2019〕第7号).
var reDocNumber = regexp.MustCompile(`\p{Han}{2,4}\s*[\[〔(（]?\s*(19|20)\d{2}\s*[\]〕)）]?\s*年?\s*第?\s*(\d{1,4}|多少|几|[一二三四五六七八九十百]+几?)\s*号`)

// reArticleAsk asks which article of a rule a task follows (照省里那个审核规定
// 的第几条); a bare 第几条 asks for a task's number instead.
var reArticleAsk = regexp.MustCompile(`(规定|办法|条例|细则|规范)[^,，。?？]{0,3}(第几条|第几款|哪1条|哪一条|哪条|哪几条)`)

var (
	reTaskRef = regexp.MustCompile(`第\s*(\d{1,4})\s*(项|条|号|个|任务|$|[^\p{Han}\d])|任务\s*#?\s*(\d{1,4})|(\d{1,4})\s*号任务|(?:task|item|no\.?|#)\s*#?\s*(\d{1,4})|^\s*(\d{1,3})\s*(?:项|条)(?:任务)?(?:$|[^\p{Han}]|的|是|讲|说|由|谁|要|什么|怎么|有|内容|期限|牵头|责任)`)
	reCount   = regexp.MustCompile(`(几|多少)\s*(项|个|条|件|次|回)(.?.?)|有多少(?:$|项|个|条|件|任务|工作)|的有好多$|howmany(tasks|items|units|departments|of|are|is|do|does|lead|in|jobs|duties)|数量|numberof`)
	rePeriod  = regexp.MustCompile(`几个?(工作)?(天|日)|多少个?(工作)?(天|日)|几个工作日|多少个?工作日|时限|多长时间|多久|几个月|多少个月|(天|日)(以|之)?内|howmany(working|business|calendar)?days|howmanyweeks|howmanymonths|timelimit`)
	// reWhenScene opens with a when-clause that sets a scene, then asks
	// yes or no after a comma (When police come…, do they have to…).
	reWhenScene = regexp.MustCompile(`^\s*when\s[^,?，]{3,80}[,，]\s*(do|does|did|must|should|can|could|will|would|is|are|have|has|may)\s`)
	reWhen      = regexp.MustCompile(`期限|截止|什么时候|何时|进度要求|时间节点|完成时间|哪天|哪一天|deadline|^when|when(is|are|was|does|do[^i]|did|must|should|will|shall|has|have)|bywhen|bywhatdate|due`)
	reWho       = regexp.MustCompile(`谁|哪个部门|哪个单位|哪些单位|哪些部门|什么部门|什么单位|哪个警种|牵头|责任单位|负责单位|主办|who|whichunit|lead`)
	reList      = regexp.MustCompile(`哪些(任务|事项|项)|哪几(项|个任务|条)|什么任务|任务有|任务都|的任务|任务$|任务清单|拉(个|一个|1个|张|一张|1张)清单|列出|列一下|所有任务|全部任务|一览|有任务没|有没有任务|有任务吗|分到(了)?(活|任务)|(挂|列|写)了哪(几)?(条|项)|(要干|要做|要办|该干|该做|得干|得做)的(活|事)?(有|是)(哪些|啥|什么|哪条|哪项|哪几条|哪几项)|有(他们|咱们|我们|你们|它|他|她)?的?(活|事)(吗|没|么)|有没有(活|事)(要|得)(做|干|办)|(` + leadVerbs + `|负责|配合|参与)的(都)?有(什么|哪些|哪几个|哪几项)$|whichtasks|tasks|items|deliverables|list|howmany`)
	reWhichOne  = regexp.MustCompile(`(哪项|哪个|哪条|哪一项|什么)(任务|要求|工作)$`) // 是哪项任务: one task, not a list
	// reDaysLeft asks how long is left until a task's deadline (还剩几天, 离期限还有多少天).
	reDaysLeft = regexp.MustCompile(`(还剩|还有|剩下|剩余|只剩|距离|距|离).{0,6}(几|多少)(天|日)|(几|多少)天(后|以后)?(到期|截止)|howmanydays(are)?(left|remain|until|before)|daysleft|daysremain`)
	// reAsksTasks asks for tasks or a unit's part in them.
	reAsksTasks = regexp.MustCompile(`哪几项|哪些任务|哪几条|哪些|几项|几条|多少项|多少条|牵头|参与|负责|配合|挑头|沾边|任务|tasks|lead`)
	// reUnitRole is a unit's part in the table, wherever the question says it
	// (听说市局办公室牵头了不少事，都是哪几条); reUnitPronoun points back at a
	// unit from the asking part (它牵头的有哪些).
	reUnitRole    = regexp.MustCompile(`牵头|参与|负责|配合|挑头|沾边|责任|主办|协办|涉及|有份|挂名|出现|干活|lead|responsible|involv|support`)
	reUnitPronoun = regexp.MustCompile(`它|他们|其|该单位|这个单位|这家|人家|\bthey\b|\bit\b`)
	// reAskerAsked is the asker as the one asked or thinking, not as a unit
	// (问我, 跟我说, 我一时想不起来).
	reAskerAsked = regexp.MustCompile(`(问|找|叫|让|催|跟|告诉|通知)(我|俺)|我(一时|也|都|实在|当场)?(想不起|记不清|答不上|不知道|不清楚|没数过|忘了)`)
	// reFirstPerson is the asker speaking of themselves or their unit.
	reFirstPerson = regexp.MustCompile(`我|咱|本单位|本局|本部门|\bmy\b|\bour\b|\bwe\b`)
	reMine        = regexp.MustCompile(`我的|我们|我单位|本单位|咱们|我部门|本部门|\bmy\s+(unit|tasks?|department|division|detachment)\b|\bour\s+(unit|tasks?|department|division|detachment|bureau)\b`)
)

var (
	// leadVerbs are the verbs of leadWords, as a regexp alternation for the
	// patterns that read a lead said with one (几家一起挂帅, 牵头又自己落实)
	leadVerbs = "牵头|主办|领头|挑头|挂帅|带头|打头"
	leadWords = []string{"牵头", "他是头", "是头的", "主办", "主责", "挑头", "挂帅", "领头", "带头", "打头", "当头", "主要负责部门", "主要负责单位", "主要负责的部门", "主要负责的单位", "leads", "lead", "ledby", "incharge", "owner"}
	respWords = []string{"责任单位", "责任栏", "责任那栏", "责任那一栏", "责任的那一栏", "责任一栏", "干活名单", "具体干的", "具体干活", "具体干", "具体办", "负责干活", "干活那栏", "干活那一栏", "干活的那栏", "具体负责", "具体承担", "具体落实", "负责落实", "跟着具体干", "配合干活", "干活的那头", "干活那头", "配合", "协办", "协助", "跟着干", "帮着干", "帮忙干", "打下手", "协同", "担责", "负责任", "responsible", "supporting", "helpcarryout", "secondcolumn", "helpout", "doers", "doingthework", "doingtheactualwork", "dotheactualwork", "doestheactualwork", "dothework", "doesthework", "legwork", "pitchingin", "pitchin", "pitchesin", "helpingout"}
	// reRoleVerb is a verb that only introduces the role noun after it (担任牵头单位).
	reRoleVerb = regexp.MustCompile(`担任(?:了|的)?(牵头|主办|主责|责任|协办|配合)`)
	anyWords   = []string{"被列进", "列进去", "列进了", "列入了", "参与", "掺和", "参和", "掺合", "涉及", "相关", "有关", "参加", "担任", "挂名", "挂了名", "挂着名", "列名", "出现", "沾边", "露面", "露脸", "有份", "takepart", "involv", "participat"}
	openWords  = []string{"没完成", "未完成", "没有完成", "尚未完成", "还没完成", "没做完", "未办结", "没办完", "待完成", "没干完", "未落实", "没落实",
		"unfinished", "notdone", "notyetdone", "incomplete", "pending", "open",
		"nothingisfinished", "nothingisdone", "nothingfinished", "noneisdone", "noneisfinished"}
	doneWords    = []string{"已完成", "完成了", "已经完成", "做完了", "已办结", "办完了", "已做完", "已落实", "done", "finished", "completed"}
	partialWords = []string{"部分完成", "完成了一部分", "完成一部分", "partial"}
	overview     = []string{"进度", "完成情况", "进展", "落实情况", "progress", "status"}
	lateWords    = []string{"逾期", "overdue", "过点了", "已经过点", "过了点", "已过点", "时间已经过去", "时间都过去", "期限已经过去", "时间已经过了", "时间都过了", "时间过了", "日子已经过了", "日子过了", "过了日子", "过了期限", "过了截止", "过了时限", "过了时间节点", "过了节点", "过了完成时限", "过了完成期限", "过了完成时间", "过了规定时限", "过了规定期限", "过了规定的时限", "过了规定的期限", "过了截止日期", "超过时限", "超出时限", "超出期限", "超过期限", "超过截止", "passedthedeadline", "missedit", "alreadymissed", "havemissed", "passedtheirdeadline", "passedthedue", "pastthedeadline", "pastdue", "pasttheirdeadline", "missedthedeadline", "missedtheirdeadline", "behindschedule", "blownpast", "blewpast", "blownthrough", "crossedtheirdeadline", "crossedthedeadline", "crossedthedeadlines", "crossedtheirdeadlines", "crosseddeadline", "alreadypassed", "alreadygonepast", "alreadylate", "runlate", "runninglate"}
	// shouldHaveDone is overdue said as what should have been done by now
	// (应该早就完成了): no state of "done" asked.
	shouldHaveDone = []string{"应该早就完成", "应当早就完成", "早就应该完成", "早就应当完成", "早就该完成", "早该完成", "本该完成", "本应完成", "应该已经完成", "应当已经完成", "早该完了", "早该做完", "早该结了", "早该弄完", "早就该完了",
		"应当早就做完", "应当早就办完", "应当早就干完", "应当早就弄完", "应当早就搞完", "应当已经做完", "应当已经办完", "早就应当做完", "早就应当办完", "oughtalreadytohavebeencompleted", "oughtalreadytohavebeenfinished", "oughtalreadytohavebeendone", "shouldalreadyhavebeencompleted", "shouldalreadyhavebeenfinished", "shouldalreadyhavebeendone", "oughttohavebeencompleted", "oughttohavebeenfinished", "oughttohavebeendone", "shouldhavebeencompleted", "shouldhavebeenfinished", "shouldhavebeendone"}
	// lateTaskWords mean overdue only in a question about tasks (护照过期了 is not).
	lateTaskWords = []string{"过期", "过了期", "超期", "超了期", "超时", "延期", "误期", "arelate", "islate", "runninglate", "belate", "latetasks", "lateones"} // 过期了 also covers a VPN account: only with a task word
	soonWords     = []string{"即将到期", "快到期", "马上到期", "快要到期", "临近", "近期到期", "将要到期", "即将截止", "快截止", "duesoon", "upcoming", "comingup"}
	ongoingWords  = []string{"长期", "没个头", "没有头", "一直得干", "一直干下去", "一直做", "一直干", "一直抓", "一直坚持", "一直要", "一直持续", "持续做下去", "持续下去", "常年", "常态化", "不设截止", "ongoing", "standing", "longterm", "continuing"}
	reNoDeadline  = regexp.MustCompile(`连(个)?(时间|日期|期限|日子|时限)(都|也)(没|没有|未)(写|给|定|标|填)|(进度要求|时间要求|时限要求|期限要求|进度|期限|时限)(上)?(未作|没作|没有作|未做|没做|未有)(任何)?(规定|要求|安排|限定)|(没|没有|未)(写|标|给|定|说)(什么时候|何时|哪天|多会儿)(完成|结束|到期|截止|办完)|(没有|没|无|未|不)(给|写|定|设|标|填|填写|填了)?(任何|明确|具体|固定|确定|硬性|规定|写明|标明|注明|写|定|限定|给出|说明|设|设定|死)?(的)?(完成|截止|办结|履行|执行|落实|办理|到期)?(期限|时间|时限|日期|进度要求|时间要求|期|日子|日)|(期限|时限|进度要求|时间要求|完成时间|截止时间|进度)(栏|一栏|那栏|那一栏|这一栏|这栏)?(都|也|全|还)?(干脆|直接|根本|就)?(什么|啥)?(都|也)?(是|为|被留为|被留成|留为|留成|被留作|留作)?(不明确|为空|空白|空着|空的|是空|没写|没填|未填|没有写|没有填|没定|没标|没给|没注明|未写|未定|未标)|(什么|任何|啥)(时间|日期|期限)(也|都)?(没|没有|未)(写|给|定|标)|未(标明|标注|写明|注明|列明)(任何)?(时限|期限|时间|日期)|(进度要求|期限|时限|完成时间|时间)(一栏|那栏|栏)?(空缺|空着|留空|是空的)|nodeadline|no(fixed|hard|specific|firm|set|end|concrete|exact|definite)(calendar)?(end|due|target|completion|finish)?(date|deadline)|without(a|any)?(fixed|hard|specific|firm|set|definite)?(end|due|target|completion|finish)?(date|deadline)|no(finish|end|due|completion)date|withoutadeadline|withoutdeadline|noprogressrequirement|notimerequirement|neitheradatenor|nodateandnot|notimelimitatall|notimeline|deadline(column|field|cell|box)?(is|was|are|were)?(just|simply|completely|totally)?(left)?(blank|empty)|(blank|empty)deadline|(forgot|forgotten|neglected|failed)to(put|set|give|add|include)(a|any)?(timeframe|timeline|deadline|duedate|date)`)
	// reNoTimeTo is the asker having no time to do something (没时间翻文件,
	// 没有时间一条条看): a remark, no task without a deadline.
	reNoTimeTo = regexp.MustCompile(`(没|没有|无)(时间|空)(去|来)?(翻|看|查|找|等|搞|弄|细看|一条|一项|一个|慢慢|挨个|逐条|读|听|跟你|跟您|研究)`)
	// reHasDeadline asks for the tasks that have a date to meet (有明确期限的任务).
	reHasDeadline = regexp.MustCompile(`(^|[^没否])有截止(日期|日子|时间)?(的)?(任务|事项|项|条)?$|有(订|定|写|标|写明|注明|标明)(了)?(明确|具体|确切)?(的)?(完成)?(日期|期限|日子|截止日期|时间)|写明确(的)?(完成)?(日期|时间)|(写明|注明|标明|标注|标了|写了)(了)?(具体|明确|确切)?(的)?(完成)?(日期|截止日期)|卡(了|着|住)?(具体|明确|确切)?(的)?(日期|时间|日子)|带(着|有)?(具体|明确|确切)(的)?(日期|时间|日子)|卡死(了)?(的)?(日期|时间|日子|期限)|定死(了)?(的)?(日子|日期|时间|期限)|限时(完成)?(的)?(任务|事项|那些|哪些|有哪些|是哪|哪几|几项|有几)|限(了|定了)?(日期|时间)|(有|带)(明确|具体|硬性|确切)?(的)?截止(期|日|时间|日子)|(有|带)(硬性|明确|具体|固定|确切)?(的)?(due|calendar|target|end)?(date|deadline|ddl)|(明确|具体|硬性)(写了|写明了?|规定了|给了|定了|标了)(的)?(完成|截止)?(期限|日期|时间|时限)|(有|带|有了|带了|定了|规定了|写明了?|写了|标了|注明了?|给了|设了|设定了?|设置了?|卡了)(明确|具体|固定|死|硬性|硬|确切|定)?(的)?(完成|截止|履行|执行|落实|办理|交账|交差|上交)?(期限|限期|日期|时限|截止日期|截止时间|截止日|时间节点|节点|截止点|时间|日子|到期日期|到期日|到期时间|到期日子)|withadeadline|withdeadline|datedtasks|(a|any|an)?(hard|fixed|specific|firm|set|concrete|exact|definite|actual|real|clear|proper)(calendar)?(end|due|target|completion)?(date|deadline)|dated(deadline|date)|(have|has|having|with)(a|any)?(real)?date(attached)?|dateattached`)
)

// reMultiLead asks for the tasks led by more than one unit (not 这一块牵头的,
// "who leads in this area"); reSelfBoth for
// those where one unit stands in both columns.
var (
	reMultiLead = regexp.MustCompile(`(多个|多家|好几家|好几个|几个|两个|两家|不止(一|1)(个|家)|超过(一|1)个|(一|1)个以上|两个以上|多于(一|1)个|[1-9](个|家)以上|[2-9](个|家))(单位|部门)?(共同|联合|一起|一块儿|一块)?(` + leadVerbs + `)|(` + leadVerbs + `).{0,16}(不止|不只|不光)(一|1)(个|家)|(联合|共同|一起|(^|[^这那])一块)牵头|牵头(的)?(单位|部门|方)?(有|是)?(不止|超过|多于|不只)(一|1)(个|家)|morethanone(lead|leading)|multiplelead|jointlyled|severallead|twoormorelead|morethanone(unit|department|office|team)?(sharing|share|shares|splitting|split)(the)?lead|(sharing|share|shares|split|splitting)thelead|jointlead|co-?led`)
	reSelfBoth  = regexp.MustCompile(`(同一项|一项|同一条)(里|中|里头)?.{0,12}两栏都(出现|有|写|列)|牵头(单位|的)(自己|本身)(又|也|同时)(在|是|列|出现|当)|牵头.{0,6}(同时|又|也|还).{0,3}把(自己|自个)(也)?(写进|写入|列进|列入|列为|列成|写成|放进|放到|算进)(了)?(责任|配合)|(同一个?|同样的|一个|同一家)单位.{0,10}(既|又|同时|也|都)|(部门|单位)(是)?自己(牵头|挑头).{0,6}(同时|又|也).{0,6}(列成|列为|算作|当|做)?(自己)?(干|责任|配合)|(既|同时).{0,4}(是|在|当|作为)?(牵头|主办).{0,8}(又|也|同时).{0,4}(是|在|当|作为)?(责任|配合)|(牵头|责任)(单位)?(和|与|跟|、)(责任|牵头)(单位)?.{0,8}(出现|有|是|写|列)(了)?(同1个|同一个|同一家|同1家|同一|相同的?)(单位)?|sameunit.{0,30}both|bothaleadandaresponsible|bothleadandresponsible`)
)

// reOngoingAside sets the ongoing tasks aside (长期的那种就不用算了, 不算长期的).
var reOngoingAside = regexp.MustCompile(`(长期|常年)(的)?(那种|那些|那类|任务)?(就|都|可以)?(不用算|不算|不计|除外|不要|不用管|排除|去掉|不考虑)|(不算|不含|不包括|排除|除了|除去|去掉)(那些|那种)?(长期|常年)`)

// reRecipient asks whom something is sent to (报送给哪些单位, 交给哪个部门).
var reRecipient = regexp.MustCompile(`(报送|上报|报|送|交|提交|抄送|抄报|呈报)(给|至|到)(哪些|哪个|哪几个|哪几家|什么)(单位|部门|机关|上级)`)

// reDeadlinePassed says a deadline has passed (期限都已经过了, 截止日期早过了).
var reDeadlinePassed = regexp.MustCompile(`(期限|截止日期|截止时间|截止日|完成时间|时间节点|节点)(都|早|早就|已|已经|都已经)*过了|(已|已经|均已|业已)(超|过)(了)?(截止日期|截止时间|截止日|期限|时限|完成期限|规定期限|时间节点)`)

// reToldDeadline is a task's deadline a story tells (听说有个任务9月18号前就得
// 弄完, 教导员说9月18号有个节点): the question after it asks which task that is.
var reToldDeadline = regexp.MustCompile(`(任务|有(1|一)?(项|条|个活))[^,，。!?？！]{0,8}((卡在|定在|截止|期限是|到期)[^,，。!?？！]{0,4}\d{1,2}(月|号|日)|\d{1,2}(月|号|日)[^,，。!?？！]{0,8}(前|底|到期|截止|完成|弄完|办完|干完|做完|交))|\d{1,2}(月|号|日)[^,，。!?？！]{0,3}(有个|有1个|那个)(节点|期限|截止)`)

// reRatherThanLead sets the lead role aside after another (as a responsible
// unit rather than the lead, 而不是牵头).
var reRatherThanLead = regexp.MustCompile(`(ratherthan|insteadof|butnot|andnot)(as)?(the|a)?lead(unit|role)?|([(（]|unit)not(as)?(the|a)?lead|而不是(作为)?牵头(单位)?|而非牵头(单位)?|牵头的(那些|那几项|那几条)?(都)?(不用算|不算|不要|除外|去掉)`)

// reAsksList asks for several things (哪些, 哪几).
var reAsksList = regexp.MustCompile(`哪些|哪几|which|what`)

// reCompared compares with something else (比法制支队牵头的还多).
var reCompared = regexp.MustCompile(`比[^|,，。?？!！]{1,14}?(还|更|要)?(多|少)|(跟|和|与)[^|,，。?？!！]{1,8}?比(一比|比|较一下|较|一下)`)

// reFewPoints asks for a few points to write down (列几条, 说两点), not tasks.
var reFewPoints = regexp.MustCompile(`(列|写|说|讲|举|提|总结|概括|归纳)(个|出)?(几|两|三|\d)(条|点)(要点|内容|放|给|发|出来|$|[,.?!|])`)

// reGuess asks to confirm a guess (…，对吧？ 是不是9月18号那条).
var reGuess = regexp.MustCompile(`对吧|对吗|对不对|是不是|是吧|没错吧|没记错吧|吧\??$|right\?|correct\?|isn'?tit`)

// reToBeDone is a deadline's "had to be finished by", not a state asked.
var reToBeDone = regexp.MustCompile(`(to)?be(en)?(finished|completed|done)(by|before|within|onorbefore)|(have|has|had|need|needs|got)to(get|be)?(finished|completed|done)|tobe(finished|completed|done)|(once|after|when)\w{0,40}(is|are|gets|get)(finished|completed|done)|(该|应该|应当|应|要|得)(都|全|全部)?(已经|已)?(完成|做完|办完)(了|的)|be(finished|completed|done)and`)

// reNothingDone supposes no work is finished (assuming nothing has been
// finished yet): the open tasks, not the done ones.
var reNothingDone = regexp.MustCompile(`nothing(has|is)?(been|yet)*(finished|done|completed)|都(还)?(没|未)(完成|办完|做完)|假设.{0,4}(没|未)(完成|办完)`)

// reNotLate denies lateness: 未逾期, 还没过期, not overdue.
var reNotLate = regexp.MustCompile(`(未|没|还没|尚未|还未)(逾期|过期|超期)|notoverdue|notyetoverdue`)

// Questions about the table's shape: one unit alone in a column, and
// deadlines on or off a month's last day (卡在某个月最后一天, 月中间的某一天).
var (
	reSoleResp = regexp.MustCompile(`责任单位(一栏|那栏|栏)?(里|中|上)?(只|仅|就)(列了?|有|写了?|填了?)?(一|1)(个|家)|onlyoneresponsibleunit|asingleresponsibleunit|oneresponsibleunitonly`)
	reSoleLead = regexp.MustCompile(`牵头单位(一栏|那栏|栏)?(里|中|上)?(只|仅|就)(列了?|有|写了?|填了?)?(一|1)(个|家)|onlyoneleadunit|asingleleadunit|oneleadunitonly`)
	reMonthEnd = regexp.MustCompile(`(某个?|一个|哪个)月(的)?(最后一天|月末|月底)|(卡在|落在|正好|恰好|刚好|都是|都在).{0,6}(最后一天|月末|月底)|lastdayofa?month|endofamonth`)
	reMidMonth = regexp.MustCompile(`(精确|具体|细)到了?(几号|哪天|哪一天|日|天|某一天|具体哪天|具体日子)|具体(的)?(某|哪)一?天|某(1|一)?个?具体的?(日子|日期|某一天|哪一天)|(某个?|一个|哪个)?月(的)?(中间|中旬|月中)|(不是|而非|不在|并非)(落在|在|定在|订在|卡在)?(某个?月)?(的)?月(末|底)|midmonth|middleofamonth|notattheendofa?month`)
)

// reAnyRoleAside waves the role aside: 不论牵头还是负责, 牵头配合都算.
var reAnyRoleAside = regexp.MustCompile(`(两栏|两列|两边|两头|两个栏)都算|角色不限|不限角色|身份不限|(不管|不论|无论)(以|是)?(什么|啥|哪种)?(角色|身份)|(角色|身份)都算|(牵头|主办)(或者|或是|或|还是|/)(责任|配合|负责|参与)|(不论|不管|无论|不分).{0,3}(牵头|主办|负责|配合|责任)(单位)?((还是|或者|或|和|、|与)(是|作为|当)?(具体)?(具体干活|具体干|具体办|办|干活|跟着干|跟着|打下手|牵头|主办|负责|配合|责任|参与)(具体)?(落实|干活|干|办|工作)?(单位)?(的)?(都算|都要|都列)?)?|(牵头|主办)(的)?(还是|或者|或|和|、)?(负责|配合|责任|参与)(的)?都(算|要|列)|eitherrole|anyrole|leadorresponsible|leadandresponsible|(lead|leading|running)(ornot|orotherwise|orhelping|ornotleading)|whether(they|it)?('?re|are|is)?(leading|lead)(or[a-z]{0,12})?`)

// reWhoAsk asks which unit, not only for a role (牵头 alone is a filter).
var reWhoAsk = regexp.MustCompile(`谁|哪几家|哪一家|还有哪家|哪个(窗口|中心|组)|哪几个(部门|单位)|哪(俩|两个|2个)(部门|单位)|哪个.{0,8}(部门|单位|支队|处|警种)|哪些(部门|单位)|什么(部门|单位)|哪家|哪一个|whichunit|whounit|who`)

// reCountedNoun is what 几个 counts when it counts tasks or units: 几个任务,
// 几个单位, 几个牵头 (几个方面 counts something a task says).
var reCountedNoun = regexp.MustCompile(`^(任务|事项|工作|单位|部门|警种|牵头|责任|项|是|呢|吗|啊|\?|的任务|的单位)`)

// reRatio asks for a share (法制审核 比例): the notices write the figure
// (总数的5%), not the word, so the word is framing, not topic.
var reRatio = regexp.MustCompile(`比例|百分比|百分之几|占比|比重|(起码|至少|最少)?占(多少|几成|百分之|到多少)|percentage|percent|ratio|proportion|minimumshare|shareof|whatshare`)

// reTrailingWhen is 时间 or 日期 closing a question (年报 时间, 归档日期是):
// the way a search-box query asks when.
// reUpTo bounds a time (到10月底为止, 截至9月底): a clause of it alone is a window.
var reUpTo = regexp.MustCompile(`(到|截至|截止到?|直到)\s*\S{1,12}?(为止|止)`)

// reArticleOf ends the name of a regulation whose articles a question cites
// (审核规定的第八条): 第N条 after it is an article, not a task.
var reArticleOf = regexp.MustCompile(`(规定|条例|办法|细则|方案|法)(的|里的|中的)?\s*$`)

// reArticleJoin joins two references as alternatives or a pair (还是, 和, 、).
var reArticleJoin = regexp.MustCompile(`^\s*(还是|或者|或是|或|和|与|跟|、|,|，|到|至)\s*$`)

// reBodyBefore ends a name of the notice's body: 正文第一条 (正文头一条) is
// the body's first part (sectionAsked), not task 1.
var reBodyBefore = regexp.MustCompile(`正文(的|里的|里|中的|中|里头)?\s*$`)

// reRankBefore puts what follows in an order (按期限排序，排第1的): a place,
// not a task number.
var reRankBefore = regexp.MustCompile(`(排|排名|排在|名列|位列|位居)\s*$`)

// replaceTaskRefs is reTaskRef.ReplaceAllStringFunc, leaving an article of a
// regulation (规定的第10条) and a place in an order (排第1) as they are.
func replaceTaskRefs(text string, f func(string) string) string {
	var b strings.Builder
	last := 0
	article := false // the reference before was an article
	for _, m := range reTaskRef.FindAllStringIndex(text, -1) {
		b.WriteString(text[last:m[0]])
		// 规定的第10条还是第11条: an article's alternative is an article too
		joined := article && reArticleJoin.MatchString(text[last:m[0]])
		article = reArticleOf.MatchString(text[:m[0]]) || joined
		if article || reBodyBefore.MatchString(text[:m[0]]) || reRankBefore.MatchString(text[:m[0]]) || ordinalOfList(text, m[0], m[1]) {
			b.WriteString(text[m[0]:m[1]])
		} else {
			b.WriteString(f(text[m[0]:m[1]]))
		}
		last = m[1]
	}
	b.WriteString(text[last:])
	return b.String()
}

// ordinalOfList reports whether 第N个 at text[from:to] counts the items of
// a list the question gives (有4个要求：…，第4个是什么; 第3个方面), not a task.
func ordinalOfList(text string, from, to int) bool {
	return strings.HasSuffix(text[from:to], "个") && (reItemCount.MatchString(text[:from]) || reItemNoun.MatchString(text[to:]))
}

var (
	reItemCount = regexp.MustCompile(`\d+\s*个`)
	reItemNoun  = regexp.MustCompile(`^(方面|要求|环节|原则|制度|部分|措施|字|词|内容)`)
)

// reNotOngoing denies the ongoing kind: 既没写长期, 也没标成长期.
var reNotOngoing = regexp.MustCompile(`非长期|连(个)?长期(2个字|两个字|俩字|字样|二字|这2个字|这两个字)?(都|也)(没|没有|未|不)|(没|没有|未|不|也没|既没)(写|标|标成|给|定|算|是|说|提)?(成)?(长期|常年|ongoing)|长期(也|都)?(没|没有|未)(写|标)|(是)?长期(也|都)?不是|noteven(长期|ongoing|longterm)|nor(a)?(longterm|ongoing)|(ratherthan|insteadof|而不是|而非)(the)?(长期|ongoing|longterm)|nolongterm|neither.{0,30}ongoing|norongoing|notongoing`)

// reHowLongSpan asks how long a span is (多长期限, 多长期间), holding 长期.
var reHowLongSpan = regexp.MustCompile(`多长(期限|期间|时期)`)

// reNotMine are "we" that are no unit of the asker's: 我们市里, 咱们这边, and
// "we" spoken to in a story (会上问我们…, 领导跟我们说…): the people asked, not
// the unit whose tasks are asked for.
// (是省厅来定还是我们自己定: we as the one who decides; 标长期的有哪些？我们年度考核要单列:
// we in a remark after the question)
var reNotMine = regexp.MustCompile(`(我们|咱们)(市里|市|这边|那边|国家|省里|省)|(问|考|告诉|提醒|通知)(我们|咱们)|(跟|给|和|对)(我们|咱们)(说|讲|强调|交代)|(我们|咱们)(各单位|各家|基层)?(自己)?(来)?(定|决定|确定|说了算)|[?？]\s*(我们|咱们)(要|得|在|想|准备|打算|好|年度|这边|回头|正在)[^?？]*$`)

// reUnitDuty asks what a unit has to do (要干嘛, 负责啥, 管哪些事, 有分工吗,
// 被分到什么工作, 表里有它的事没有).
var reUnitDuty = regexp.MustCompile(`((被)?分配(了)?(什么|哪些)?任务|分到(了)?(什么|哪些)?任务|有什么任务|有哪些任务|什么任务$|担的是什么|什么活|啥活|担什么|干嘛|干什么|干啥|做什么|做啥|负责(些|点)?什么|负责啥|负责哪些|管什么|管啥|管哪些|(管|负责|干|分了|分到了?|被安排了?|安排了)哪(1|一)?(项|条|些)|任务是什么|职责是什么|有什么活|有啥活|有什么事|有啥事|哪些事|哪几件事|哪些活|哪几样活|(有|有没有|是否有|有无)(什么|啥)?分工|分工(是)?(什么|啥|哪些)|分到(了)?(什么|啥|哪些)(工作|活|事)|有没有(它|他|它们|他们|其)的事|有(它|他|它们|他们|其)的事)`)

// reRoleTail ends a question with a role (法制牵头的, 警保负责的).
var reRoleTail = regexp.MustCompile(`(` + leadVerbs + `|负责|配合|参与)的$`)

// reUnitPart asks what part a unit plays (起什么作用, 扮演什么角色, 忙些啥):
// its tasks, unless the question asks who does a task it describes
// (…谁牵头？人事处在里面是什么角色: its role in that one).
var reUnitPart = regexp.MustCompile(`(起|发挥)(了)?(什么|啥)(样的)?(作用|角色)|(什么|啥)(样的)?角色|扮演|忙(些|点|的)?(什么|啥)|摊上(了)?(什么|啥)`)

// reUnitTally counts a task's units (有两个牵头单位, 好几家责任单位): no word of the topic.
// reUnitNamed is a unit named in a task (被点名, 有名, 提到); reWhichTask asks
// which task it is.
var (
	reUnitNamed = regexp.MustCompile(`被?点(了|到)?名|有名|提到|提及|露面|露脸|上榜|榜上|挂了?名|出现|appears?in|(is|are)(mentioned|named|listed)in|showsupin`)
	reWhichTask = regexp.MustCompile(`哪(1|一)?(项|条)|哪(个|些|几)(项|条|个?任务)|which(task|item)|(what|that)task|in(one|a)task`)
)

var reUnitTally = regexp.MustCompile(`(有|共|一共)?(\d+|好几|几)\s*((个|家)\s*(牵头单位|责任单位|负责单位|单位|部门)|家)`)

var reTrailingWhen = regexp.MustCompile(`(时间|日期)(是|为)?[\s\p{P}]*$`)

// reWhoIs asks who is called something (谁是第一责任人, 第一责任人是谁):
// a person or body the task's text names, not the units the table assigns.
var reWhoIs = regexp.MustCompile(`谁是|是谁|是哪些人|是什么人|whois|whoare`)

// unitAskWords ask for the units of the table (谁牵头, 负责单位是谁, 哪个部门).
var unitAskWords = []string{"牵头", "主办", "单位", "部门", "警种", "负责", "来做", "来办", "来搞", "lead", "responsible", "unit"}

// whoIsNamed reports whether a who-question asks whom the text names rather
// than which units do the task: 谁是 with no word of the table's roles.
// 负责人 (a person) is not 负责 (a unit's duty).
func whoIsNamed(f string) bool {
	return reWhoIs.MatchString(f) && !containsAny(strings.ReplaceAll(f, "负责人", ""), unitAskWords)
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// reBareAsk is an asking part that names nothing of its own (是哪几项？): it
// asks for what the clauses before it described.
var reBareAsk = regexp.MustCompile(`^\|*(那|这)?(都|到底|究竟|具体)?(是|有)?(哪几项|哪几条|哪些|哪几个|哪项|哪条|哪一项|哪一条|哪1项|哪1条|那一项|那一条|那1项|那1条|几项|几条|多少项|多少条)(啊|呀|呢)?\|*$`)

// reOrOther sets a unit named against anyone else (是科技处呢，还是另有其人):
// the unit is the asker's guess at who does the work described.
var reOrOther = regexp.MustCompile(`还是(另有|别的|其他|另外)(部门|单位|人|其人|家|处室|警种)|还是(别人|别家|另有他人)|或者另有|orsomeoneelse|oranotherunit|oranotherdepartment`)

// reCaseProgress is the progress of a case (大案的调查进展): a word of what is
// made public, not the progress of the table's work; and a timetable
// (进度要求是12月底的), which is a deadline, not the progress made.
var reCaseProgress = regexp.MustCompile(`(调查|案件|案子|侦查|侦破|破案|办案)(的)?(进展|进度)|进度(要求|安排|计划|节点)`)

// reDueClause is a relative clause that names tasks by their deadline
// (9月底到期的, 年底前要完成的): in a story, the tasks the question asks for.
var reDueClause = regexp.MustCompile(`(\d{1,2}月|底|末|\d{1,2}[日号]|前|之前|以前)(就|要|得|必须)?(到期|截止|完成|交|办完|弄完)的`)

// reTimeWord is a word of time an asking part may name of its own.
var reTimeWord = regexp.MustCompile(`\d{1,2}月|\d{1,2}[日号]|年底|年末|月底|月末|季度|半年|今天|本周|这周|下周|本月|这个月|下个月|今年|明年|逾期|过期|到期`)

// reConditionalState is a state of work in a condition (要是没落实, 如果已经完成了):
// what follows asks something else.
// A step of work in time (等办完了再审, once it's finished) is none either.
// reLateCounted counts the late tasks in with the others (已过期的也算上).
var reLateCounted = regexp.MustCompile(`(已|已经)?(过期|逾期|超期|过了期)(了)?的(也|都)算`)

var reConditionalState = regexp.MustCompile(`(要是|如果|假如|万一|倘若|若是)[^,，。?？]{0,8}(没|未|不|已经|已)(落实|完成|办完|做完|到位)|等[^,，。?？]{0,8}(落实|完成|办完|做完|弄完|搞完|结案|结束)(了)?(以后|之后)?(再|才)|(落实|完成|办完|做完|弄完|搞完)(了)?(以后|之后)(再|才)|(once|after|when)\s+(it\s+is|it's|its|they\s+are|they're|it\s+has\s+been)\s+(finished|done|completed)`)

// reTimeBackRef points back at a time the question told before (到那天为止,
// 那之前, 9月18号是开会那天，那天到期的): the told time is the one asked.
var reTimeBackRef = regexp.MustCompile(`到那(一|1)?天|那(一|1)?天(为止|之前|以前|前|到期|截止|要交|要完成|该完成)|当天(到期|截止)|到那个(日子|时间点)|那之前`)

// reAsksOne asks which one task (是哪一项, 是那一条 typed for 哪一条).
var reAsksOne = regexp.MustCompile(`(哪|那)(一|1)?(项|条)`)

// reDoneAdjective is an English state word before the thing it describes
// (its finished list, the completed report): no state of work asked.
var reDoneAdjective = regexp.MustCompile(`(finished|completed)(list|lists|report|reports|version|catalogue|catalog|table|records|record|documents|document|files|file|decisions|decision)`)

// reOtherLeads says another unit leads (由别的部门牵头, 其他单位来牵头); beside a
// unit named as responsible (reRespRole) it says that unit does not lead.
var (
	reOtherLeads = regexp.MustCompile(`(但是|但|而|却)?(是)?(由)?(别的|其他|其它|另外的|别家|其他的|另外|别)(部门|单位|处室|处|家|人)(来)?牵头`)
	reRespRole   = regexp.MustCompile(`(当|是|作为|做|为)(责任单位|配合单位|配合)`)
	// reColumnWithoutIt is a column that does not hold the unit named, said
	// with a pronoun (责任单位里没有它自己)
	reColumnWithoutIt = regexp.MustCompile(`(责任单位|配合单位|牵头单位)(里|中|里面|里头|当中|一栏|那栏)?(却|又|并)?(没有|不含|不包括|没|不包含)(它|其|他们)(自己|本身|自身)?`)
)

// reRoleClarified is a role followed by a bracket that names the other column
// only to say it is not the one meant (责任单位（不是牵头）, 牵头（不算配合的）).
var reRoleClarified = regexp.MustCompile(`(责任单位|配合单位|负责单位|牵头单位|牵头)\s*[（(]\s*(而)?(不是|不算|不看|不管|非|并非)(看)?(作为)?(牵头|责任|配合|负责)(单位|的)?\s*[)）]`)

// reLeadsCount asks how many units lead (牵头的单位不止一个, 牵头单位有几个，分别是谁):
// beside a task described, that task has several leads (leadsMany).
var reLeadsCount = regexp.MustCompile(`牵头(的)?(单位|部门)?(不止|超过|多于)(一|1)(个|家)|牵头(的)?(单位|部门)?(有|是)?几(个|家)`)

// reLeadAskedLast ends a question asking the lead of what it describes
// (…一事，请明确牵头部门为何: folded, 是什么).
var reLeadAskedLast = regexp.MustCompile(`(牵头|负责)(部门|单位)(为何|是什么|是哪个|是哪家)$`)
