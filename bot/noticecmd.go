package bot

import "strings"

// noticeWords are the words of the notices command (docs/cli.md §2). It
// takes no argument: 通知 followed by words is a question about the notice.
var noticeWords = map[string]bool{"notices": true, "通知": true, "通知列表": true}

// noticeCommand runs the commands about the notices themselves: notices /
// 通知 lists them. ok is false for any other message.
func (r *request) noticeCommand() (Reply, bool, error) {
	f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(r.text), "/"))
	if len(f) == 1 && noticeWords[strings.ToLower(fold(f[0]))] {
		rep, err := r.noticesList()
		return rep, true, err
	}
	return Reply{}, false, nil
}
