package bot

// The IDs of the engine's messages in bot/i18n/locales/active.*.toml. Every
// ID is listed in messageIDs so a test proves each exists in every language.
const (
	msgHelp             = "BotHelp"
	msgSuggest          = "BotSuggest"
	msgOutOfScope       = "BotOutOfScope"
	msgOutOfRange       = "BotOutOfRange"
	msgErrRefused       = "BotErrRefused"
	msgErrUsage         = "BotErrUsage"
	msgErrNoTask        = "BotErrNoTask"
	msgErrNoUnit        = "BotErrNoUnit"
	msgErrNotAssigned   = "BotErrNotAssigned"
	msgErrUnchanged     = "BotErrUnchanged"
	msgErrBadChannel    = "BotErrBadChannel"
	msgErrUnchangedUnit = "BotErrUnchangedUnit"
	msgErrNotGroup      = "BotErrNotGroup"
	msgUsageMembers     = "BotUsageMembers"
	msgMembersOK        = "BotMembersOK"
	msgErrNoNotice      = "BotErrNoNotice"
	msgErrInternal      = "BotErrInternal"
	msgUsageTask        = "BotUsageTask"
	msgUsageUnit        = "BotUsageUnit"
	msgUsageDone        = "BotUsageDone"
	msgUsageReopen      = "BotUsageReopen"
	msgUsageBind        = "BotUsageBind"
	msgUsageIam         = "BotUsageIam"
	msgTaskPlace        = "BotTaskPlace"
	msgLabelLead        = "BotLabelLead"
	msgLabelResponsible = "BotLabelResponsible"
	msgLabelDeadline    = "BotLabelDeadline"
	msgLabelStatus      = "BotLabelStatus"
	msgLabelQuote       = "BotLabelQuote"
	msgLabelContent     = "BotLabelContent"
	msgLabelNotice      = "BotLabelNotice"
	msgNone             = "BotNone"
	msgSep              = "BotSep"
	msgStatusOpen       = "BotStatusOpen"
	msgStatusPartial    = "BotStatusPartial"
	msgStatusDone       = "BotStatusDone"
	msgStatusLate       = "BotStatusLate"
	msgDeadlineDate     = "BotDeadlineDate"
	msgDeadlineOngoing  = "BotDeadlineOngoing"
	msgDeadlineNone     = "BotDeadlineNone"
	msgAnsContent       = "BotAnsContent"
	msgAnsDeadline      = "BotAnsDeadline"
	msgAnsDaysLeft      = "BotAnsDaysLeft"
	msgAnsDueToday      = "BotAnsDueToday"
	msgAnsDaysOver      = "BotAnsDaysOver"
	msgAnsWho           = "BotAnsWho"
	msgAnsStatus        = "BotAnsStatus"
	msgAnsPeriod        = "BotAnsPeriod"
	msgAnsFact          = "BotAnsFact"
	msgAnsSeeAlso       = "BotAnsSeeAlso"
	msgAnsUnsure        = "BotAnsUnsure"
	msgAnsMaybe         = "BotAnsMaybe"
	msgAnsAlternative   = "BotAnsAlternative"
	msgListHead         = "BotListHead"
	msgListEmpty        = "BotListEmpty"
	msgListLine         = "BotListLine"
	msgListMore         = "BotListMore"
	msgGroupLead        = "BotGroupLead"
	msgGroupResponsible = "BotGroupResponsible"
	msgGroupTasks       = "BotGroupTasks"
	msgWhatWrap         = "BotWhatWrap"
	msgWhatAll          = "BotWhatAll"
	msgWhatUnitLead     = "BotWhatUnitLead"
	msgWhatUnitResp     = "BotWhatUnitResp"
	msgWhatUnitAny      = "BotWhatUnitAny"
	msgWhatDueDay       = "BotWhatDueDay"
	msgWhatDueMonth     = "BotWhatDueMonth"
	msgWhatDueYear      = "BotWhatDueYear"
	msgWhatDueSpan      = "BotWhatDueSpan"
	msgWhatDueBy        = "BotWhatDueBy"
	msgWhatDueAfter     = "BotWhatDueAfter"
	msgWhatLate         = "BotWhatLate"
	msgWhatSoon         = "BotWhatSoon"
	msgWhatOngoing      = "BotWhatOngoing"
	msgWhatNoDeadline   = "BotWhatNoDeadline"
	msgWhatDated        = "BotWhatDated"
	msgWhatOpen         = "BotWhatOpen"
	msgWhatDone         = "BotWhatDone"
	msgWhatPartial      = "BotWhatPartial"
	msgWhatTopic        = "BotWhatTopic"
	msgWhatPart         = "BotWhatPart"
	msgUnitDoneCount    = "BotUnitDoneCount"
	msgTotalCount       = "BotTotalCount"
	msgOverview         = "BotOverview"
	msgOverviewSection  = "BotOverviewSection"
	msgNoticeNumber     = "BotNoticeNumber"
	msgNoticeDate       = "BotNoticeDate"
	msgNoticeIssuer     = "BotNoticeIssuer"
	msgNoticeTitle      = "BotNoticeTitle"
	msgNoticeAddressees = "BotNoticeAddressees"
	msgNoticeCites      = "BotNoticeCites"
	msgNoticeClosing    = "BotNoticeClosing"
	msgNoticePreamble   = "BotNoticePreamble"
	msgNoticeNote       = "BotNoticeNote"
	msgNoticeAttachment = "BotNoticeAttachment"
	msgNoticeSection    = "BotNoticeSection"
	msgNoticeAbout      = "BotNoticeAbout"
	msgNoticeAbbrev     = "BotNoticeAbbrev"
	msgDoneTask         = "BotDoneTask"
	msgDoneUnit         = "BotDoneUnit"
	msgReopenTask       = "BotReopenTask"
	msgReopenUnit       = "BotReopenUnit"
	msgBindOK           = "BotBindOK"
	msgIamOK            = "BotIamOK"
	msgNeedIam          = "BotNeedIam"
	msgUnitParts        = "BotUnitParts"
	msgUnitPart         = "BotUnitPart"
	msgRoleLead         = "BotRoleLead"
	msgRoleResponsible  = "BotRoleResponsible"
	msgUnitsHead        = "BotUnitsHead"
	msgUnitsLine        = "BotUnitsLine"
	msgUnitsRoleLead    = "BotUnitsRoleLead"
	msgUnitsRoleResp    = "BotUnitsRoleResp"
	msgUnitsRoleAny     = "BotUnitsRoleAny"
)

// messageIDs lists every ID above, for the test that each exists in zh-CN and en.
var messageIDs = []string{
	msgHelp, msgSuggest, msgOutOfScope, msgOutOfRange, msgErrRefused, msgErrUsage, msgErrNoTask,
	msgErrNoUnit, msgErrNotAssigned, msgErrUnchanged, msgErrBadChannel, msgErrNoNotice, msgErrInternal,
	msgErrUnchangedUnit, msgErrNotGroup, msgUsageMembers, msgMembersOK,
	msgUsageTask, msgUsageUnit, msgUsageDone, msgUsageReopen, msgUsageBind, msgUsageIam,
	msgTaskPlace, msgLabelLead, msgLabelResponsible, msgLabelDeadline, msgLabelStatus, msgLabelQuote,
	msgLabelContent, msgLabelNotice, msgNone, msgSep, msgStatusOpen, msgStatusPartial, msgStatusDone,
	msgStatusLate, msgDeadlineDate, msgDeadlineOngoing, msgDeadlineNone, msgAnsContent, msgAnsDeadline,
	msgAnsDaysLeft, msgAnsDueToday, msgAnsDaysOver,
	msgAnsWho, msgAnsStatus, msgAnsPeriod, msgAnsFact, msgAnsSeeAlso, msgAnsUnsure, msgAnsMaybe, msgAnsAlternative, msgListHead, msgListEmpty,
	msgListLine, msgListMore, msgGroupLead, msgGroupResponsible, msgGroupTasks, msgWhatWrap, msgWhatAll,
	msgWhatUnitLead, msgWhatUnitResp, msgWhatUnitAny, msgWhatDueDay, msgWhatDueMonth, msgWhatDueYear,
	msgWhatDueSpan, msgWhatDueBy, msgWhatDueAfter, msgWhatLate, msgWhatSoon, msgWhatOngoing,
	msgWhatNoDeadline, msgWhatDated, msgWhatOpen, msgWhatDone, msgWhatPartial, msgWhatTopic, msgWhatPart, msgUnitDoneCount,
	msgTotalCount, msgOverview, msgOverviewSection, msgNoticeNumber, msgNoticeDate, msgNoticeIssuer,
	msgNoticeTitle, msgNoticeAddressees, msgNoticeCites, msgNoticeClosing, msgNoticePreamble, msgNoticeNote,
	msgNoticeAttachment, msgNoticeSection, msgNoticeAbout, msgNoticeAbbrev, msgDoneTask, msgDoneUnit,
	msgReopenTask, msgReopenUnit, msgBindOK, msgIamOK, msgNeedIam, msgUnitParts, msgUnitPart,
	msgRoleLead, msgRoleResponsible, msgUnitsHead, msgUnitsLine, msgUnitsRoleLead, msgUnitsRoleResp, msgUnitsRoleAny,
}
