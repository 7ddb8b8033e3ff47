package bot

// The IDs of the messages about several notices, in i18n/locales/notices.*.toml.
const (
	msgNoticesHead           = "BotNoticesHead"
	msgNoticeLine            = "BotNoticeLine"
	msgNoticeInForce         = "BotNoticeInForce"
	msgNoticeArchived        = "BotNoticeArchived"
	msgNoticeHeading         = "BotNoticeHeading"
	msgNoticeHeadingArchived = "BotNoticeHeadingArchived"
	msgWhichNotice           = "BotWhichNotice"
	msgNoticeMulti           = "BotNoticeMulti"
	msgNoticesMore           = "BotNoticesMore"
	msgArchiveOK             = "BotArchiveOK"
	msgUnarchiveOK           = "BotUnarchiveOK"
	msgErrArchiveUnchanged   = "BotErrArchiveUnchanged"
	msgErrNoSuchNotice       = "BotErrNoSuchNotice"
	msgErrArchiveRefused     = "BotErrArchiveRefused"
)

// noticeMessageIDs lists every ID above, for the test that each exists in zh-CN and en.
var noticeMessageIDs = []string{
	msgNoticesHead, msgNoticeLine, msgNoticeInForce, msgNoticeArchived, msgNoticeHeading,
	msgNoticeHeadingArchived, msgWhichNotice, msgNoticeMulti, msgNoticesMore, msgArchiveOK, msgUnarchiveOK,
	msgErrArchiveUnchanged, msgErrNoSuchNotice, msgErrArchiveRefused,
}
