using System.Globalization;

namespace ApprovalWatch.Presentation.Pages;

/// <summary>
/// The board's words in its two languages, one table: a page reads <c>{{ w.key }}</c>, code reads <see cref="this[string]"/>
/// or <see cref="Format"/> (<c>{0}</c> where a value goes). A key missing from the table is an error, never a blank.
/// </summary>
public sealed class Words
{
    private static readonly Dictionary<string, (string Zh, string En)> Table = new(StringComparer.Ordinal)
    {
        ["app_board"] = ("看板", "Board"),
        ["app_procedures"] = ("审批事项", "Procedures"),
        ["other_language"] = ("English", "中文"),
        ["other_language_code"] = ("en", "zh"),
        ["html_lang"] = ("zh-CN", "en"),
        ["none"] = ("无", "None"),
        ["all"] = ("全部", "all"),
        ["back_to_board"] = ("返回看板", "Back to the board"),
        ["not_allowed"] = ("无权访问", "Not allowed"),
        ["not_in_directory"] = ("{0} 不在人员名录中，或其角色不能查看看板。", "{0} is not in the directory, or his role does not see the board."),
        ["anonymous"] = ("未登录用户", "Anonymous"),
        ["not_yours"] = ("无权查看", "Not yours to see"),
        ["not_your_department"] = ("该项目不属于您所在部门。", "This project is not your department's."),
        ["not_found"] = ("未找到", "Not found"),
        ["flag_red"] = ("超期", "overdue"),
        ["flag_yellow"] = ("预警", "due soon"),
        ["flag_paused"] = ("暂停", "paused"),
        ["flag_green"] = ("正常", "on time"),
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
        ["days_left"] = ("剩余工作日", "Working days left"),
        ["acknowledged_promised"] = ("{0} 已确认，承诺 {1} 前办结", "acknowledged by {0}, promised {1}"),
        ["history"] = ("变更记录", "History"),
        ["item"] = ("事项", "Item"),
        ["change"] = ("变更", "Change"),
        ["source"] = ("来源", "Source"),
        ["ack_title"] = ("确认提醒", "Acknowledge"),
        ["ack_due"] = ("应办结", "due"),
        ["ack_promised_date"] = ("承诺办结日期", "Promised date"),
        ["ack_note"] = ("说明（可选）", "Note (optional)"),
        ["ack_submit"] = ("确认", "Acknowledge"),
        ["ack_latest"] = ("最晚 {0}（法定时限内的工作日）。", "At the latest {0} (a working day within the statutory limit)."),
        ["ack_disabled"] = ("确认链接未启用。", "Acknowledgement links are not enabled."),
        ["ack_tampered"] = ("链接无效（可能被改动）。请使用邮件中的原始链接。", "This link is not valid (it may have been altered). Use the link in your email as it came."),
        ["ack_expired"] = ("链接已过期。请使用最新一封提醒邮件中的链接。", "This link has expired. Use the link in your latest digest."),
        ["ack_foreign"] = ("此链接属于另一位收件人，您不能代为确认。", "This link was sent to someone else: you cannot acknowledge for him."),
        ["ack_unknown"] = ("找不到该审批事项。", "No such procedure."),
        ["ack_replayed"] = ("已确认过：承诺 {0} 前办结。", "Already acknowledged: promised by {0}."),
        ["ack_finished"] = ("该事项已办结，无需确认。", "This procedure is finished: nothing to acknowledge."),
        ["ack_bad_date"] = ("请选择 {0} 至 {1} 之间的一个工作日。", "Choose a working day from {0} to {1}."),
        ["ack_changed"] = ("该事项刚刚被更新，请重新打开链接。", "The procedure changed just now: open the link again."),
        ["ack_recorded"] = ("已记录：您承诺 {0} 前办结。在此日期前，该提醒不再升级；逾期未办结将升高一级。", "Recorded: you promised it by {0}. Until then it does not climb the ladder; unfinished after it, it climbs one rung higher."),
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

    public string this[string key] => All.TryGetValue(key, out var word) ? word : throw new KeyNotFoundException($"No word '{key}' in the board's words.");

    public string Format(string key, params object?[] values) => string.Format(CultureInfo.InvariantCulture, this[key], values);

    public string Department(string id) => Domain.Catalogue.Department.Find(id) is { } d ? (IsChinese ? d.ChineseName : d.EnglishName) : id;
}
