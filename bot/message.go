// Package bot is dutybot's conversation engine: it turns a chat message
// (a question in officers' own words, or a command) into a reply, reading the
// notice's knowledge and the store's state. Chat adapters (bot/slack,
// bot/console) only carry messages to and from it.
package bot

import (
	"time"

	"dutybot/knowledge"
)

// Message is one chat message to the bot.
type Message struct {
	// User is the sender's user ID (a Slack user ID; the OS user in the console).
	User string
	// Channel is the chat channel the message came from ("" in the console).
	Channel string
	// Team is the chat workspace the message came from (a Slack team ID;
	// "" in the console). With Channel it is recorded in the audit log.
	Team string
	// Via names the adapter: slack, console or cli. It is recorded in the audit log.
	Via string
	// Text is what the user wrote.
	Text string
	// Lang is the user's language tag (zh-CN or en); "" means the engine's default.
	Lang string
	// Now is the moment the message is handled; questions about 本月, 逾期 or
	// 下周 are answered relative to its date in Asia/Shanghai.
	Now time.Time
}

// Reply is the engine's answer to one Message.
type Reply struct {
	// Text is the whole answer as a person reads it (plain text).
	Text string
	// Tasks are the task numbers the answer is about, most relevant first;
	// empty for help, questions about the notice itself, and out-of-scope questions.
	Tasks []int
	// Headline is the direct answer, the first thing a person reads.
	Headline string
	// Items are the tasks the answer cites, in the order of Tasks, with the
	// facts a rich adapter (Slack Block Kit) lays out.
	Items []Item
	// Groups, when set, split a list answer into headed groups (e.g. as lead,
	// as responsible) by task number; Items still hold every task once.
	Groups []Group
	// Notices, when the database holds several notices, are the tasks of
	// the answer per notice, in the order Text gives them (Tasks alone
	// cannot say which notice's task 5 it is); nil with one notice.
	Notices []NoticeTasks
	// Kind names the kind of question or command, for metrics and logs
	// (task, fact, who, unit, deadline, relative, status, notice, help,
	// command, refused, unknown, out_of_scope).
	Kind string
	// Changed is true when the message changed shared state.
	Changed bool
	// Private is true when the reply is for the asker's eyes only (it holds
	// a personal link): an adapter shows it to the asker alone even where
	// others would see an ordinary answer (Slack: ephemeral in a channel).
	Private bool
	// Notify are messages for others that the change calls for (a problem
	// to the lead unit and the administrators, a rejection to its unit).
	Notify []Notification
	// Attachment, when set, is a file that goes with the answer (the
	// ledger's workbook); an adapter that shares files uploads it.
	Attachment *Attachment
	// Err is why the engine did not do what the message asked, nil for an
	// answer: a command refused or invalid, a change the store failed to
	// write, a message too long, a failure. knowledge.ErrUnchanged means
	// the state asked for was already there. Text says it to the user;
	// Err lets an adapter report failure otherwise (the console's exit
	// status).
	Err error
	// brief marks a list counted but not written out (request.brief).
	brief bool
}

// Item is one task cited by a reply.
type Item struct {
	Notice      string
	Task        int
	Content     string
	Quote       string // the sentence of the task that answers the question ("" to show Content)
	Lead        []string
	Responsible []string
	Deadline    knowledge.Deadline
	Status      knowledge.Status
	Section     string
	Subsection  string
	// DeadlineText and StatusText are the deadline and the status as the
	// engine writes them in the reply's language (已逾期 included): adapters
	// show these, so that a fact is rendered in one place.
	DeadlineText, StatusText string
	// Light is the task's light today (its worst part's, LightNone when
	// done), "" when it could not be read; LightText names it in the reply's
	// language (红灯, …). Progress is the newest progress any unit reported
	// on the task as a line in that language (最新进展（2019-10-25，法制支队）：…),
	// "" when none was. The text answer's 督办 line is made of these.
	Light               knowledge.Light
	LightText, Progress string
}

// Group is a headed part of a list answer.
type Group struct {
	Title string
	Tasks []int
}

// Home is what a user's App Home shows: their own unit's tasks and the
// overall progress.
type Home struct {
	User string
	// Unit is the user's own unit (set with iam / 我是), "" when not set.
	Unit string
	// Lead and Responsible are the unit's tasks in each role, ordered by deadline.
	Lead        []Item
	Responsible []Item
	// Lights are the lights of the unit's parts of its tasks, by notice and
	// task number (the worst, when it has more than one part in a task).
	Lights map[TaskRef]HomeLight
	// Sections and Units are the overall progress, in table order and by unit name.
	Sections []Progress
	Units    []Progress
	// Notices are the notices shown, newest first: with more than one, each
	// item's Notice says whose task it is and progress names carry the 文号.
	Notices []string
}

// HomeLight is one light of App Home: the light and its name in the
// reply's language (红灯, …), with the latest progress the viewer's unit
// reported on the task.
type HomeLight struct {
	Light knowledge.Light
	Text  string
	// Progress is that report as a line in the reply's language
	// (最新进展（2019-10-25）：…), "" when the unit reported none.
	Progress string
}

// Progress counts the tasks of one section or one unit by status.
type Progress struct {
	Name                          string
	Total, Done, Partial, Overdue int
}

// TaskRef names one task of one notice: task numbers repeat across notices.
type TaskRef struct {
	Notice string
	Task   int
}
