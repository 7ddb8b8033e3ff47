// Package knowledge is dutybot's domain: a notice (通知) whose attachment is a
// task-decomposition table (任务分解表), its tasks, the units that lead or do
// them, their deadlines, and the state of the work. It imports nothing of
// dutybot's own and no storage or chat library; adapters convert to and from it.
package knowledge

// Notice is one government notice with its task-decomposition table.
type Notice struct {
	// Number is the document number, e.g. 淮公通〔2019〕395号; it identifies the notice.
	Number string `yaml:"number"`
	// Title is the notice's title as printed.
	Title string `yaml:"title"`
	// Issuer is the issuing office, e.g. 淮南市公安局.
	Issuer string `yaml:"issuer"`
	// Date is the date of issue.
	Date Date `yaml:"date"`
	// Addressees are the 主送 units, in the notice's order.
	Addressees []string `yaml:"addressees"`
	// Cites are the documents the notice rests on (《…》（文号）).
	Cites []Citation `yaml:"cites,omitempty"`
	// Preamble is the opening paragraph before the numbered sections.
	Preamble string `yaml:"preamble,omitempty"`
	// Sections are the numbered requirements of the body (一、二、…).
	Sections []BodySection `yaml:"sections,omitempty"`
	// Closing is the body's text after the last section (contact, attachment line).
	Closing []string `yaml:"closing,omitempty"`
	// TableTitle is the title of the attached table.
	TableTitle string `yaml:"table_title,omitempty"`
	// Note is the table's 说明: what a lead unit and a responsible unit each do.
	Note TableNote `yaml:"note"`
	// Units are the units the table names, with their aliases.
	Units []Unit `yaml:"units"`
	// Tasks are the rows of the table, ordered by number.
	Tasks []Task `yaml:"tasks"`
	// Archived is set when an administrator has retired the notice: its
	// reminders stop, its history and answers stay. It is state, not the
	// notice's content, so no file carries it and the notice's digest
	// (the JSON of its content) leaves it out.
	Archived bool `yaml:"-" json:"-"`
}

// Citation is a document cited by the notice.
type Citation struct {
	Title  string `yaml:"title"`
	Number string `yaml:"number,omitempty"`
}

// BodySection is one numbered section of the notice's body.
type BodySection struct {
	// Numeral is the section's numeral: 一, 二, …
	Numeral string `yaml:"numeral"`
	// Heading is the section's heading sentence, without its numeral.
	Heading string `yaml:"heading"`
	// Paragraphs are the section's sentences after the heading, in order.
	Paragraphs []string `yaml:"paragraphs,omitempty"`
}

// TableNote is the table's 说明.
type TableNote struct {
	// Text is the whole note as printed.
	Text string `yaml:"text,omitempty"`
	// Lead is what a 牵头单位 does.
	Lead string `yaml:"lead,omitempty"`
	// Responsible is what a 责任单位 does.
	Responsible string `yaml:"responsible,omitempty"`
}

// Task is one row of the task-decomposition table.
type Task struct {
	// Number is the task's number in the table (1-based).
	Number int `yaml:"number"`
	// Section is the 一、… heading without its numeral; SectionNumeral is the numeral.
	Section        string `yaml:"section"`
	SectionNumeral string `yaml:"section_numeral"`
	// Subsection is the （一）… heading without its numeral; SubsectionNumeral is the numeral.
	Subsection        string `yaml:"subsection"`
	SubsectionNumeral string `yaml:"subsection_numeral"`
	// Content is the whole task text, without its number.
	Content string `yaml:"content"`
	// Lead are the canonical names of the 牵头单位.
	Lead []string `yaml:"lead"`
	// Responsible are the canonical names of the 责任单位.
	Responsible []string `yaml:"responsible"`
	// Deadline is the table's 进度要求.
	Deadline Deadline `yaml:"deadline"`
	// Periods are the relative time limits the task's text sets (20个工作日内, 每年1月20日前, …).
	Periods []Period `yaml:"periods,omitempty"`
	// Note records a decision made where the source was ambiguous, for reviewers.
	Note string `yaml:"note,omitempty"`
}

// Units returns every unit named by the task with its role, leads first.
func (t *Task) Units() []Assignment {
	out := make([]Assignment, 0, len(t.Lead)+len(t.Responsible))
	for _, u := range t.Lead {
		out = append(out, Assignment{Task: t.Number, Unit: u, Role: RoleLead})
	}
	for _, u := range t.Responsible {
		out = append(out, Assignment{Task: t.Number, Unit: u, Role: RoleResponsible})
	}
	return out
}

// Has reports whether unit plays role in t. A unit may be both lead and
// responsible (task 8 of the Huainan notice names 市局办公室 in both columns).
func (t *Task) Has(unit string, role Role) bool {
	list := t.Responsible
	if role == RoleLead {
		list = t.Lead
	}
	for _, u := range list {
		if u == unit {
			return true
		}
	}
	return false
}

// Task returns the task numbered n, or nil.
func (n *Notice) Task(number int) *Task {
	for i := range n.Tasks {
		if n.Tasks[i].Number == number {
			return &n.Tasks[i]
		}
	}
	return nil
}
