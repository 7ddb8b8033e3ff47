package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// slowStatement is when a statement is worth a warning.
const slowStatement = time.Second

// gormLogger carries GORM's reports to slog without ever logging the values
// bound to a statement: they are officers' names, user IDs and notice text,
// which have no place in an error log. A failed statement is logged at
// error level by what it did and to which table ("UPDATE assignments"),
// with the driver's error; the statement's text, with placeholders, only at
// debug level. The error itself reaches the caller, wrapped with context.
type gormLogger struct {
	log *slog.Logger
}

var (
	_ logger.Interface  = (*gormLogger)(nil)
	_ gorm.ParamsFilter = (*gormLogger)(nil)
)

// LogMode is ignored: the slog handler's level decides what is written.
func (l *gormLogger) LogMode(logger.LogLevel) logger.Interface { return l }

// Info logs GORM's informational messages at debug level.
func (l *gormLogger) Info(ctx context.Context, msg string, args ...any) {
	l.log.DebugContext(ctx, fmt.Sprintf(msg, args...))
}

// Warn logs GORM's warnings.
func (l *gormLogger) Warn(ctx context.Context, msg string, args ...any) {
	l.log.WarnContext(ctx, fmt.Sprintf(msg, args...))
}

// Error logs GORM's own errors (not those of statements: see Trace).
func (l *gormLogger) Error(ctx context.Context, msg string, args ...any) {
	l.log.ErrorContext(ctx, fmt.Sprintf(msg, args...))
}

// ParamsFilter drops the bound values, so that the text GORM hands Trace
// has placeholders only.
func (l *gormLogger) ParamsFilter(_ context.Context, sql string, _ ...any) (string, []any) {
	return sql, nil
}

// Trace reports one statement: failures at error level without the
// statement's text, slow ones as warnings, every one at debug level.
func (l *gormLogger) Trace(ctx context.Context, begin time.Time, fc func() (string, int64), err error) {
	elapsed := time.Since(begin) // a measurement, not logic: the real clock is right
	// A statement whose context was cancelled (a clean shutdown, a client
	// gone) was stopped on purpose; its caller says so if it matters.
	failed := err != nil && !errors.Is(err, gorm.ErrRecordNotFound) && !errors.Is(err, context.Canceled)
	slow := elapsed > slowStatement
	debug := l.log.Enabled(ctx, slog.LevelDebug)
	if !failed && !slow && !debug {
		return
	}
	sql, rows := fc()
	op := statementOf(sql)
	dur := slog.Duration("duration", elapsed)
	switch {
	case failed:
		l.log.LogAttrs(ctx, slog.LevelError, "database statement failed", slog.String("statement", op), slog.String("error", err.Error()), dur)
	case slow:
		l.log.LogAttrs(ctx, slog.LevelWarn, "slow database statement", slog.String("statement", op), dur)
	}
	if debug {
		l.log.LogAttrs(ctx, slog.LevelDebug, "database statement", slog.String("sql", sql), slog.Int64("rows", rows), dur)
	}
}

// statementOf names what a statement does and to which table, e.g.
// "UPDATE assignments" or "SELECT units", from its text.
func statementOf(sql string) string {
	words := strings.Fields(sql)
	if len(words) == 0 {
		return ""
	}
	verb := strings.ToUpper(words[0])
	after := map[string]string{"SELECT": "FROM", "DELETE": "FROM", "INSERT": "INTO", "UPDATE": "UPDATE"}[verb]
	for i, w := range words {
		if strings.EqualFold(w, after) && i+1 < len(words) {
			return verb + " " + strings.Trim(words[i+1], "`\"")
		}
	}
	return verb
}
