package store

import "time"

// The row structs below are the store's own: knowledge never sees GORM tags,
// and a change of the domain types does not silently change the schema.
// Every time column holds UTC truncated to microseconds, so that SQLite's
// text timestamps compare in time order and both engines keep the same value.

// schemaVersionRow records one applied migration.
type schemaVersionRow struct {
	Version   int `gorm:"primaryKey;autoIncrement:false"`
	AppliedAt time.Time
}

// TableName names the table.
func (schemaVersionRow) TableName() string { return "schema_versions" }

// noticeRow is one notice; the parts of it that are only ever read whole
// (addressees, citations, body, closing, table note) are kept as JSON text.
type noticeRow struct {
	ID         int64  `gorm:"primaryKey"`
	Number     string `gorm:"size:200;not null;uniqueIndex"`
	Title      string `gorm:"type:text;not null"`
	Issuer     string `gorm:"size:200;not null"`
	Date       string `gorm:"size:10;not null"`
	TableTitle string `gorm:"type:text;not null"`
	Body       string `gorm:"type:text;not null"` // JSON noticeBody
	Note       string `gorm:"type:text;not null"` // JSON knowledge.TableNote
	Digest     string `gorm:"size:64;not null"`   // SHA-256 of the imported notice, for the audit log
	ImportedAt time.Time

	Tasks []taskRow       `gorm:"foreignKey:NoticeID;constraint:OnDelete:CASCADE"`
	Units []noticeUnitRow `gorm:"foreignKey:NoticeID;constraint:OnDelete:CASCADE"`
}

// TableName names the table.
func (noticeRow) TableName() string { return "notices" }

// taskRow is one row of a notice's table. Lead and responsible units are
// AssignmentRows.
type taskRow struct {
	ID                int64  `gorm:"primaryKey"`
	NoticeID          int64  `gorm:"not null;uniqueIndex:idx_tasks_notice_number,priority:1"`
	Number            int    `gorm:"not null;uniqueIndex:idx_tasks_notice_number,priority:2"`
	Section           string `gorm:"type:text;not null"`
	SectionNumeral    string `gorm:"size:20;not null"`
	Subsection        string `gorm:"type:text;not null"`
	SubsectionNumeral string `gorm:"size:20;not null"`
	Content           string `gorm:"type:text;not null"`
	DeadlineText      string `gorm:"type:text;not null"`
	DeadlineKind      string `gorm:"size:20;not null"`
	DeadlineDate      string `gorm:"size:10;not null"`
	Periods           string `gorm:"type:text;not null"` // JSON []knowledge.Period
	Note              string `gorm:"type:text;not null"`

	Assignments []assignmentRow `gorm:"foreignKey:TaskID;constraint:OnDelete:CASCADE"`
}

// TableName names the table.
func (taskRow) TableName() string { return "tasks" }

// unitRow is an office under its canonical name. Units are shared by all
// notices: a channel bound to 法制支队 serves every notice that names it.
type unitRow struct {
	ID      int64  `gorm:"primaryKey"`
	Name    string `gorm:"size:200;not null;uniqueIndex"`
	Group   bool   `gorm:"column:is_group;not null"`
	Channel string `gorm:"size:100;not null"`

	Aliases []unitAliasRow  `gorm:"foreignKey:UnitID;constraint:OnDelete:CASCADE"`
	Members []unitMemberRow `gorm:"foreignKey:UnitID;constraint:OnDelete:CASCADE"`
}

// TableName names the table.
func (unitRow) TableName() string { return "units" }

// unitAliasRow is one alias of a unit as a notice gave it; re-importing the
// notice replaces its aliases, so a wrong alias can be corrected.
type unitAliasRow struct {
	UnitID   int64  `gorm:"primaryKey;autoIncrement:false"`
	NoticeID int64  `gorm:"primaryKey;autoIncrement:false"`
	Alias    string `gorm:"primaryKey;size:200"`
	Position int    `gorm:"not null"`

	Notice *noticeRow `gorm:"foreignKey:NoticeID;constraint:OnDelete:CASCADE"`
}

// TableName names the table.
func (unitAliasRow) TableName() string { return "unit_aliases" }

// unitMemberRow is one member of a group unit, in order.
type unitMemberRow struct {
	UnitID   int64  `gorm:"primaryKey;autoIncrement:false"`
	Position int    `gorm:"primaryKey;autoIncrement:false"`
	Member   string `gorm:"size:200;not null"`
}

// TableName names the table.
func (unitMemberRow) TableName() string { return "unit_members" }

// noticeUnitRow lists a unit among a notice's units, in the notice's order.
type noticeUnitRow struct {
	NoticeID int64 `gorm:"primaryKey;autoIncrement:false"`
	UnitID   int64 `gorm:"primaryKey;autoIncrement:false"`
	Position int   `gorm:"not null"`

	Unit *unitRow `gorm:"foreignKey:UnitID;constraint:OnDelete:RESTRICT"`
}

// TableName names the table.
func (noticeUnitRow) TableName() string { return "notice_units" }

// assignmentRow is one unit's part (lead or responsible) in one task, with
// its completion state. The notice's own parts have ViaID nil; a member unit
// of a group (凤台县局 of 各分县局) has a part of its own in each task of the
// group, with the group's role, ViaID naming the group, Position the
// group's and Sub its place among the members (1, 2, …), so that it lists
// right after the group.
type assignmentRow struct {
	ID       int64  `gorm:"primaryKey"`
	TaskID   int64  `gorm:"not null;uniqueIndex:idx_assignments_task_unit_role,priority:1"`
	UnitID   int64  `gorm:"not null;uniqueIndex:idx_assignments_task_unit_role,priority:2;index:idx_assignments_unit"`
	Role     string `gorm:"size:20;not null;uniqueIndex:idx_assignments_task_unit_role,priority:3"`
	Position int    `gorm:"not null"`
	Sub      int    `gorm:"not null;default:0"`
	ViaID    *int64 `gorm:"column:via_unit_id"`
	Done     bool   `gorm:"not null"`
	DoneAt   *time.Time
	DoneBy   string `gorm:"size:200;not null"`

	Unit *unitRow `gorm:"foreignKey:UnitID;constraint:OnDelete:RESTRICT"`
}

// TableName names the table.
func (assignmentRow) TableName() string { return "assignments" }

// userRow records which unit a chat user belongs to.
type userRow struct {
	UserID string `gorm:"primaryKey;size:200"`
	UnitID int64  `gorm:"not null"`

	Unit *unitRow `gorm:"foreignKey:UnitID;constraint:OnDelete:RESTRICT"`
}

// TableName names the table.
func (userRow) TableName() string { return "users" }

// auditRow is one entry of the hash-chained audit log.
type auditRow struct {
	Seq    int64     `gorm:"primaryKey;autoIncrement:false"`
	At     time.Time `gorm:"not null"`
	User   string    `gorm:"column:actor_user;size:200;not null"`
	Via    string    `gorm:"column:actor_via;size:50;not null"`
	Action string    `gorm:"size:50;not null"`
	Notice string    `gorm:"size:200;not null"`
	Task   int       `gorm:"not null"`
	Unit   string    `gorm:"size:200;not null"`
	Before string    `gorm:"type:text;not null"`
	After  string    `gorm:"type:text;not null"`
	Prev   string    `gorm:"size:64;not null"`
	Hash   string    `gorm:"size:64;not null"`
	// Added by migration 4: where the change was asked (a Slack channel
	// and team) and which of the unit's roles it applies to ("" for all).
	Channel string `gorm:"size:100;not null;default:''"`
	Team    string `gorm:"size:100;not null;default:''"`
	Role    string `gorm:"size:50;not null;default:''"`
}

// TableName names the table.
func (auditRow) TableName() string { return "audit_log" }

// auditHeadRow is the single row (ID 1) that names the last audit entry. Every
// audited transaction locks it first, which serialises writers on PostgreSQL,
// and it reveals a deleted or appended tail entry that the chain alone cannot.
type auditHeadRow struct {
	ID   int    `gorm:"primaryKey;autoIncrement:false"`
	Seq  int64  `gorm:"not null"`
	Hash string `gorm:"size:64;not null"`
}

// TableName names the table.
func (auditHeadRow) TableName() string { return "audit_head" }

// reminderRow is one reminder in the delivery log.
type reminderRow struct {
	ID          int64     `gorm:"primaryKey"`
	Key         string    `gorm:"column:reminder_key;size:500;not null;uniqueIndex"`
	Notice      string    `gorm:"size:200;not null"`
	Task        int       `gorm:"not null"`
	Unit        string    `gorm:"size:200;not null"`
	Role        string    `gorm:"size:20;not null"`
	Kind        string    `gorm:"size:20;not null"`
	At          time.Time `gorm:"not null;index:idx_reminders_due,priority:2"`
	Due         string    `gorm:"size:10;not null"`
	State       string    `gorm:"size:20;not null;index:idx_reminders_due,priority:1"`
	Attempts    int       `gorm:"not null"`
	NextAttempt time.Time `gorm:"not null"`
	ClaimOwner  string    `gorm:"size:200;not null"`
	ClaimUntil  *time.Time
	LastError   string `gorm:"type:text;not null"`
	SentAt      *time.Time
	Channel     string `gorm:"size:100;not null"`
	MessageTS   string `gorm:"column:message_ts;size:100;not null"`
	Reason      string `gorm:"type:text;not null"`
}

// TableName names the table.
func (reminderRow) TableName() string { return "reminders" }

// leaseRow is a named lease held by one owner until ExpiresAt.
type leaseRow struct {
	Key       string    `gorm:"column:lease_key;primaryKey;size:200"`
	Owner     string    `gorm:"size:200;not null"`
	ExpiresAt time.Time `gorm:"not null"`
}

// TableName names the table.
func (leaseRow) TableName() string { return "leases" }

// allRows are the tables of schema version 1, parents first.
func allRows() []any {
	return []any{
		&unitRow{}, &noticeRow{}, &taskRow{}, &unitAliasRow{}, &unitMemberRow{},
		&noticeUnitRow{}, &assignmentRow{}, &userRow{}, &auditRow{}, &auditHeadRow{},
		&reminderRow{}, &leaseRow{},
	}
}
