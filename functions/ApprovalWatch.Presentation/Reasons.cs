using System.Globalization;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Presentation;

/// <summary>
/// The words of every <see cref="Reason"/> the rules give — why a row or a file was refused, what a receipt or a digest
/// notes — in one table, a column per language: <c>{0}</c> where a value goes, <c>{0:N0}</c> a number with its thousands
/// marked, <c>{0:dept}</c> a department id as its name, <c>{0:kind}</c> a project file's kind as its name. A code missing
/// from the table is an error, never a blank; a text written before reasons had codes is shown as it was written.
/// </summary>
public static class Reasons
{
    private const char Separator = '；';

    private static readonly Dictionary<string, (string Zh, string En)> Table = new(StringComparer.Ordinal)
    {
        ["backdated.completed"] = (
            "第 {0} 行：{1} {2} 报送的办结日期 {3} 早于 {4}（数据日期 {5}，上传人 {6}）中仍在办的记录，已按报送日期采用并记入变更记录（{7}，上传人 {8}）",
            "line {0}: {1} {2} is reported completed on {3}, before the data date {5} of {4} (uploaded by {6}), which still showed"
                + " it open: applied with the reported date, and recorded ({7}, uploaded by {8})."
        ),
        ["backdated.paused"] = (
            "第 {0} 行：{1} {2} 报送的暂停开始日期 {3} 早于 {4}（数据日期 {5}，上传人 {6}）中仍在办的记录，已按报送日期采用并记入变更记录（{7}，上传人 {8}）",
            "line {0}: {1} {2} is reported paused from {3}, before the data date {5} of {4} (uploaded by {6}), which still showed it"
                + " open: applied with the reported date, and recorded ({7}, uploaded by {8})."
        ),
        ["cell.after_arrival"] = ("日期 {0} 晚于文件送达日期 {1}，请核对", "the date {0} is after the day the file arrived, {1}: check it"),
        ["cell.not_amount"] = ("应为不小于 0 的金额（万元）", "not an amount in 万元 of at least 0"),
        ["cell.not_date"] = ("日期无法识别（请写作 {0}）", "not a date (write {0})"),
        ["cell.not_department"] = ("部门无法识别（{0}）", "not a department ({0})"),
        ["cell.not_month"] = ("月份无法识别（请写作 2026-05 或 2026年5月）", "not a month (write 2026-05 or 2026年5月)"),
        ["cell.not_project_code"] = (
            "项目代码格式不符（应为 YYYY-AAAAAA-DD-TT-NNNNNN，如 2022-653001-48-01-00123X）",
            "not a national project code YYYY-AAAAAA-DD-TT-NNNNNN (e.g. 2022-653001-48-01-00123X)"
        ),
        ["cell.not_working_days"] = ("应为 1 到 3650 之间的整数（工作日）", "not a whole number of working days from 1 to 3650"),
        ["cell.region_not_served"] = ("项目所在行政区划 {0} 不属于本地区（{1}）", "region {0} is not one this deployment serves ({1})"),
        ["cell.required"] = ("必填项为空", "required value is empty"),
        ["cell.too_long"] = ("内容过长（{0:N0} 个字符，上限 {1:N0}）", "too long: {0:N0} characters, at most {1:N0}"),
        ["digest.back_covered"] = (
            "您 {0} 至 {1} 休假期间由 {5} 代为接收提醒：期间办结 {2} 件，他人确认 {3} 件，目前仍超期 {4} 件。",
            "While you were away ({0} to {1}) {5} received your lines: {2} finished and {3} acknowledged by others meanwhile; {4} still overdue."
        ),
        ["digest.back_uncovered"] = (
            "您 {0} 至 {1} 休假期间无人代为接收提醒：期间办结 {2} 件，他人确认 {3} 件，目前仍超期 {4} 件。",
            "While you were away ({0} to {1}) nobody could receive your lines: {2} finished and {3} acknowledged by others meanwhile; {4} still overdue."
        ),
        ["digest.file_applying"] = (
            "{0:dept}报送的 {1} 在生成本提醒时仍在处理中，其数据可能未包含在内",
            "{1} of {0:dept} was still being applied when this digest was made: its rows may be missing."
        ),
        ["digest.due_moved"] = (
            "{0} {1} 的到期日由暂定的 {3} 改为 {4}：放假通知已发布，按通知重新计算",
            "{0} {2}: due {4}, no longer the provisional {3}: the holiday notice is out and the days were counted again."
        ),
        ["digest.missed_days"] = ("{0} 的每日提醒未能生成（定时任务未运行），请一并核对", "no daily run happened on {0}: no digest was made on those days."),
        ["digest.on_behalf"] = ("代 {0}：{0} 休假期间，其提醒由您接收并处理", "on behalf of {0}: while {0} is away, his lines come to you."),
        ["file.column_not_read"] = ("列“{0}”未识别，未读取", "column '{0}' is not one ApprovalWatch knows and was not read."),
        ["file.damaged"] = ("文件已损坏或不是有效的 Excel 工作簿，请用 Excel 或 WPS 重新保存", "the file is damaged or is not an Excel workbook: save it again from Excel or WPS."),
        ["file.encoding_unknown"] = (
            "文件编码无法识别（既不是 UTF-8 也不是 GB18030/GBK），请另存为“CSV UTF-8”",
            "the text is neither UTF-8 nor GB18030/GBK: save it as 'CSV UTF-8'."
        ),
        ["file.extension_not_read"] = ("不支持的文件格式 {0}，请提交 Excel、CSV 或 JSON 文件", "format '{0}' is not read: submit one of {1}."),
        ["file.header_lacks"] = ("第 {0} 行的表头缺少必填列：{1}", "the header on line {0} lacks required column(s): {1}."),
        ["file.header_lacks_on_sheet"] = ("工作表 {2} 第 {0} 行的表头缺少必填列：{1}", "the header on sheet '{2}' line {0} lacks required column(s): {1}."),
        ["file.json"] = ("JSON 格式错误（应为由行组成的数组）：{0}", "the file is not a JSON array of rows: {0}"),
        ["file.no_header"] = ("未找到表头行：表头须列出 {0}", "no header row found: a row must name the columns {0}."),
        ["file.no_reason"] = ("回执未说明原因", "the receipt gives no reason"),
        ["file.no_receipt"] = ("无法写入回执：{0}", "no receipt could be written: {0}"),
        ["file.not_a_table"] = (
            "不是电子表格、CSV 或 JSON 文件（是 PDF、图片或压缩包）",
            "the file is not a spreadsheet, CSV or JSON file (it is a PDF, an image or an archive)."
        ),
        ["file.not_text"] = ("文件中有无法按 {0} 解码的字节，请另存为“CSV UTF-8”", "the file holds bytes that are not valid {0} text ({1}): save it again as 'CSV UTF-8'."),
        ["file.ods"] = ("OpenDocument 表格（.ods）不能读取，请另存为 .xlsx", "an OpenDocument spreadsheet (.ods, as LibreOffice saves it) is not read: save it as .xlsx."),
        ["file.other_department"] = (
            "本文件的事项全部属于{0:dept}，不是本部门（{1:dept}）的文件，未处理；请检查是否选错了文件",
            "every procedure in this file is {0:dept}'s, not {1:dept}'s: nothing applied. Check that the right file was chosen."
        ),
        ["file.outside_department_folder"] = (
            "文件必须放在部门文件夹中：submissions/{{部门}}/，部门为 {0} 之一",
            "a file must be in a department folder: submissions/{{department}}/ with department one of {0}."
        ),
        ["file.project_file_not_allowed"] = (
            "{0:kind}只能由发展和改革委员会报送（submissions/development-reform/）",
            "a {0} file is the development & reform commission's to send (submissions/development-reform/)."
        ),
        ["file.read_as_project_file"] = ("按{0:kind}读取", "read as a {0} file."),
        ["file.row_too_wide"] = (
            "第 {0} 行有 {1:N0} 个单元格，超过上限 {2:N0}，请删除模板以外的列",
            "line {0} has {1:N0} cells, more than the limit of {2:N0}: remove the columns that are not the template's."
        ),
        ["file.sheet_without_header"] = ("工作表 {0} 没有表头行，未读取", "sheet '{0}' has no header row and was not read."),
        ["file.too_large"] = ("文件过大（{0:N0} 字节，上限 {1:N0}）", "the file has {0:N0} bytes, more than the limit of {1:N0}."),
        ["file.too_many_parts"] = ("压缩包内文件过多（{0:N0} 个，上限 {1:N0}）", "the workbook holds {0:N0} parts, more than the limit of {1:N0}."),
        ["file.too_many_rows"] = ("行数超过上限 {0:N0}", "the file has more than {0:N0} rows, the limit."),
        ["file.unpacks_too_large"] = ("解压后过大（{0:N0} 字节，上限 {1:N0}）", "the workbook would unpack to {0:N0} bytes, more than the limit of {1:N0}."),
        ["file.unreadable"] = (
            "文件无法读取（{0}），请用 Excel 或 WPS 重新保存，或另存为“CSV UTF-8”",
            "the file could not be read ({0}): save it again from Excel or WPS, or as 'CSV UTF-8'."
        ),
        ["file.part_too_large"] = (
            "工作簿的 {0} 部分解压后过大（{1:N0} 字节，上限 {2:N0}），不予读取；请删除多余的工作表或内容后另存，或另存为“CSV UTF-8”",
            "part {0} of the workbook would unpack to {1:N0} bytes, more than the limit of {2:N0}: "
                + "remove what is not needed and save again, or save as 'CSV UTF-8'."
        ),
        ["file.zip_bomb"] = (
            "压缩比异常（{0} 压缩了 {1:N0} 倍，上限 {2:N0}），疑为压缩炸弹，不予读取",
            "part {0} is compressed {1:N0} times, more than the limit of {2:N0}: a zip bomb is refused."
        ),
        ["format.csv_tabs"] = ("{0}，制表符分隔", "{0}, tab-separated"),
        ["format.plain"] = ("{0}", "{0}"),
        ["format.sheet"] = ("{0}，工作表 {1}", "{0}, sheet {1}"),
        ["format.sheets"] = ("{0}，工作表 {1}", "{0}, sheets {1}"),
        ["handler.missing"] = ("{0} 行未填写经办人邮箱，其临期、超期提醒发送给本部门负责人", "{0} row(s) name no handler: their alerts go to the department head."),
        ["handler.unknown"] = ("经办人 {0} 不在通讯录中，其提醒同时发送给本部门负责人", "handler {0} is not in the directory: alerts go to the department head as well."),
        ["plausibility.approved_before_required"] = (
            "第 {0} 行：{1} {2} {3} 办结时，其前置事项 {4} 尚未受理，已采用，请核实",
            "line {0}: {1} {2} is approved on {3} while {4}, which must come before it, was not accepted: applied, to be checked."
        ),
        ["plausibility.completed_early_stage"] = (
            "第 {0} 行：{1} 已竣工，形象进度却为“{2}”，已采用，请核实",
            "line {0}: {1} is completed but reports early-stage works ({2}): applied, to be checked."
        ),
        ["plausibility.far_above_plan"] = (
            "第 {0} 行：{1} 本年完成投资 {2} 万元超过年度计划 {3} 万元的 {4} 倍，已采用，请核实",
            "line {0}: {1} reports {2} 万元 done this year, more than {4} times its plan of {3} 万元: applied, to be checked."
        ),
        ["plausibility.not_started"] = (
            "第 {0} 行：{1} 尚未开工，却报送本年完成投资 {2} 万元，已采用，请核实",
            "line {0}: {1} has not started but reports {2} 万元 done this year: applied, to be checked."
        ),
        ["plausibility.over_total"] = (
            "第 {0} 行：{1} 本年完成投资 {2} 万元超过总投资 {3} 万元，已采用，请核实",
            "line {0}: {1} reports {2} 万元 done this year, more than its total investment of {3} 万元: applied, to be checked."
        ),
        ["plausibility.to_check"] = ("第 {0} 行：{1} 待核实（{2}）", "line {0}: {1} to be checked ({2})."),
        ["problem.close_needs_date_and_name"] = ("销号须写明日期和销号人", "a problem is closed only with the date and who closed it"),
        ["problem.closed_after_file"] = ("销号日期晚于报送日期 {0}", "closed after the file's date {0}"),
        ["problem.closed_before_raised"] = ("销号日期早于提出日期", "closed before it was raised"),
        ["problem.new_needs_text_and_unit"] = ("新问题须写明问题描述和责任部门", "a new problem needs its text and the department that must solve it"),
        ["problem.not_own"] = ("本部门只能报送本部门的问题，不能报送{0:dept}的问题", "a department may raise only its own problems, not {0}'s"),
        ["problem.not_own_to_close"] = ("该问题由{0:dept}负责，本部门无权销号", "the problem is {0}'s to solve, not {1}'s"),
        ["problem.raised_after_file"] = ("提出日期晚于报送数据日期 {0}", "raised after the file's data date {0}"),
        ["progress.lowered"] = (
            "第 {0} 行：{1} 本年完成投资 {2} 万元低于 {3} 报送的 {4} 万元，已标记待核实",
            "line {0}: {1} reports {2} 万元 done this year, less than the {4} 万元 of {3}: kept and marked for checking."
        ),
        ["project.county_of_code"] = ("项目代码的行政区划是{0}", "the project code's region is {1} ({0})"),
        ["project.duplicate"] = ("与第 {0} 行重复", "the same {1} entry is already on line {0}"),
        ["project.leader_unknown"] = ("包联领导不在人员名录中", "the leader in charge is not in the directory (config/directory.csv)"),
        ["project.plan_over_total"] = ("年度计划投资大于总投资", "the year's plan is more than the total investment"),
        ["project.reported_after_file"] = ("填报日期晚于报送日期 {0}", "reported after the file's date {0}"),
        ["project.reserve_started"] = ("储备项目不应有实际开工日期", "a reserve project has not started (write its nature 新开工)"),
        ["project.started_after_file"] = ("开工日期晚于报送日期 {0}", "started after the file's date {0}"),
        ["project.unknown_nature"] = ("项目性质无法识别", "unknown nature ({0})"),
        ["project.unknown_state"] = ("状态无法识别（未销号/已销号）", "unknown state (open/未销号, solved/已销号)"),
        ["receipt.more_notes"] = ("另有 {0} 条说明未列出", "{0} more notes not listed."),
        ["receipt.same_content"] = ("内容与已处理的 {0} 相同，未重复处理", "the same content as {0}, applied at {1}: nothing applied again."),
        ["row.accepted_after_as_of"] = ("受理日期晚于数据日期 {0}", "accepted after the data date {0}"),
        ["row.completed_before_accepted"] = ("办结日期早于受理日期", "completed before it was accepted"),
        ["row.duplicate"] = ("同一项目的同一事项已在第 {0} 行报送", "the same procedure of this project is already on line {0}"),
        ["row.duplicate_on_sheet"] = ("同一项目的同一事项已在工作表 {1} 第 {0} 行报送", "the same procedure of this project is already on sheet '{1}' line {0}"),
        ["row.finished_needs_date"] = ("已办结的事项须填写办结日期", "a finished procedure needs its completion date"),
        ["row.accepted_before_received"] = ("受理日期早于收件日期 {0}", "accepted before it was received ({0})"),
        ["row.told_before_received"] = ("补正告知日期早于收件日期 {0}", "told what to correct before it was received ({0})"),
        ["row.check_invalid"] = (
            "校验码与本行不符：请使用从看板下载的预填表，勿复制或改动校验码",
            "the row check does not fit this row: use the pre-filled sheet downloaded from the board, and leave its check as it is"
        ),
        ["row.locked_changed"] = (
            "灰色锁定列被改动：已有事项的这一列不可改，新增事项请填在黄色行",
            "a locked cell was changed: this cell of a listed procedure stays as it is; a new procedure goes in the yellow rows"
        ),
        ["row.locked_changed_from"] = (
            "灰色锁定列被改动（原为“{0}”）：已有事项的这一列不可改，新增事项请填在黄色行",
            "a locked cell was changed (it said '{0}'): this cell of a listed procedure stays as it is; a new procedure goes in the yellow rows"
        ),
        ["row.moves_back"] = (
            "该事项已报送为“{0:status}”{1}（{2}，数据日期 {3}），本行会使其倒退，且数据日期不晚于已有数据，未采用；如确需更正，请在“更正说明”列写明原因",
            "this would move the procedure back from '{0:status}' {1} as {2} reported it (data date {3}) with a data date not later than that: not applied. "
                + "To correct it, give the reason in the correction column"
        ),
        ["row.same_date_conflict"] = (
            "第 {0} 行：{1} {2} 与同一数据日期 {4} 的 {3} 所报不一致，已按本文件采用，请核实",
            "line {0}: {1} {2} differs from {3} of the same data date {4}: applied as this file says, to be checked."
        ),
        ["row.not_email"] = ("邮箱格式不符", "not an email address"),
        ["row.pause_end_without_start"] = ("填写了暂停结束日期但没有开始日期", "a pause end without a start"),
        ["row.pause_ends_before_start"] = ("暂停结束日期早于开始日期", "the pause ends before it starts"),
        ["row.procedure_of_other_department"] = ("该事项属于{0:dept}，本部门无权报送", "procedure belongs to {0:dept} ({0}), not to {1}"),
        ["row.procedure_unknown"] = ("审批事项不在目录中", "procedure code is not in the catalogue"),
        ["row.status_unknown"] = (
            "办理状态无法识别（受理、审查中、暂停、办结、不予许可、撤回）",
            "unknown status (accepted/受理, in_review/审查中, paused/暂停, approved/办结, rejected/不予许可, withdrawn/撤回)"
        ),
    };

    public static IEnumerable<string> Codes => Table.Keys;

    /// <summary>The reason in the reader's language; in both (Chinese；English, once when they are the same) for a reader of both.</summary>
    public static string Say(Reason? reason, Language? language)
    {
        if (reason is null)
        {
            return "";
        }

        if (reason.Code == Reason.Written)
        {
            return Bilingual.Pick(reason.Values.FirstOrDefault(), language);
        }

        if (language is { } one)
        {
            return In(reason, one);
        }

        var (chinese, english) = (In(reason, Language.Chinese), In(reason, Language.English));
        return chinese == english ? chinese : $"{chinese}{Separator}{english}";
    }

    private static string In(Reason reason, Language language)
    {
        if (!Table.TryGetValue(reason.Code, out var words))
        {
            throw new KeyNotFoundException($"No words for the reason '{reason.Code}'.");
        }

        var format = language == Language.English ? words.En : words.Zh;
        return string.Format(new ValueFormatter(language), format, [.. reason.Values]);
    }

    /// <summary>The values' formats the table uses.</summary>
    private sealed class ValueFormatter(Language language) : IFormatProvider, ICustomFormatter
    {
        public object? GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : null;

        public string Format(string? format, object? arg, IFormatProvider? formatProvider)
        {
            var text = arg?.ToString() ?? "";
            return format switch
            {
                "dept" when Department.Find(text) is { } d => language == Language.English ? d.EnglishName : d.ChineseName,
                "kind" when ProjectFileKind.All.FirstOrDefault(k => k.Id == text) is { } k => language == Language.English ? k.Id : k.ChineseName,
                "status" when ProcedureStatuses.TryParse(text, out var status) => Words.Of(language)["status." + status.Code()],
                "N0" when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n.ToString("N0", CultureInfo.InvariantCulture),
                _ => text,
            };
        }
    }
}
