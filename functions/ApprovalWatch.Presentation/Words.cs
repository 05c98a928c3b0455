using System.Globalization;

namespace ApprovalWatch.Presentation;

/// <summary>
/// What people read, in its two languages, one table: the board's pages, the digests, the weekly report. A page reads
/// <c>{{ w.key }}</c>, code reads <see cref="this[string]"/> or <see cref="Format"/> (<c>{0}</c> where a value goes).
/// A key missing from the table is an error, never a blank.
/// </summary>
public sealed class Words
{
    private static readonly Dictionary<string, (string Zh, string En)> Table = new(StringComparer.Ordinal)
    {
        ["app_board"] = ("看板", "Board"),
        ["app_procedures"] = ("审批事项", "Procedures"),
        ["app_submit"] = ("报送", "Submit"),
        ["submit_title"] = ("报送文件", "Submit a file"),
        ["submit_intro"] = (
            "选择本部门的报送文件（Excel、CSV 或 JSON），上传后立即读取，回执显示在下一页。文件存入 {0}（{1}）。",
            "Choose your department's file (Excel, CSV or JSON): it is read as soon as it is uploaded and its receipt shows on the next page. It is "
                + "stored in {0} ({1})."
        ),
        ["submit_file"] = ("文件", "File"),
        ["submit_sheet"] = ("下载本周预填表", "Download this week's sheet"),
        ["submit_blank"] = ("空白模板", "Blank template"),
        ["submit_progress_sheet"] = ("下载投资进度预填表", "Download the progress sheet"),
        ["submit_sheet_hint"] = (
            "预填表列出本部门在办事项的现有数据：只改变化的格子（并把该行数据日期改为新的日期），新增事项填在黄色行，然后上传。",
            "This week's sheet holds your department's open procedures as stored: change only what changed (and give that row its new data date), "
                + "add new procedures in the yellow rows, then upload it."
        ),
        ["submit_button"] = ("上传并读取", "Upload and read"),
        ["submit_limit"] = ("文件不超过 {0}。文件名中的日期即数据日期，如 2026-03-13.xlsx。", "At most {0}. A date in the file's name is its data date, e.g. 2026-03-13.xlsx."),
        ["submit_no_file"] = ("请选择一个文件再上传。", "Choose a file to upload."),
        ["submit_recent"] = ("本部门近期报送", "Your department's recent files"),
        ["submit_uploaded_by"] = ("上传人", "Uploaded by"),
        ["submit_receipt"] = ("回执", "Receipt"),
        ["submit_reading"] = ("正在读取…", "being read…"),
        ["submit_receipt_title"] = ("报送回执", "Receipt"),
        ["submit_waiting"] = ("正在读取 {0}，通常只需几秒；本页会自动刷新。", "Reading {0}: it usually takes seconds, and this page refreshes itself."),
        ["submit_another"] = ("再报送一个文件", "Submit another file"),
        ["none_in_weeks"] = ("近 8 周没有报送。", "Nothing in the last 8 weeks."),
        ["other_language"] = ("English", "中文"),
        ["other_language_code"] = ("en", "zh"),
        ["html_lang"] = ("zh-CN", "en"),
        ["none"] = ("无", "None"),
        ["all"] = ("全部", "all"),
        ["back_to_board"] = ("返回看板", "Back to the board"),
        ["not_allowed"] = ("无权访问", "Not allowed"),
        ["not_in_directory"] = ("{0} 不在人员名录中，或其角色不能查看看板。", "{0} is not in the directory, or his role does not see the board."),
        ["anonymous"] = ("未登录用户", "Anonymous"),
        ["sign_in_required"] = ("需要登录", "Sign-in required"),
        ["sign_in_platform_off"] = (
            "本应用未启用平台身份验证（WEBSITE_AUTH_ENABLED 不为 true），看板不为未经验证的人服务。",
            "App Service Authentication is not in force for this app (WEBSITE_AUTH_ENABLED is not true): the board serves nobody it has not verified."
        ),
        ["sign_in_unset"] = (
            "未设置登录的颁发者和客户端编号（SignIn__Issuer、SignIn__ClientId），看板无法核验登录者，暂不为任何人服务。",
            "The sign-in's issuer and client id (SignIn__Issuer, SignIn__ClientId) are not set: the board cannot check who signed in, so it serves nobody."
        ),
        ["sign_in_no_token"] = (
            "请求中没有身份提供方签发的令牌（由平台的令牌存储转交），请通过本应用的网址登录。",
            "No token of the identity provider came with the request (the platform's token store forwards it): sign in through the app's address."
        ),
        ["sign_in_expired"] = ("您的登录已过期，请重新登录。", "Your sign-in has expired: sign in again."),
        ["sign_in_other_app"] = ("该登录是为另一个应用签发的。", "The sign-in was made for another application."),
        ["sign_in_untrusted_issuer"] = ("该登录来自本应用不信任的身份提供方。", "The sign-in comes from an identity provider this app does not trust."),
        ["sign_in_bad_signature"] = ("该登录的签名不是身份提供方的签名。", "The sign-in's signature is not the identity provider's."),
        ["sign_in_unverified"] = ("无法核验该登录。", "The sign-in could not be verified."),
        ["sign_in_no_address"] = (
            "该登录没有电子邮箱地址，看板无法在名录中找到此人。",
            "The sign-in names no email address: the board cannot match it to the directory."
        ),
        ["too_large"] = ("请求过大", "Request too large"),
        ["too_large_text"] = (
            "表单内容不能超过 {0} KiB，上传的文件不能超过 {1}；未保存任何内容。",
            "A form may hold at most {0} KiB and an uploaded file at most {1}: nothing was stored."
        ),
        ["unavailable"] = ("暂时无法访问", "Not available just now"),
        ["unavailable_text"] = (
            "看板暂时无法读取数据，请稍后再试。如仍不行，请把编号 {0} 告诉运维人员。",
            "The board cannot read its data just now: try again in a moment. If it lasts, give the operator the reference {0}."
        ),
        ["failed"] = ("出错了", "Something went wrong"),
        ["failed_text"] = (
            "看板处理这个请求时出错，请求未能完成。请把编号 {0} 告诉运维人员。",
            "The board could not finish this request. Give the operator the reference {0}."
        ),
        ["bad_form"] = ("表单无法读取", "The form could not be read"),
        ["bad_form_text"] = (
            "提交的表单格式有误（{0}），未保存任何内容。请在看板页面上重新提交。",
            "The form sent is not well formed ({0}): nothing was stored. Send it again from the board's page."
        ),
        ["no_file_here"] = ("此页面不接收文件，未保存任何内容。上传文件请用“报送”页面。", "This page takes no file: nothing was stored. Upload files on the submit page."),
        ["configuration_broken"] = ("配置文件有误，看板暂停服务", "The configuration is broken: the board is paused"),
        ["configuration_broken_text"] = (
            "运维人员需修正配置文件后看板才能恢复（系统从未保存过可用的副本）。原因：{0}",
            "The operator must mend a configuration file before the board can serve (no good copy was ever kept). Reason: {0}"
        ),
        ["cross_origin"] = ("表单必须从看板本身提交。", "A form must be sent from the board itself."),
        ["not_found"] = ("未找到", "Not found"),
        ["flag_red"] = ("超期", "overdue"),
        ["flag_yellow"] = ("预警", "due soon"),
        ["flag_paused"] = ("暂停", "paused"),
        ["flag_green"] = ("正常", "on time"),
        ["flag_finished"] = ("办结", "finished"),
        ["board_title"] = ("重点项目看板", "Key projects board"),
        ["last_scan"] = ("最近一次扫描", "Last scan"),
        ["none_yet"] = ("尚无", "none yet"),
        ["weekly_scheduling"] = ("周调度", "Weekly scheduling"),
        ["projects_count"] = ("在库项目", "Projects"),
        ["planned_yi"] = ("计划投资（亿元）", "Planned (亿元)"),
        ["completed_yi"] = ("已完成（亿元）", "Completed (亿元)"),
        ["completion"] = ("完成率", "Completion"),
        ["pace"] = ("序时进度", "Pace"),
        ["county_by_department"] = ("审批事项：县市 × 部门", "Procedures: county × department"),
        ["county"] = ("县市", "County"),
        ["cell_hint"] = ("单元格：红 / 黄 / 绿；点击查看清单。", "Each cell: red / yellow / green; follow it for the list."),
        ["red_projects"] = ("红灯项目", "Red projects"),
        ["project"] = ("项目", "Project"),
        ["leader_in_charge"] = ("包联领导", "Leader in charge"),
        ["why"] = ("原因", "Why"),
        ["department_files"] = ("各部门报送", "Department files"),
        ["department"] = ("部门", "Department"),
        ["last_file"] = ("最近文件", "Last file"),
        ["when"] = ("时间", "When"),
        ["this_week"] = ("本周", "This week"),
        ["reported"] = ("已报送", "reported"),
        ["not_reported"] = ("本周未报送", "not reported this week"),
        ["list_title"] = ("审批事项清单", "Procedures"),
        ["flag"] = ("标识", "Flag"),
        ["sort_page"] = ("本页排序", "Sort this page"),
        ["sort_due"] = ("应办结日期", "due date"),
        ["sort_project"] = ("项目", "project"),
        ["filter"] = ("筛选", "Filter"),
        ["export_excel"] = ("导出 Excel", "Export to Excel"),
        ["procedure"] = ("事项", "Procedure"),
        ["responsibility"] = ("责任", "Responsibility"),
        ["time_limit"] = ("时限", "Time limit"),
        ["finished"] = ("办结", "finished"),
        ["provisional"] = ("暂定", "provisional"),
        ["weekly.provisional"] = (
            "（暂定：本周所在年份的放假通知尚未发布，工作日按法定节假日推算，通知发布后重新计算）",
            " (provisional: the holiday notice of this week's year is not out yet; working days reckoned from the statutory holidays)"
        ),
        ["deemed"] = ("视为受理", "accepted by law"),
        ["provisional_title"] = (
            "所跨年份的放假通知尚未发布：按法定节假日推算，通知发布后重新计算",
            "the holiday notice of a year it spans is not out yet: reckoned from the statutory holidays, recomputed when it is"
        ),
        ["no_match"] = ("没有符合条件的事项。", "No procedure matches."),
        ["next_page"] = ("下一页", "Next page"),
        ["leader_lower"] = ("包联领导", "leader in charge"),
        ["responsible_unit"] = ("责任单位", "responsible unit"),
        ["total_wan"] = ("总投资（万元）", "Total (万元)"),
        ["plan_wan"] = ("年度计划（万元）", "Plan this year (万元)"),
        ["done_wan"] = ("本年完成（万元）", "Done this year (万元)"),
        ["timeline"] = ("审批事项时间轴", "Procedures over time"),
        ["today"] = ("今天", "today"),
        ["open"] = ("办理中", "open"),
        ["promised_limit"] = ("承诺时限", "promised limit"),
        ["statutory_limit"] = ("法定时限", "statutory limit"),
        ["timeline_legend"] = ("竖实线：承诺时限；红虚线：法定时限；灰色：暂停；蓝虚线：今天。", "Solid mark: promised limit; red dashes: statutory limit; grey: paused; blue dashes: today."),
        ["stages"] = ("阶段与全流程", "Stages and the whole process"),
        ["scope"] = ("范围", "Scope"),
        ["started"] = ("开始", "Started"),
        ["finished_column"] = ("完成", "Finished"),
        ["limit_days"] = ("时限（工作日）", "Limit (working days)"),
        ["due_column"] = ("应完成", "Due"),
        ["investment"] = ("投资进度", "Investment this year"),
        ["investment_done"] = ("本年完成投资", "Investment done this year"),
        ["no_progress"] = ("尚无投资进度报送", "No progress reported yet"),
        ["plan"] = ("年度计划", "plan"),
        ["wan_axis"] = ("万元", "10,000 yuan"),
        ["month_axis"] = ("月", "month"),
        ["problems"] = ("问题清单", "Problems"),
        ["id"] = ("编号", "Id"),
        ["problem"] = ("问题", "Problem"),
        ["responsible_department"] = ("责任部门", "Department"),
        ["raised"] = ("提出", "Raised"),
        ["due_solve"] = ("应解决", "Due"),
        ["closed"] = ("销号", "Closed"),
        ["three_lists"] = ("三张清单", "The three lists"),
        ["task"] = ("任务（事项）", "Task"),
        ["responsibility_full"] = ("责任（部门、经办人）", "Responsibility"),
        ["days_state"] = ("超期 / 剩余", "Late / left"),
        ["acknowledged_promised"] = ("{0} 已确认，承诺 {1} 前办结", "acknowledged by {0}, promised {1}"),
        ["history"] = ("变更记录", "History"),
        ["item"] = ("事项", "Item"),
        ["change"] = ("变更", "Change"),
        ["source"] = ("来源", "Source"),
        ["app_notices"] = ("督办单", "Notices"),
        ["notices_title"] = ("督办单", "Supervision notices"),
        ["notices_intro"] = (
            "事项升级到统筹协调或问题逾期时发出的督办单，及各单位的回告。",
            "The supervision notices issued when a procedure reaches the coordinator or a problem is overdue, and the departments' replies."
        ),
        ["notices_none"] = ("尚无督办单。", "No notices yet."),
        ["notice_number"] = ("编号", "Number"),
        ["notice_word"] = ("下载文书", "Word document"),
        ["notice_head"] = ("收件负责人", "Head"),
        ["notice_issued"] = ("签发日期", "Issued"),
        ["notice_reply_by"] = ("回告期限", "Reply by"),
        ["notice_state"] = ("状态", "State"),
        ["notice_state_awaiting"] = ("待回告", "awaiting reply"),
        ["notice_state_replied"] = ("已回告", "replied"),
        ["notice_state_replied_late"] = ("逾期回告", "replied late"),
        ["notice_state_overdue"] = ("逾期未回告", "no reply, overdue"),
        ["notice_climbed"] = ("已报分管领导", "taken to the leader"),
        ["notice_reply_title"] = ("督办单回告", "Reply to a notice"),
        ["notice_required"] = ("督办要求", "Required"),
        ["notice_reason"] = ("逾期原因", "Why it is late"),
        ["notice_measures"] = ("整改措施", "Measures taken"),
        ["notice_promised"] = ("承诺完成日期", "Promised date"),
        ["notice_submit"] = ("提交回告", "Send the reply"),
        ["notice_unknown"] = ("找不到该督办单。", "No such notice."),
        ["notice_incomplete"] = ("请填写原因和措施，并选择承诺完成日期。", "Give the reason and the measures, and a promised date."),
        ["notice_replied"] = ("已回告：承诺 {0} 前完成。", "Replied: promised by {0}."),
        ["notice_already_replied"] = ("该事项已由 {0} 于 {1} 回告。", "This item was answered by {0} on {1}."),
        ["notice_items"] = ("事项", "Items"),
        ["notice_unanswered"] = ("未回告 {0} 项", "{0} unanswered"),
        ["notice_sent_back"] = ("已退回重报，已通知 {0} 重新回告。", "Sent back: {0} is told to answer again."),
        ["notice_send_back"] = ("退回重报", "Send the reply back"),
        ["notice_send_back_reason"] = ("退回理由（必填）", "Why it goes back (required)"),
        ["notice_send_back_not_yours"] = ("只有分管领导或统筹协调人可以退回回告。", "Only a leader in charge or the coordinator may send a reply back."),
        ["notice_nothing_to_send_back"] = ("该事项尚未回告，无可退回。", "This item has no reply to send back."),
        ["notice_not_yours"] = ("回告由被督办单位负责人作出：{0}。您可以查看，不能回告。", "The department's head answers: {0}. You may read it, not answer it."),
        ["notice_who_replies"] = ("由被督办单位负责人回告：", "Answered by the department's head: "),
        ["notice_item_moved"] = ("该事项已随问题转至其他单位，由其回告。", "This item moved with its problem to another department, which answers it."),
        ["notice_promise_past"] = ("承诺日期不能早于今天。", "The promised date cannot be before today."),
        ["notice_promise_not_working"] = ("承诺日期须为本单位日历上的工作日（不能是周末或节假日）。", "The promised date must be a working day on the department's calendar."),
        ["notice_promise_too_far"] = ("承诺日期不能超过自今天起 {0} 个工作日。", "The promised date cannot be more than {0} working days from today."),
        ["notice_promise_past_law"] = (
            "承诺日期超过法定时限（{0}），须填写超期理由；提交后将同时报告分管领导。",
            "The promised date is past the statutory limit ({0}): give the reason; the leader in charge is told at once."
        ),
        ["notice_exceed"] = ("承诺日期超过法定时限（{0}）的理由（超过时必填，并报分管领导）", "Why past the statutory limit ({0}) — required if it is; the leader in charge is told"),
        ["notice_reply_by_item"] = ("本项回告期限：", "Reply to this item by "),
        ["problem_not_yours"] = ("签收和退单由本部门负责人作出：{0}。您可以查看，不能签收或退单。", "The department's head signs for or sends back: {0}. You may read it only."),
        ["leader_notice"] = ("一键督办", "Supervise now"),
        ["mine_title"] = ("我的项目", "My projects"),
        ["red_projects_as_of"] = (
            "依据 {0} 周调度（数据截至其前一个周日）；今天的逾期天数见各项目页。",
            "From the weekly report {0} (as of the Sunday before it); today's days late are on each project's page."
        ),
        ["checks_board_hint"] = ("按类别列出，涉及金额大的在前；每类只列前几项。", "By kind, the largest sums first; a few of each here."),
        ["checks_all"] = ("全部核查事项", "All data checks"),
        ["checks_more"] = ("另有 {0} 项", "{0} more"),
        ["checks_intro"] = (
            "报送数据可能有误的各项：数据已照常采用，请责任部门核实后更正或说明。首次核查为周调度首次列出之日。",
            "Figures that may not be right: applied as reported; the department should check them. First reported: the weekly report that first listed it."
        ),
        ["first_reported"] = ("首次核查", "First reported"),
        ["wan"] = ("万元", "万元"),
        ["light_red"] = ("红灯", "red"),
        ["light_yellow"] = ("黄灯", "yellow"),
        ["light_green"] = ("绿灯", "green"),
        ["mine_intro"] = ("{0} 包联的项目：红灯、黄灯在前，列明原因和今天逾期的事项。", "The projects {0} is in charge of: red and yellow first, with why and what is late today."),
        ["mine_none"] = ("没有包联的项目。", "No projects in your charge."),
        ["mine_green"] = ("绿灯项目（{0} 个）：", "Green ({0}): "),
        ["mine_lights_of"] = (
            "灯色及原因依据 {0} 周调度（数据截至 {1}）；各事项的超期天数为今天（{2}）的。",
            "Lights and their reasons from the weekly report {0} (as of {1}); each item's days late are today's ({2})."
        ),
        ["late_days"] = ("超期 {0} 个工作日", "{0} working days late"),
        ["due_today"] = ("今日到期", "due today"),
        ["left_days"] = ("剩 {0} 个工作日", "{0} working days left"),
        ["paused_because"] = ("暂停：{0}", "paused: {0}"),
        ["paused_plain"] = ("暂停计时", "clock paused"),
        ["head_of"] = ("负责人 {0}", "head {0}"),
        ["leader_notice_notallowed"] = ("只有分管领导或统筹协调人可以一键督办。", "Only a leader in charge or the coordinator may issue a notice."),
        ["leader_notice_unknown"] = ("找不到该事项。", "No such item."),
        ["leader_notice_notoverdue"] = ("该事项尚未逾期，无需督办。", "This item is not overdue: nothing to supervise."),
        ["leader_notice_nonumbering"] = ("督办单编号未配置（notices.json），不能发出督办单。", "No notice numbering is configured (notices.json)."),
        ["notices_to_reply"] = ("待回告的督办单", "Notices waiting for a reply"),
        ["working_days_left"] = ("剩余工作日", "Working days left"),
        ["app_leave"] = ("我的请假", "My leave"),
        ["leave_title"] = ("我的请假", "My leave"),
        ["leave_intro"] = (
            "登记请假后，您不在岗期间的提醒、回执和督办单转给您的 B 角（名录中的代理人），B 角也不在时转给部门负责人，负责人转给分管领导；返岗当天的提醒会说明期间的处理情况。",
            "While you are away your lines, receipts and notices go to your deputy (named in the directory); if he is away too, to your head, and a "
                + "head's to the leader in charge. On your first day back your digest says what was done meanwhile."
        ),
        ["leave_none"] = ("没有登记的请假。", "No leave entered."),
        ["leave_from"] = ("开始日期", "From"),
        ["leave_to"] = ("结束日期", "To"),
        ["leave_stand_in"] = ("代为接收", "Received by"),
        ["leave_nobody"] = ("无人可代：请先安排代理人", "nobody: arrange a stand-in first"),
        ["leave_remove"] = ("撤销", "Take back"),
        ["leave_by_operator"] = ("由管理员登记", "entered by the operator"),
        ["leave_add"] = ("登记请假", "Enter leave"),
        ["leave_submit"] = ("登记", "Enter"),
        ["leave_added"] = ("已登记 {0} 至 {1} 的请假。", "Leave from {0} to {1} entered."),
        ["leave_removed"] = ("已撤销 {0} 至 {1} 的请假。", "Leave from {0} to {1} taken back."),
        ["leave_unknown"] = ("没有这条请假记录。", "No such leave."),
        ["leave_bad_dates"] = (
            "请选择结束不早于今天、开始不晚于结束的日期，最长 {0} 天，结束日期在 {1} 天之内。",
            "Choose dates ending today or later and within {1} days, the start not after the end, at most {0} days."
        ),
        ["leave_too_many"] = (
            "您已登记 {0} 段尚未结束的请假，请先撤回不再需要的，再登记新的。",
            "You have {0} absences still to come: take back one you no longer need before entering another."
        ),
        ["ack_title"] = ("确认提醒", "Acknowledge"),
        ["problem_title"] = ("签收或退单", "Sign for a problem or send it back"),
        ["problem_sign"] = ("签收：本部门负责解决", "Sign for it: ours to solve"),
        ["problem_return"] = ("退单", "Send it back"),
        ["problem_sign_short"] = ("签收", "Sign for it"),
        ["problem_return_instead"] = ("不属于本部门？退单", "Not ours? Send it back"),
        ["problem_sign_instead"] = ("属于本部门？签收", "Ours after all? Sign for it"),
        ["problem_reason"] = ("退单理由（必填，写明应由哪个部门负责）", "Why (required: say whose it is)"),
        ["problem_no_reason"] = ("退单须写明理由。", "Say why it goes back."),
        ["problem_unknown"] = ("找不到该问题。", "No such problem."),
        ["problem_closed"] = ("该问题已销号。", "This problem is closed."),
        ["problem_already_signed"] = ("{0} 已于 {1} 签收。", "Signed for by {0} on {1}."),
        ["problem_already_returned"] = ("{0} 已于 {1} 退单，等待重新交办。", "Sent back by {0} on {1}: waiting to be assigned again."),
        ["problem_signed"] = ("已签收。请按时解决并销号。", "Signed for. Solve it and close it by its due date."),
        ["problem_returned"] = ("已退单，发改委统筹协调人将重新交办。", "Sent back: the coordinator will assign it again."),
        ["data_checks"] = ("数据核查", "Data checks"),
        ["check"] = ("核查事项", "Check"),
        ["problems_to_sign"] = ("待签收的问题", "Problems to sign for"),
        ["problems_returned"] = ("已退单的问题（请重新交办）", "Problems sent back (assign them again)"),
        ["reassign_to"] = ("交办给", "Assign to"),
        ["reassign"] = ("重新交办", "Assign"),
        ["problem_not_reassigned"] = (
            "未能重新交办：只有统筹协调人能交办已退单的问题，且该问题须仍在退单状态。",
            "Not assigned: only a coordinator assigns a problem sent back, and it must still be sent back."
        ),
        ["returned_by"] = ("退单人及理由", "Sent back by, why"),
        ["ack_due"] = ("应办结", "due"),
        ["ack_promised_date"] = ("承诺办结日期", "Promised date"),
        ["ack_note"] = ("说明（可选）", "Note (optional)"),
        ["ack_submit"] = ("确认", "Acknowledge"),
        ["ack_latest"] = ("最晚 {0}（法定时限内的工作日）。", "At the latest {0} (a working day within the statutory limit)."),
        ["ack_latest_provisional"] = ("其中工作日为暂定：{0}。", " Its working days are provisional: {0}."),
        ["ack_disabled"] = ("确认链接未启用。", "Acknowledgement links are not enabled."),
        ["ack_tampered"] = ("链接无效（可能被改动）。请使用邮件中的原始链接。", "This link is not valid (it may have been altered). Use the link in your email as it came."),
        ["ack_expired"] = ("链接已过期。请使用最新一封提醒邮件中的链接。", "This link has expired. Use the link in your latest digest."),
        ["ack_foreign"] = ("此链接属于另一位收件人，您不能代为确认。", "This link was sent to someone else: you cannot acknowledge for him."),
        ["ack_unknown"] = ("找不到该审批事项。", "No such procedure."),
        ["ack_replayed"] = ("已确认过：承诺 {0} 前办结。", "Already acknowledged: promised by {0}."),
        ["ack_once_a_day"] = ("今天已确认过：承诺 {0} 前办结。每个事项每天只能确认一次。", "Already acknowledged today: promised by {0}. A procedure takes one promise a day."),
        ["ack_finished"] = ("该事项已办结，无需确认。", "This procedure is finished: nothing to acknowledge."),
        ["ack_bad_date"] = ("请选择 {0} 至 {1} 之间的一个工作日。", "Choose a working day from {0} to {1}."),
        ["ack_changed"] = ("该事项刚刚被更新，请重新打开链接。", "The procedure changed just now: open the link again."),
        ["ack_recorded"] = (
            "已记录：您承诺 {0} 前办结。在此日期前，该提醒不再升级；逾期未办结将升高一级。",
            "Recorded: you promised it by {0}. Until then it does not climb the ladder; unfinished after it, it climbs one rung higher."
        ),
        // A project page's stored words (ProjectText)
        ["scope.process"] = (Domain.Catalogue.Stages.WholeProcessChineseName, Domain.Catalogue.Stages.WholeProcessEnglishName),
        ["history.register"] = ("项目登记", "project register"),
        ["history.problem"] = ("问题 {0}", "problem {0}"),
        ["history.progress"] = ("投资进度 {0}", "progress {0}"),
        ["history.kind.flag"] = ("标识", "flag"),
        ["history.kind.status"] = ("办理状态", "status"),
        ["history.kind.key-project"] = ("项目数据", "project data"),
        ["history.kind.ack"] = ("确认", "acknowledgement"),
        ["history.kind.sign"] = ("签收", "signed for"),
        ["history.kind.return"] = ("退单", "sent back"),
        ["history.kind.reassign"] = ("重新交办", "assigned again"),
        ["history.kind.backdated"] = ("倒签", "back-dated"),
        ["history.field.file"] = ("文件", "file"),
        ["history.field.as_of"] = ("数据日期", "data date"),
        ["history.field.completed"] = ("办结", "completed"),
        ["history.field.paused"] = ("暂停", "paused"),
        ["colon"] = ("：", ": "),
        ["history.separator"] = ("，", "; "),
        ["history.field"] = ("{0} {1}", "{0} {1}"),
        ["history.field.nature"] = ("性质", "nature"),
        ["history.field.plan"] = ("年度计划（万元）", "plan (万元)"),
        ["history.field.total"] = ("总投资（万元）", "total (万元)"),
        ["history.field.started"] = ("开工", "started"),
        ["history.field.converted"] = ("转化", "converted"),
        ["history.field.leader"] = ("包联领导", "leader in charge"),
        ["history.field.unit"] = ("责任单位", "responsible unit"),
        ["history.field.ytd"] = ("本年完成（万元）", "done this year (万元)"),
        ["history.field.lowered_from"] = ("原报（万元）", "lowered from (万元)"),
        ["history.field.due"] = ("应解决", "due"),
        ["history.field.solved"] = ("销号", "closed"),
        ["history.field.by"] = ("经手人", "by"),
        ["history.field.promised"] = ("承诺办结", "promised"),
        ["history.field.note"] = ("说明", "note"),
        ["status.accepted"] = ("受理", "accepted"),
        ["status.in_review"] = ("审查中", "in review"),
        ["status.paused"] = ("暂停", "paused"),
        ["status.approved"] = ("办结", "approved"),
        ["status.rejected"] = ("不予许可", "rejected"),
        ["status.withdrawn"] = ("撤回", "withdrawn"),

        // Why a project is lit
        ["reason.below_pace"] = ("投资完成低于序时进度 {0} 个百分点", "investment {0} points below pace"),
        ["reason.start_missed"] = ("计划 {0} 开工，尚未开工", "planned to start {0}, not started"),
        ["reason.procedure_overdue"] = ("{0}超期 {1} 个工作日", "{0} overdue {1} working days"),
        ["reason.problem_overdue"] = ("问题“{0}”超期 {1} 个工作日", "problem “{0}” overdue {1} working days"),
        ["reason.separator"] = ("；", "; "),

        // Digests
        ["digest.summary"] = ("概览", "At a glance"),
        ["digest.overdue"] = ("超期", "Overdue"),
        ["digest.due_soon"] = ("临期", "Due soon"),
        ["digest.new"] = ("新增", "New"),
        ["digest.worse"] = ("加重", "Worse"),
        ["digest.still_open"] = ("持续", "Still open"),
        ["digest.resolved"] = ("已解除", "Resolved"),
        ["digest.worst"] = ("最紧急", "Most urgent"),
        ["digest.state"] = ("状态", "State"),
        ["digest.change"] = ("变化", "Change"),
        ["digest.item"] = ("事项", "Procedure"),
        ["digest.responsibility"] = ("责任", "Responsibility"),
        ["digest.accepted"] = ("受理", "Accepted"),
        ["digest.limit"] = ("时限", "Time limit"),
        ["digest.due"] = ("应办结", "Due"),
        ["digest.resolved_heading"] = ("自上次提醒以来已解除的事项", "Resolved since your last digest"),
        ["digest.note"] = ("注意", "Note"),
        ["digest.colon"] = ("：", ": "),
        ["digest.signature"] = ("ApprovalWatch 重点项目代办窗口", "ApprovalWatch, key project agency window"),
        ["digest.greeting"] = ("{0}，您好：", "Dear {0},"),
        ["digest.intro"] = ("截至 {0}年{1}月{2}日（北京时间），以下审批事项需要您关注。", "As of {3} (Beijing time), these approval procedures need your attention."),
        ["digest.subject"] = ("【审批时限提醒】{0} 超期 {1} 项、临期 {2} 项", "Approval deadlines {0}: {1} overdue, {2} due soon"),
        ["digest.subject_worst"] = ("；最紧急：{0} {1}（{2}）", "; most urgent: {0}, {1} ({2})"),
        ["digest.heading.Handler"] = ("您经办的临期、超期事项（按项目）", "Procedures you handle that are due soon or overdue (by project)"),
        ["digest.heading.NoKnownHandler"] = (
            "本部门经办人缺失或不在通讯录中的事项（按项目）",
            "Procedures of your department whose handler is missing or not in the directory (by project)"
        ),
        ["digest.heading.DepartmentHead"] = ("本部门的超期事项（按经办人）", "Overdue procedures of your department (by handler)"),
        ["digest.heading.LeaderInCharge"] = ("您包联部门持续超期的事项（按项目）", "Procedures of the departments in your charge that stay overdue (by project)"),
        ["digest.heading.Coordinator"] = ("各部门持续超期的事项（按部门）", "Procedures that stay overdue, by department"),
        ["digest.heading.ProjectAtRisk"] = ("全流程或阶段时限临期、超期的项目", "Projects due soon or overdue against their whole-process or stage limits"),
        ["digest.ack_label"] = ("已阅，承诺办结日期", "Seen: promise a date"),
        ["digest.sign_label"] = ("签收", "Sign for it"),
        ["digest.send_back_label"] = ("退单", "Send it back"),
        ["digest.problem_unsigned"] = ("；待签收", "; to be signed for"),
        ["digest.problem_unsigned_late"] = ("；逾期未签收", "; not signed for in time"),
        ["digest.problem_returned"] = ("；已退单，请重新交办", "; sent back: assign it again"),
        ["digest.overdue_days.1"] = ("超期 {0} 个工作日", "{0} working day overdue"),
        ["digest.overdue_days.n"] = ("超期 {0} 个工作日", "{0} working days overdue"),
        ["digest.due_today"] = ("今日到期", "due today"),
        ["digest.days_left.1"] = ("剩余 {0} 个工作日", "{0} working day left"),
        ["digest.days_left.n"] = ("剩余 {0} 个工作日", "{0} working days left"),
        ["digest.ack_lapsed"] = ("；{0} 曾承诺 {1} 前办结，已逾期", "; {0} promised it by {1}, which has passed"),
        ["digest.ack_held"] = ("；{0} 已确认，承诺 {1} 前办结", "; acknowledged by {0}, promised {1}"),
        ["digest.change.New"] = ("新增", "new"),
        ["digest.change.Worse"] = ("加重", "worse"),
        ["digest.change.StillOpen"] = ("持续", "still open"),
        ["digest.responsibility.procedure"] = ("{0}，经办人 {1}", "{0}, handler {1}"),
        ["digest.responsibility.project"] = ("待办部门 {0}", "open at {0}"),
        ["digest.responsibility.problem"] = ("责任部门 {0}", "{0} to solve"),
        ["digest.list_separator"] = ("、", ", "),
        ["digest.handler.none"] = ("（未填写）", "(none given)"),
        ["digest.project"] = ("{0}（{1}）", "{0} ({1})"),
        ["digest.limit.problem"] = ("{0} 提出，时限 {1} 个工作日，应于 {2} 前解决", "raised {0}, limit {1} working days, due {2}"),
        ["digest.limit.project"] = ("{0} 首次受理，时限 {1} 个工作日，应于 {2} 前完成", "first accepted {0}, limit {1} working days, due {2}"),
        ["digest.limit.procedure"] = ("{0} 受理，承诺 {1} 个工作日，应于 {2} 办结", "accepted {0}, promised {1} working days, due {2}"),
        ["digest.limit.tolerance"] = (
            "{0} 容缺受理，非主要申请材料应于 {1} 前补齐，至今未补齐",
            "accepted {0} with non-key materials missing (容缺受理), to be supplied by {1}: still missing"
        ),
        ["digest.limit.commitment"] = (
            "{0} 受理，按告知承诺制审批，部门应于 {1} 前完成核查，至今未核查",
            "accepted {0}, approved on the applicant's commitment (告知承诺制): to be verified by {1}, not verified yet"
        ),
        ["digest.limit.deemed_today"] = (
            "今日起依《中华人民共和国行政许可法》第三十二条视为受理：{0} 收件后五个工作日内未受理也未一次性告知补正，自收件之日起计时，承诺 {1} 个工作日，应于 {2} 办结",
            "accepted by law from today (行政许可法 第三十二条): received {0} and neither accepted nor answered with what to correct within "
                + "five working days; counted from the day received, promised {1} working days, due {2}"
        ),
        ["digest.limit.deemed"] = (
            "{0} 收件，五个工作日内未受理也未一次性告知补正，依《中华人民共和国行政许可法》第三十二条视为当日受理；承诺 {1} 个工作日，应于 {2} 办结",
            "received {0} and neither accepted nor answered with what to correct within five working days: accepted by law that day "
                + "(行政许可法 第三十二条); promised {1} working days, due {2}"
        ),
        ["digest.limit.statutory"] = ("；法定 {0} 个工作日", "; statutory {0}"),
        ["digest.limit.statutory_days"] = ("；法定 {0} 日", "; statutory {0} days"),
        ["digest.limit.statutory_due"] = ("（{0}）", " ({0})"),
        ["digest.limit.past_statutory"] = ("，已超法定时限", ", PAST THE STATUTORY LIMIT"),
        ["digest.limit.extended"] = ("；延长 {0} 个工作日", "; extended by {0}"),
        ["digest.limit.paused"] = ("；暂停不计 {0} 个工作日", "; {0} paused days not counted"),
        ["digest.limit.provisional"] = (
            "（暂定：所跨年份的放假通知尚未发布，按法定节假日推算）",
            " (provisional: the holiday notice of a year it spans is not out yet; reckoned from the statutory holidays)"
        ),
        ["digest.others"] = ("另有其他超期 {0} 项、临期 {1} 项", "and {0} other overdue, {1} due soon"),
        ["digest.more"] = (
            "以上为最紧急的事项；本节另有超期 {0} 项、临期 {1} 项未列出。",
            "The most urgent are listed above; {0} more overdue and {1} more due soon in this section are not."
        ),

        // The weekly scheduling report
        ["weekly.headline"] = ("总体情况", "Headline"),
        ["weekly.figure"] = ("指标", "Figure"),
        ["weekly.completed_investment"] = ("完成投资", "Completed investment"),
        ["weekly.yi"] = ("亿元", "亿元"),
        ["weekly.completion_rate"] = ("完成率", "Completion rate"),
        ["weekly.points"] = ("个百分点", "points"),
        ["weekly.gap_to_pace"] = ("与序时进度之差", "Gap to pace"),
        ["weekly.new_start_rate"] = ("开工率", "New-start rate"),
        ["weekly.reserve_conversion"] = ("储备转化率", "Reserve conversion"),
        ["weekly.on_time_rate_this_year"] = ("本年按时办结率", "On-time rate this year"),
        ["weekly.red_projects"] = ("红灯项目", "Red projects"),
        ["weekly.yellow_projects"] = ("黄灯项目", "Yellow projects"),
        ["weekly.open_problems"] = ("未销号问题", "Open problems"),
        ["weekly.turned_red"] = ("转为红灯", "Turned red"),
        ["weekly.turned_green"] = ("转为绿灯", "Turned green"),
        ["weekly.completion_against_pace_by_county"] = ("各县市完成率与序时进度", "Completion against pace by county"),
        ["weekly.completion_pace_and_start_rate_over_the_last_weeks"] = ("近几周完成率、序时进度与开工率", "Completion, pace and start rate over the last weeks"),
        ["weekly.new_starts_and_reserve_conversion"] = ("新开工与储备转化", "New starts and reserve conversion"),
        ["weekly.not_started_as_planned"] = ("未按计划开工的项目", "Not started as planned"),
        ["weekly.county"] = ("县市", "County"),
        ["weekly.leader_in_charge"] = ("包联领导", "Leader in charge"),
        ["weekly.planned_start"] = ("计划开工", "Planned start"),
        ["weekly.approval_procedures"] = ("审批事项", "Approval procedures"),
        ["weekly.department"] = ("部门", "Department"),
        ["weekly.yellow"] = ("黄灯", "Yellow"),
        ["weekly.red"] = ("红灯", "Red"),
        ["weekly.the_ten_longest_overdue"] = ("超期最久的十件", "The ten longest overdue"),
        ["weekly.handler"] = ("经办人", "Handler"),
        ["weekly.due"] = ("应办结", "Due"),
        ["weekly.overdue_working_days"] = ("超期（工作日）", "Overdue (working days)"),
        ["weekly.problem_list"] = ("问题清单", "Problem list"),
        ["weekly.responsible_department"] = ("责任部门", "Department"),
        ["weekly.raised"] = ("本周新增", "Raised"),
        ["weekly.closed"] = ("本周销号", "Closed"),
        ["weekly.open"] = ("未销号", "Open"),
        ["weekly.overdue"] = ("超期", "Overdue"),
        ["weekly.unsigned"] = ("未签收", "Not signed for"),
        ["weekly.returned"] = ("已退单", "Sent back"),
        ["weekly.overdue_problems"] = ("超期问题", "Overdue problems"),
        ["weekly.raised_on"] = ("提出", "Raised"),
        ["weekly.due_to_solve"] = ("应解决", "Due"),
        ["weekly.project"] = ("项目", "Project"),
        ["weekly.responsible_unit"] = ("责任单位", "Responsible unit"),
        ["weekly.completion"] = ("完成率", "Completion"),
        ["weekly.why"] = ("原因", "Why"),
        ["weekly.rank"] = ("名次", "Rank"),
        ["weekly.data_checks"] = ("数据核查", "Data checks"),
        ["weekly.data_checks_text"] = (
            "以下 {0} 项报送数据可能有误：数据已照常采用，请责任部门核实后更正或说明。",
            "{0} reported figures may not be right: they were applied as reported; the department should check and correct or explain them."
        ),
        ["weekly.check"] = ("核查事项", "Check"),
        ["check.ytd_over_total"] = ("本年完成投资 {0} 万元超过总投资 {1} 万元", "{0} 万元 done this year, more than the total investment of {1} 万元"),
        ["check.ytd_far_above_plan"] = ("本年完成投资 {0} 万元超过年度计划 {1} 万元的 {3} 倍", "{0} 万元 done this year, more than {3} times the plan of {1} 万元"),
        ["check.investment_not_started"] = ("尚未开工却报送本年完成投资 {0} 万元", "not started, yet {0} 万元 reported done this year"),
        ["check.completed_early_stage"] = ("已竣工，形象进度却为“{2}”", "completed, yet reporting early-stage works: {2}"),
        ["check.approved_before_required"] = (
            "{2}：前一事项办结时，其前置事项尚未受理",
            "{2}: the first was approved while the second, which must come before it, was not even accepted"
        ),
        ["check.pause_longer_than_limit"] = (
            "{2}：暂停 {0} 个工作日，超过该事项的法定时限 {1} 个工作日",
            "{2}: paused {0} working days, more than the procedure's whole statutory limit of {1}"
        ),
        ["check.named_otherwise"] = (
            "审批事项文件中的项目名称或县市与项目库不同：{2}",
            "the procedure file names the project or its county otherwise than the register: {2}"
        ),
        ["weekly.start_risk"] = ("开工风险", "Start risk"),
        ["weekly.not_applied"] = ("（尚未申请）", " (not applied for)"),
        ["weekly.start_risk_text"] = (
            "计划三个月内开工的项目中，{0} 个即使尚需的每个审批事项都按时限办完（尚未申请的按今天申请计）也赶不上计划开工月份；"
                + "另有 {1} 个因事项暂停、尚无办结日期，能否按期开工未定。",
            "Of the projects planned to start within three months, {0} cannot start in their planned month even if every procedure they still need "
                + "(those not applied for counted from today) finishes at its limit; for {1} more a paused procedure has no due date yet, so whether "
                + "they can is not known."
        ),
        ["weekly.earliest_start"] = ("最早可开工", "Earliest start"),
        ["weekly.blocking"] = ("卡在", "Blocked by"),
        ["weekly.paused_unknown"] = ("有事项暂停，未定", "unknown: a procedure is paused"),
        ["weekly.notices"] = ("督办单", "Supervision notices"),
        ["weekly.notices_text"] = (
            "逾期未回告 {0} 份，待回告 {1} 份（含本周签发和本周回告的督办单）。",
            "{0} unanswered past their deadline, {1} awaiting a reply (with the notices issued or answered this week)."
        ),
        ["weekly.notice_number"] = ("编号", "Number"),
        ["weekly.notice_issued"] = ("签发日期", "Issued"),
        ["weekly.notice_reply_by"] = ("回告期限", "Reply by"),
        ["weekly.notice_state"] = ("回告情况", "Reply"),
        ["weekly.notice_replied"] = ("{0} 已回告", "replied {0}"),
        ["weekly.notice_replied_late"] = ("{0} 逾期回告", "replied late, {0}"),
        ["weekly.notice_overdue"] = ("逾期未回告", "no reply, overdue"),
        ["weekly.notice_overdue_climbed"] = ("逾期未回告，{0} 已报分管领导", "no reply, overdue; taken to the leader {0}"),
        ["weekly.notice_awaiting"] = ("待回告", "awaiting reply"),
        ["weekly.late_reports"] = ("倒签核查", "Back-dated reports"),
        ["weekly.late_reports_text"] = (
            "{0} 条报送的日期早于此前一份仍显示在办的文件：已按报送日期计算时限，迟报情况记录在案。",
            "{0} reports are dated before an earlier file that still showed the procedure open: the limits count the reported date; the late report "
                + "is on record."
        ),
        ["weekly.late_what"] = ("报送内容", "Reported"),
        ["weekly.late_completed"] = ("{0} 办结", "completed on {0}"),
        ["weekly.late_paused"] = ("{0} 起暂停", "paused from {0}"),
        ["weekly.late_earlier"] = ("此前显示在办的文件（数据日期）", "Earlier file showing it open (data date)"),
        ["weekly.late_file"] = ("报送文件（记录日期）", "File reporting it (recorded on)"),
        ["weekly.by_leader"] = ("按包联领导", "By leader in charge"),
        ["weekly.by_leader_text"] = (
            "每位包联领导的项目：红灯、黄灯、低于序时进度、未按期开工、超期事项与问题。差距按序时进度 {0}（{1}/{2} {3}）计。",
            "Each leader in charge's projects: red, yellow, below pace, missed starts, overdue procedures and problems. Gaps against a pace of {0} "
                + "({1}/{2} {3})."
        ),
        ["weekly.by_leader_curve_text"] = (
            "每位包联领导的项目：红灯、黄灯、低于序时进度、未按期开工、超期事项与问题。差距按序时进度 {0}（按月度计划曲线）计。",
            "Each leader in charge's projects: red, yellow, below pace, missed starts, overdue procedures and problems. Gaps against a pace of {0} "
                + "(by the months' weights)."
        ),
        ["weekly.working_days"] = ("个工作日", "working days"),
        ["weekly.months"] = ("个月", "months"),
        ["weekly.projects_column"] = ("项目数", "Projects"),
        ["weekly.below_pace"] = ("低于序时", "Below pace"),
        ["weekly.below_pace_change"] = ("较上周", "Since last week"),
        ["weekly.missed_starts"] = ("未按期开工", "Missed starts"),
        ["weekly.overdue_procedures"] = ("超期事项", "Overdue procedures"),
        ["weekly.overdue_problems_count"] = ("超期问题", "Overdue problems"),
        ["weekly.stale_checks"] = ("核查超三周未改", "Checks standing 3+ weeks"),
        ["weekly.furthest_behind"] = ("差距最大", "Furthest behind"),
        ["weekly.behind_pace_ranked"] = ("低于序时进度的项目（按差距排序）", "Projects below pace, the furthest behind first"),
        ["weekly.gap_points"] = ("差距（百分点）", "Gap (points)"),
        ["weekly.plan"] = ("计划（亿元）", "Plan (亿元)"),
        ["weekly.done"] = ("完成（亿元）", "Done (亿元)"),
        ["weekly.on_time"] = ("按时办结率", "On time"),
        ["weekly.counties_and_departments_ranked"] = ("县市和部门排名", "Counties and departments ranked"),
        ["weekly.to_check_year_to_date_figures_lowered"] = ("待核实：本年完成投资调减", "To check: year-to-date figures lowered"),
        ["weekly.reported"] = ("报送日期", "Reported"),
        ["weekly.now"] = ("调减后（万元）", "Now (万元)"),
        ["weekly.before"] = ("调减前（万元）", "Before (万元)"),
        ["weekly.since_last_week"] = ("较上周（{0}）", "Since last week ({0})"),
        ["weekly.doubted_text"] = (
            "其中 {0} 亿元（占已完成的 {1}）来自数据核查存疑的填报（超过总投资、远超年度计划或未开工即报投资）；不计这部分，完成率为 {2}。",
            "Of it, {0} 亿元 ({1} of the completed) comes from figures the data checks doubt (over the total, far above the plan, or "
                + "reported before the start); without them the completion rate is {2}."
        ),
        ["weekly.own_leader"] = ("{0} 包联的项目", "The projects of {0}"),
        ["weekly.own_department"] = ("{0} 负责的项目", "The projects of {0}"),
        ["weekly.own_text"] = ("共 {0} 个，红灯 {1} 个、黄灯 {2} 个；红灯、黄灯项目及原因如下。", "{0} projects, {1} red and {2} yellow; the red and yellow ones and why:"),
        ["weekly.doubted_row"] = ("（数据存疑：{0}）", " (figure doubted: {0})"),
        ["check_kind.ytd_over_total"] = ("累计完成超过总投资", "year-to-date over the total"),
        ["check_kind.ytd_far_above_plan"] = ("远超年度计划", "far above the plan"),
        ["check_kind.investment_not_started"] = ("未开工即报投资", "investment before the start"),
        ["check_kind.completed_early_stage"] = ("已竣工仍报前期形象进度", "completed, yet early-stage works"),
        ["check_kind.approved_before_required"] = ("早于前置事项办结", "approved before what it requires"),
        ["check_kind.pause_longer_than_limit"] = ("暂停超过办理时限", "paused longer than its limit"),
        ["check_kind.named_otherwise"] = ("项目名称或县市与库内不一致", "named otherwise than in the register"),
        ["weekly.count"] = ("个数", "Count"),
        ["weekly.amount_wan"] = ("涉及金额（万元）", "Amount (万元)"),
        ["weekly.checks_top"] = ("前 {0} 项，共 {1} 项，全部见附件《数据核查》表", "top {0} of {1}; all in the workbook's 数据核查 sheet"),
        ["weekly.first_reported"] = ("首次核查", "First reported"),
        ["weekly.headline_text"] = (
            "在库重点项目 {0} 个（{1}）；年度计划投资 {2} 亿元，已完成 {3} 亿元，完成率 {4}，序时进度 {5}（{6}），{7}序时进度 {8} 个百分点。",
            "{0} key projects in the register ({1}); planned investment this year {2} 亿元 (100 million yuan), completed {3} 亿元: {4} against a pace of "
                + "{5} ({6}), {8} points {7} pace."
        ),
        ["weekly.progress_since"] = (
            "投资进度数据自 {0} 起；此前各周的完成率为空缺，不作零计。",
            "Progress figures exist since {0}; the weeks before are gaps, not zeros."
        ),
        ["weekly.no_progress_yet"] = ("本年尚无投资进度报送。", "No progress has been reported this year yet."),
        ["weekly.ahead_of"] = ("快于", "ahead of"),
        ["weekly.behind"] = ("慢于", "behind"),
        ["weekly.lights_text"] = ("项目红黄灯：红灯 {0} 个，黄灯 {1} 个，绿灯 {2} 个。", "Project lights: {0} red, {1} yellow, {2} green."),
        ["weekly.starts_text"] = (
            "计划本月底前开工 {0} 个，已开工 {1} 个，开工率 {2}。",
            "{0} projects planned to start by the end of this month, {1} started: a new-start rate of {2}."
        ),
        ["weekly.conversion_text"] = (
            "年初储备项目 {0} 个，本年转为新开工 {1} 个，储备转化率 {2}。",
            "{0} reserve projects at the start of the year, {1} became new starts this year: a conversion rate of {2}."
        ),
        ["weekly.finished_text"] = (
            "本周办结 {0} 件，按时 {1} 件，按时办结率 {2}；本年办结 {3} 件，按时 {4} 件，按时办结率 {5}。",
            "Finished this week: {0}, {1} on time ({2}); this year: {3}, {4} on time ({5})."
        ),
        ["weekly.problems_text"] = (
            "本周新增问题 {0} 个，销号 {1} 个；未销号 {2} 个，其中超期 {3} 个。",
            "This week {0} problems raised and {1} closed; {2} open, {3} of them overdue."
        ),
        ["weekly.subject"] = ("克州重点项目周调度 {0}：完成 {1} 亿元（{2}），红灯 {3} 个", "Key projects, week {0}: {1} 亿元 done ({2}), {3} red"),
        ["weekly.intro"] = (
            "数据截至 {0}（本周：{1} 至 {0}）。附件为任务清单、责任清单、时限清单。",
            "Figures as of {0} (this week: {1} to {0}). The attached workbook holds the task, responsibility and time-limit lists."
        ),
        ["weekly.title"] = ("重点项目周调度报告 {0}", "Weekly scheduling report {0}"),

        // Receipts (both languages in one receipt)
        ["receipt.subject.applied"] = ("【报送回执】{0}：采用 {1} 行，退回 {2} 行", "ApprovalWatch receipt: {1} applied, {2} rejected"),
        ["receipt.subject.duplicate"] = ("【报送回执】{0}：与已报送文件相同", "ApprovalWatch receipt: same as {3}"),
        ["receipt.subject.unreadable"] = ("【报送回执】{0}：文件无法读取", "ApprovalWatch receipt: the file could not be read"),
        ["receipt.file"] = ("文件：{0}（{1}）", "File: {0} ({2})"),
        ["receipt.received"] = ("接收时间：{0}（北京时间）", "Received: {1}"),
        ["receipt.format"] = ("读取格式：{0}", "Read as: {0}"),
        ["receipt.rows"] = (
            "数据行 {0} 行：采用 {1} 行，无变化 {2} 行，数据日期早于已有数据 {3} 行，退回 {4} 行",
            "{0} rows: {1} applied, {2} unchanged, {3} stale (older than what is stored), {4} rejected"
        ),
        ["receipt.note"] = ("注意：{0}", "Note: {0}"),
        ["receipt.changes_heading"] = ("已采用的行：", "Rows applied:"),
        ["receipt.added"] = ("第 {0} 行 {1}（{2}）{3}：新增，{4}", "line {0} {1} ({2}) {3}: added, {4}"),
        ["receipt.changed"] = ("第 {0} 行 {1}（{2}）{3}：{4}", "line {0} {1} ({2}) {3}: {4}"),
        ["receipt.field_change"] = ("{0} {1} → {2}", "{0} {1} → {2}"),
        ["receipt.field_added"] = ("{0} {1}", "{0} {1}"),
        ["receipt.change_separator"] = ("；", "; "),
        ["receipt.correction"] = ("（更正：{0}）", " (corrected: {0})"),
        ["receipt.more_changes"] = ("另有 {0} 行已采用，未列出", "{0} more rows applied, not listed"),
        ["receipt.stale_heading"] = ("未采用、无需更正的行（数据日期早于已有数据）：", "Rows not applied, nothing to correct (older than the stored data):"),
        ["receipt.stale"] = ("第 {0} 行 {1} {2}：数据日期 {3} 早于已有数据 {4}", "line {0} {1} {2}: data date {3}, the stored data is of {4}"),
        ["receipt.rows_heading"] = ("需要更正的行（行号为 Excel 行号或 CSV 行号）：", "Rows to correct (line = Excel row or CSV line):"),
        ["receipt.where"] = ("第 {0} 行", "line {0}"),
        ["receipt.where_sheet"] = ("工作表 {1} 第 {0} 行", "sheet '{1}' line {0}"),
        ["receipt.problem"] = ("{0}，{1}：{2}（{3}）", "{0}, {1}: {2} ({3})"),
        ["receipt.more_errors"] = ("另有 {0} 处错误未列出", "{0} more errors not listed"),
        ["receipt.line"] = ("行号", "Line"),
        ["receipt.sheet_line"] = ("工作表 行号", "Sheet line"),
        ["receipt.column"] = ("列", "Column"),
        ["receipt.reason"] = ("原因", "Reason"),
        ["receipt.value"] = ("内容", "Value"),
        ["receipt.nothing_applied"] = ("结果：未处理。{0}", "Result: nothing applied. {0}"),
    };

    public static readonly Words Chinese = new(chinese: true);

    public static readonly Words English = new(chinese: false);

    private Words(bool chinese)
    {
        IsChinese = chinese;
        All = Table.ToDictionary(w => w.Key, w => chinese ? w.Value.Zh : w.Value.En, StringComparer.Ordinal);
    }

    public bool IsChinese { get; }

    /// <summary>Every word in this language, for templates.</summary>
    public IReadOnlyDictionary<string, string> All { get; }

    public static Words Of(bool chinese) => chinese ? Chinese : English;

    public static Words Of(Domain.Staff.Language language) => Of(language != Domain.Staff.Language.English);

    public string this[string key] => All.TryGetValue(key, out var word) ? word : throw new KeyNotFoundException($"No word '{key}' in the board's words.");

    public string Format(string key, params object?[] values) => string.Format(CultureInfo.InvariantCulture, this[key], values);

    public string Department(string id) => Domain.Catalogue.Department.Find(id) is { } d ? (IsChinese ? d.ChineseName : d.EnglishName) : id;
}
