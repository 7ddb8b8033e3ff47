package reminders

import (
	"context"
)

// The weekly 通报 publishes the head of the audit chain (SEQ:HASH), so that
// the administrators' channel keeps, outside the database, a record that
// `dutybot audit --verify --head SEQ:HASH` checks later: whoever rewrites
// the whole chain in the database cannot make it pass through a head that
// was published before.

// WithAuditHead sets how the dispatcher reads the audit chain's head
// (SEQ:HASH, "" while the log is empty) for the weekly summary. Without it
// the summary carries no head.
func WithAuditHead(head func(context.Context) (string, error)) DispatcherOption {
	return func(d *Dispatcher) error {
		if head == nil {
			return ErrNilAuditHead
		}
		d.auditHead = head
		return nil
	}
}

// readAuditHead reads the head for this tick's summaries. A failure costs
// the summary its head line, not the tick: the reminders still go out.
func (d *Dispatcher) readAuditHead(ctx context.Context) string {
	if d.auditHead == nil {
		return ""
	}
	h, err := d.auditHead(ctx)
	if err != nil {
		d.logger.Warn("reminder tick: audit head for the weekly summary", "err", err)
		return ""
	}
	return h
}

// auditHeadLine is the summary's line that publishes the head, "" when
// there is none to publish.
func auditHeadLine(tr Translator, lang, head string) string {
	if head == "" {
		return ""
	}
	return tr.T(lang, "reminders_summary_audit_head", map[string]any{"Head": head})
}
