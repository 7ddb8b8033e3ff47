package bot

import (
	"dutybot/knowledge"
)

// With many notices, a question that only names a topic (执法记录仪归档时限,
// 谁牵头公示牌) is answered by a few of them, and answering it in every
// notice costs time in their number (250 notices: half a second) and gives
// a reply of 250 groups. topicNotices ranks every notice's tasks at once in
// the shared index and keeps the notices whose best task is close to the
// best of all; the question is then answered in those alone.

const (
	// topicNoticeRatio is how close to the best task's score a notice's best
	// task must come for the notice to be answered too: versions of one
	// table (a notice and its revision) score alike and are both kept.
	topicNoticeRatio = 0.8
	// maxTopicNotices bounds the notices a topic question is answered in.
	maxTopicNotices = 3
)

// topicNotices returns the notices of list a topic question is answered in,
// best first, or nil when the question is no topic question (it names task
// numbers, units, times, states or asks for a list or count), the first
// notice alone for an off-topic question (refused the same in each), or nil when no
// task of any notice is close enough to answer it (then every notice is
// asked: the question may be about the notices themselves).
func (r *request) topicNotices(list []*noticeScope) []*noticeScope {
	q := r.parseText(r.text)
	if len(q.nums) > 0 || q.filtered() || q.list || q.count || q.ask&askStatus != 0 {
		return nil
	}
	// 身份证丢了: off topic in every notice alike, so refused by the first alone
	if r.offTopic(q) {
		return list[:1]
	}
	r.rewriteTopic(q)
	hits := r.snap.idx.Search(r.topicTerms(q), isTask)
	if !plausible(hits) {
		return nil
	}
	keep := map[*knowledge.Notice]int{} // notice → its rank among the kept
	for _, h := range hits {
		if h.Score < topicNoticeRatio*hits[0].Score || len(keep) == maxTopicNotices {
			break
		}
		n := r.snap.idx.Docs[h.Doc].Notice
		if _, ok := keep[n]; !ok {
			keep[n] = len(keep)
		}
	}
	out := make([]*noticeScope, len(keep))
	found := 0
	for _, sc := range list {
		if i, ok := keep[sc.n]; ok {
			out[i] = sc
			found++
		}
	}
	if found != len(keep) {
		return nil // a kept notice is not in list (archived and asked about the rest)
	}
	return out
}
