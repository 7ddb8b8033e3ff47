package bot

import "dutybot/knowledge"

// roleFilter is the part a question asks a unit to play.
type roleFilter int

const (
	roleAny roleFilter = iota
	roleLead
	roleResponsible
)

// statusFilter is the state of work a question asks about.
type statusFilter int

const (
	statusAny statusFilter = iota
	statusOpen
	statusDone
	statusPartial
	statusOverview // 进度, 完成情况: a summary, not a list
)

// ask is what a question wants to know about a task; several may be set.
type ask uint16

const (
	askDeadline ask = 1 << iota // 期限, 什么时候
	askPeriod                   // 几天, 时限: a time limit the task's text sets
	askDaysLeft                 // 还剩几天: the days from today to the task's deadline
	askWho                      // 谁牵头, 哪个部门
	askStatus                   // 完成了吗
	askRatio                    // 比例, 百分比: a share the text sets (5%)
	askArticle                  // 规定的第几条: an article of a document the text cites
	askDocument                 // 依据省厅哪个文件, 文号: a document the text cites
	askPlace                    // 在哪里公开, 挂哪个网站: a place the text names
)

// query is what the engine understood of a question.
type query struct {
	raw  string
	text string // folded, punctuation kept
	flat string // folded, words only
	// asking is text with the clauses that tell a story or make a remark
	// (withoutStory) put as |: what the question asks, read once
	asking string
	nums   []int // tasks named by number (第3项, 任务22, task 7)
	units  []string
	// mentions are the words that named the units, as written: 政务服务窗口
	// is a unit and also words of a task (unitWords)
	mentions []string
	role     roleFilter
	roleBy   bool // a role word was written (牵头, 作为责任单位)
	when     *window
	kind     knowledge.DeadlineKind // ongoing or none when asked for; "" otherwise
	late     bool                   // 已逾期
	soon     bool                   // 即将到期
	today    knowledge.Date         // the day the question says it is (今天是10月20日), else zero
	status   statusFilter
	count    bool
	list     bool
	mine     bool // 我们单位的任务
	ask      ask
	rest     []string // the words that are left: what the question is about
	// conds are each unit's own condition when the question composes them
	// (negation, a unit alone or in both columns, different roles); nil otherwise
	conds []unitCond
	// multiLead asks for tasks with more than one lead unit; selfBoth for tasks
	// where one unit is in both columns
	multiLead, selfBoth bool
	// leadsMany says the one task asked about has several leads (据悉牵头
	//单位不止一家，系哪几家): no filter, a hint that ranks such tasks first
	leadsMany          bool
	super              superlative
	soleLead, soleResp bool            // one unit only in that column (责任单位只列了一个)
	monthEnd           int             // +1: the deadline is a month's last day; -1: it is not
	light              knowledge.Light // 亮红灯: the tasks (or the units' parts) showing it
	part               *part           // a section of the table the question names by topic
	nask               *noticeAsk      // what it asks of the notice itself, read once (noticeAsk)
	askedOnly          *query          // its asking clauses read alone, read once (askedQuery)
	rewritten          bool            // rest already rewritten by the thesaurus (sharedParse)
}

func (q *query) filtered() bool {
	return len(q.units) > 0 || q.multiLead || q.selfBoth || q.soleLead || q.soleResp || q.monthEnd != 0 || q.light != "" || q.super != superNone || q.part != nil || q.when != nil || q.kind != "" || q.late || q.soon ||
		q.status == statusOpen || q.status == statusDone || q.status == statusPartial || q.mine
}

// timed reports whether the question filters the table by time or state:
// late, due soon, a date or period, a kind of deadline.
// filteredBeyondUnits reports whether q filters by anything but its units.
func (q *query) filteredBeyondUnits() bool {
	return q.when != nil || q.kind != "" || q.late || q.soon || q.status != statusAny || q.super != superNone || q.part != nil || q.monthEnd != 0
}

func (q *query) timed() bool {
	return q.late || q.soon || q.when != nil || q.kind != "" || q.monthEnd != 0
}
