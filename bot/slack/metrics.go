package slack

import (
	"fmt"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// meters are the adapter's Prometheus series, served at /metrics.
type meters struct {
	registry *prometheus.Registry

	questions       *prometheus.CounterVec
	latency         *prometheus.HistogramVec
	remindersSent   prometheus.Counter
	remindersFailed prometheus.Counter
	rejected        *prometheus.CounterVec
}

func newMetrics(reg *prometheus.Registry) (*meters, error) {
	m := &meters{
		registry: reg,
		questions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "dutybot_questions_answered_total",
			Help: "Questions and commands answered, by kind of question and by Slack surface.",
		}, []string{"kind", "surface"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "dutybot_answer_seconds",
			Help:    "Time the engine took to answer, by Slack surface.",
			Buckets: []float64{.0005, .001, .005, .01, .05, .1, .25, .5, 1, 2.5},
		}, []string{"surface"}),
		remindersSent: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "dutybot_reminders_sent_total",
			Help: "Reminder messages delivered to Slack.",
		}),
		remindersFailed: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "dutybot_reminders_failed_total",
			Help: "Reminder deliveries that Slack refused or that failed (they are retried later).",
		}),
		rejected: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "dutybot_slack_requests_rejected_total",
			Help: "HTTP requests refused before any work: unsigned, stale, forged, replayed, too large, a body too slow, or the replay check unavailable.",
		}, []string{"reason"}),
	}
	for _, c := range []prometheus.Collector{m.questions, m.latency, m.remindersSent, m.remindersFailed, m.rejected} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("register slack metrics: %w", err)
		}
	}
	return m, nil
}

func (m *meters) answered(surface, kind string, took time.Duration) {
	if kind == "" {
		kind = "unknown"
	}
	m.questions.WithLabelValues(kind, surface).Inc()
	m.latency.WithLabelValues(surface).Observe(took.Seconds())
}
