package bot

import (
	"context"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"dutybot/bot/textnorm"
	"dutybot/knowledge"
)

// TestUnitIndex_find_everyAlias asks about every name and alias of every unit
// of the notice, as written there (各县、分局 and 各县（分）局 included).
func TestUnitIndex_find_everyAlias(t *testing.T) {
	e, _ := newTestEngine(t)
	asked := knowledge.Date{Year: 2019, Month: 9, Day: 20}
	s := e.snap.Load()
	for _, u := range huainan(t).Units {
		for _, name := range append([]string{u.Name}, u.Aliases...) {
			t.Run(name, func(t *testing.T) {
				q := parse(s.slips.Replace(textnorm.Fold(name+"参与哪些任务")), s, clock{today: asked, yearOf: s.yearOf(asked)})
				if !slices.Equal(q.units, []string{u.Name}) {
					t.Errorf("units = %v, want [%s]", q.units, u.Name)
				}
			})
		}
	}
}

var reHeadCount = regexp.MustCompile(`共(\d+)项`)

// TestEngine_Handle_roleLimitsTheList asks for a unit's tasks in one role: only
// that role's group, each task once and in table order, and the headline
// counts what is listed.
func TestEngine_Handle_roleLimitsTheList(t *testing.T) {
	e, _ := newTestEngine(t)
	cases := []struct {
		q     string
		group string // the one group title
		want  []int
	}{
		{"市局办公室作为责任单位的任务", "作为责任单位", []int{2, 8, 9, 10, 26}},
		{"法制支队作为责任单位的任务有几项", "作为责任单位", []int{1, 7, 9, 12, 15, 16, 18, 19, 23, 25, 34, 39}},
		{"市局办公室牵头的任务", "作为牵头单位", []int{1, 6, 7, 8, 10, 11, 12, 34}},
		{"法制支队牵头哪些任务", "作为牵头单位", nil}, // 20 tasks: checked by shape only
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			rep := send(t, e, "U1", c.q)
			if len(rep.Groups) != 1 || !strings.HasPrefix(rep.Groups[0].Title, c.group) {
				t.Fatalf("groups %+v, want one %q group:\n%s", rep.Groups, c.group, rep.Text)
			}
			if !slices.IsSorted(rep.Tasks) || len(slices.Compact(slices.Clone(rep.Tasks))) != len(rep.Tasks) {
				t.Errorf("tasks %v not in order or repeated", rep.Tasks)
			}
			if c.want != nil && !slices.Equal(rep.Tasks, c.want) {
				t.Errorf("tasks %v, want %v", rep.Tasks, c.want)
			}
			m := reHeadCount.FindStringSubmatch(rep.Headline)
			if n, _ := strconv.Atoi(m[1]); m == nil || n != len(rep.Tasks) || strings.Count(rep.Text, "· 第") != len(rep.Tasks) {
				t.Errorf("headline %q, %d lines, for %d tasks", rep.Headline, strings.Count(rep.Text, "· 第"), len(rep.Tasks))
			}
		})
	}
}

// TestLooksEnglish decides the reply language from the words alone.
func TestLooksEnglish(t *testing.T) {
	e, _ := newTestEngine(t)
	ui := e.snap.Load().units
	cases := []struct {
		in   string
		want bool
	}{
		{"overdue tasks", true},
		{"tasks due this month", true},
		{"What does task 7 require?", true},
		{"Which tasks does 人事处 take part in?", true},
		{"which tasks does 各县、分局 take part in", true},
		{"第1项", false},
		{" 第1项", false}, // what is left of "<!channel> 第1项"
		{"第1项 status", false},
		{"看看 https://example.com/tasks/overview 这个", false},
		{"法制支队的任务", false},
		{"22", false},
	}
	for _, c := range cases {
		if got := looksEnglish(c.in, ui); got != c.want {
			t.Errorf("looksEnglish(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// TestEngine_Handle_languageIgnoresMarkup answers a Chinese message with
// Slack markup in Chinese, and English questions that start with a command
// word in English.
func TestEngine_Handle_languageIgnoresMarkup(t *testing.T) {
	e, _ := newTestEngine(t)
	cases := []struct{ in, says string }{
		{"<!channel> 第1项", "第1项："},
		{"<@U0123> <!here> 法制支队牵头的任务有哪些？ :eyes:", "法制支队牵头的任务共"},
		{"overdue tasks", "tasks overdue"},
		{"tasks due this month", "tasks due in 2019-9"},
		{"done 22", "管理员"}, // a command: the configured language
	}
	for _, c := range cases {
		if rep := send(t, e, "U1", c.in); !strings.Contains(rep.Text, c.says) {
			t.Errorf("%q: reply %.120q does not say %q", c.in, rep.Text, c.says)
		}
	}
}

// TestEngine_Handle_malformedCommandsGiveUsage answers a command word with no
// argument or one of the wrong shape with the command's usage, for anyone,
// changing nothing; questions that start with a command word stay questions.
func TestEngine_Handle_malformedCommandsGiveUsage(t *testing.T) {
	e, st := newTestEngine(t)
	cases := []struct{ in, says string }{
		{"done", "完成 N [单位]"},
		{"done abc", "完成 N [单位]"},
		{"完成 x1", "完成 N [单位]"},
		{"reopen", "重开 N [单位]"},
		{"task", "任务 N"},
		{"任务 abc", "任务 N"},
		{"iam", "我是 单位"},
		{"我是", "我是 单位"},
	}
	for _, user := range []string{admin, "UNOBODY"} {
		for _, c := range cases {
			t.Run(user+"/"+c.in, func(t *testing.T) {
				before := auditLen(t, st)
				rep := send(t, e, user, c.in)
				if rep.Changed || len(rep.Tasks) != 0 || !strings.Contains(rep.Text, "用法："+c.says) {
					t.Errorf("changed=%v tasks=%v text=%q, want the usage %q", rep.Changed, rep.Tasks, rep.Text, c.says)
				}
				if got := auditLen(t, st); got != before {
					t.Errorf("audit grew from %d to %d", before, got)
				}
			})
		}
	}
	questions := []struct {
		in   string
		task int // the first task of the answer; 0 for none expected
		says string
	}{
		{"任务22的期限", 22, "2019年10月底前"},
		{"任务 第五项", 5, "政务服务窗口"},
		{"完成情况怎么样", 0, "已完成0项"},
		{"完成 情况", 0, "已完成0项"},
		{"任务有哪些", 1, "任务共43项"},
	}
	for _, c := range questions {
		rep := send(t, e, "U1", c.in)
		if strings.Contains(rep.Text, "用法") || !strings.Contains(rep.Text, c.says) || c.task != 0 && (len(rep.Tasks) == 0 || rep.Tasks[0] != c.task) {
			t.Errorf("%q: tasks=%v %.120q, want a question's answer saying %q", c.in, rep.Tasks, rep.Text, c.says)
		}
	}
}

// TestEngine_Handle_unitConditionsComposed reads each unit's condition
// where the question denies one column by name, speaks of the unit's people
// or takes back its own guess.
func TestEngine_Handle_unitConditionsComposed(t *testing.T) {
	e, _ := newTestEngine(t)
	for _, c := range []struct {
		q    string
		want []int
	}{
		// a column denied by name leaves the other open
		{"办公室牵头，但是它自己不在责任单位里头的，哪几条？", []int{1, 6, 7, 11, 12, 34}},
		{"办公室牵头，责任单位里没有办公室的任务", []int{1, 6, 7, 11, 12, 34}},
		{"责任单位里没有各分县局的任务", []int{10, 37}},
		{"法制支队不在牵头单位里的任务", []int{1, 3, 5, 6, 7, 8, 9, 10, 11, 12, 14, 16, 18, 19, 23, 29, 30, 31, 34, 39, 41, 42, 43}},
		// a unit's people are the unit; a unit set aside filters a list
		{"有没有哪条任务各分县局的同志完全不用管？", []int{10, 37}},
		// the guess taken back: the question about one task stands
		{"服务指南、流程图编制，牵头的是办公室吧？不对，我记得好像是别家", []int{2}},
	} {
		t.Run(c.q, func(t *testing.T) {
			if rep := send(t, e, "U1", c.q); !slices.Equal(rep.Tasks, c.want) {
				t.Errorf("tasks %v, want %v\n%s", rep.Tasks, c.want, rep.Text)
			}
		})
	}
}

// TestEngine_Handle_bareMonthYearsLater reads a bare month no deadline falls
// in as the notice's year even when the question is asked years later.
func TestEngine_Handle_bareMonthYearsLater(t *testing.T) {
	e, _ := newTestEngine(t)
	for _, c := range []struct {
		q    string
		want []int
	}{
		{"11月底以前（含）需完成的有哪几项", []int{1, 2, 5, 22, 25, 26, 27}},
		{"11月有没有到期的任务", []int{}},
		{"第四季度（10—12月）到期的有哪些？", []int{8, 9, 15, 22, 41, 42, 43}},
		{"截至9月底（含）以前要完成的，全部列出来", []int{1, 2, 5, 25, 26, 27}},
	} {
		t.Run(c.q, func(t *testing.T) {
			rep := e.Handle(context.Background(), Message{User: "U1", Via: "console", Text: c.q, Now: day(t, "2026-11-30")})
			if got := slices.Sorted(slices.Values(rep.Tasks)); !slices.Equal(got, c.want) && !(len(got) == 0 && len(c.want) == 0) {
				t.Errorf("tasks %v, want %v\n%s", rep.Tasks, c.want, rep.Text)
			}
		})
	}
}

// TestEngine_Handle_storiesAndSpeech reads messages as fresh writers put
// them: a scene stated in a whole sentence before the question, a unit that
// only puts the question to the asker, spans said colloquially (俩礼拜,
// 一个礼拜之内), a unit's "line" (科技口), and English whose squeezed words
// hold a state word by accident ("do penalty" is no "open").
func TestEngine_Handle_storiesAndSpeech(t *testing.T) {
	e, _ := newTestEngine(t)
	for _, c := range []struct {
		q    string
		want []int // the tasks, in order (the first is the answer)
	}{
		{"这一个礼拜之内到期的有没？", []int{}},
		{"俩礼拜内要到期的都有啥？", []int{25, 26, 27}},
		{"所里的执法记录仪坏了一半，申请新的半年没批下来。记录仪配发、使用管理这摊事谁牵头？", []int{16}},
		{"上周一个年轻民警出警说话太冲，被群众录了视频发到网上。执勤说话规范的学习，哪个部门牵头组织？", []int{14}},
		{"督察问我这个文件里有明确完成日期的任务一共几项，我没数过。几项？", []int{1, 2, 5, 8, 9, 15, 22, 25, 26, 27, 41, 42, 43}},
		{"Within how many working days do penalty and licensing decisions have to be made public?", []int{6}},
		{"科技口当配合单位（责任单位）的有哪些？", []int{7, 12, 16, 22, 36, 37}},
		{"法制自个儿牵头、自个儿又挂责任单位的有哪几条？", []int{15, 25}},
		{"指挥中心在这表里有活儿没？哪条？", []int{37}},
		// completion said colloquially, a batch, a 'line' word in English, a
		// unit word that is the start of another word (和处罚 is no office)
		{"8月底那批是哪几个", []int{1, 5}},
		{"罚没款收缴这块有什么硬性规定？", []int{42}},
		{"科技处当owner的有哪几项？", []int{9, 18, 19, 29, 30, 31, 35}},
		{"行政许可和处罚的决定，做出来以后几个工作日内必须挂到网上？", []int{6}},
		{"全过程记录那部分哪些有节止日", []int{15, 22}},
		{"请问我们政务服务窗口被列进去的是哪一条呀？", []int{5}},
		{"人事处涉及的有限期要办的吗？哪条", []int{43}},
		// what is left of this month; 'by the end of' is everything due until then
		{"这个月还有啥要到期的？", []int{25, 26, 27}},
		{"Which tasks are due by the end of September 2019?", []int{1, 2, 5, 25, 26, 27}},
		{"which tasks does the police logistics support division lead", []int{16, 35, 41, 42, 43}},
	} {
		t.Run(c.q, func(t *testing.T) {
			if rep := send(t, e, "U1", c.q); !slices.Equal(nonNil(rep.Tasks), c.want) {
				t.Errorf("tasks %v, want %v\n%s", rep.Tasks, c.want, rep.Text)
			}
		})
	}
}

// TestEngine_Handle_session8Kinds holds one question of each kind the
// fresh rounds 89–101 showed (worded here, not copied from the rounds).
func TestEngine_Handle_session8Kinds(t *testing.T) {
	e, _ := newTestEngine(t)
	for _, c := range []struct {
		q    string
		want []int // the tasks, in order (the first is the answer)
	}{
		// ought to but did not, said colloquially
		{"该亮出去的一直没亮出去，上面要求怎么办？", []int{11}},
		// a work-group label: a unit's stays (我们处), any other is cut
		{"【科技处】我们处牵头的有哪些", []int{9, 18, 19, 29, 30, 31, 35}},
		{"【转发】法制审核人员最少要占执法民警多少？", []int{23}},
		// a unit that only puts the question is no filter
		{"科技处的同志问，法制审核人员不少于执法人员的百分之几？", []int{23}},
		// the unit named is the kind of unit asked for in a task described
		{"纪检方面是哪个单位被列进审核追责那一条？", []int{28}},
		// a unit described by what it is in charge of; its side (那边)
		{"那个管装备的处牵头的有哪些", []int{16, 35, 41, 42, 43}},
		{"警保那边只配合不牵头的有哪几项", []int{18, 19, 24, 29, 33, 34, 36, 37}},
		// the points a part makes are the body's; a guessed document number
		{"保障那部分提了哪几点要求？", []int{}},
		{"文号是淮公发2019年多少号来着？", []int{}},
		// the next deadline is the next one, not the next within two weeks
		{"What is the next deadline coming up?", []int{25, 26, 27}},
		{"Which tasks led by 科技处 have a fixed due date?", []int{9}},
		{"这个月还有哪些任务到期（今天及以后）？", []int{25, 26, 27}},
		// a concessive waves the lead aside and denies nothing
		{"责任单位里有法制支队（不管它是不是同时牵头）、有明确日期的任务", []int{1, 9, 15, 25}},
	} {
		t.Run(c.q, func(t *testing.T) {
			if rep := send(t, e, "U1", c.q); !slices.Equal(nonNil(rep.Tasks), c.want) {
				t.Errorf("tasks %v, want %v\n%s", rep.Tasks, c.want, rep.Text)
			}
		})
	}
}

// TestEngine_Handle_session9Kinds holds one freshly worded question for each
// kind of question session 9 taught the engine to read: scenes told before
// the question, roles and parts read from the part that asks, and the
// table's columns and deadlines in everyday words.
func TestEngine_Handle_session9Kinds(t *testing.T) {
	e, _ := newTestEngine(t)
	for _, c := range []struct {
		q    string
		want []int  // the tasks, in order (the first is the answer)
		text string // what the answer must say, where no task says it
	}{
		// a scene with off-topic words, in its own sentence or its own clause
		{"所里打印机又坏了。执法决定作出后几个工作日内要公开？", []int{6}, ""},
		{"昨天给一个违章的开了罚单，这种处罚决定最迟几个工作日内要挂到网上？", []int{6}, ""},
		// an English scene tells a story: its "today" bounds no deadline
		{"Someone from 科技处 came by today. Which tasks does 科技处 lead?", []int{9, 18, 19, 29, 30, 31, 35}, ""},
		{"I visited the Technology Office (科技处) today. Which tasks do they lead?", []int{9, 18, 19, 29, 30, 31, 35}, ""},
		// a room is no unit; the story's roles are not the ones asked
		{"我刚回到办公室，最早到期的是哪几项？", []int{1, 5}, ""},
		{"督察的人说他们也牵头过。督察支队作为责任单位的有哪些？", []int{4, 11, 20, 21, 28, 38}, ""},
		// a stretch of time, a month's middle, a passed deadline, a deadline told
		{"10到12月那段到期的有哪些", []int{8, 9, 15, 22, 41, 42, 43}, ""},
		{"定在9月中旬那个节点的是哪项", []int{2}, ""},
		{"截止日期早就过了的有哪些", []int{1, 2, 5}, ""},
		{"听说有个任务9月18号前要弄完。是哪一项？", []int{2}, ""},
		{"教导员说10月底有个节点。是哪几项？", []int{22}, ""},
		{"时间排在最后的是哪几项？", []int{8, 9, 15, 41, 42, 43}, ""},
		// a part named in the asking part, or by its place
		{"我负责装备这块。信息化建设那一大块里有明确期限的是哪些？", []int{}, "四、加强执法信息化建设"},
		{"表里最后一大块里有明确期限的是哪些？", []int{41, 42, 43}, ""},
		{"我得在会上讲讲落实。文件最后一部分讲了什么？", []int{}, "强化保障"},
		// how long a limit is, not 长期
		{"流程图挂出去以后，法规变了多长期限内要更新？", []int{2}, ""},
		// the two columns in everyday words; a unit's share of work
		{"表里带头的部门和跟着干活的部门有啥区别？", []int{}, "负责该项工作任务的统筹、协调、推进"},
		{"指挥中心在表里有分到活吗？", []int{37}, ""},
		{"哪几项市局办公室既是带头的又在配合那一栏？", []int{8, 10}, ""},
		// everyday words for a task's terms; ought-to-but-did-not read by
		// textnorm.ShouldButNot, with no phrase of it in the lexicon
		{"扣下来的钱和东西要不要进系统管？", []int{31}, ""},
		{"该晒的没晒，文件里怎么要求的？", []int{11}, ""},
		{"该公开的不公开怎么处理？", []int{11}, ""},
	} {
		t.Run(c.q, func(t *testing.T) {
			rep := send(t, e, "U1", c.q)
			if !slices.Equal(nonNil(rep.Tasks), c.want) || !strings.Contains(rep.Text, c.text) {
				t.Errorf("tasks %v, want %v and %q\n%s", rep.Tasks, c.want, c.text, rep.Text)
			}
		})
	}
}
