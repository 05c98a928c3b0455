using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Submissions;

/// <summary>
/// Validates the rows of one department's file against the catalogue and the department's authority.
/// The header row is found by its column names, so title rows above it are passed over. Rows stream
/// through: valid ones are yielded as they are read, and memory does not grow with the file (errors are
/// kept up to <paramref name="maxErrors"/>, duplicates are tracked by a 64-bit hash of their keys). Each sheet
/// of a workbook has its own header. <paramref name="servedRegions"/> are the region code prefixes the
/// deployment serves (none: all).
/// </summary>
public sealed class SubmissionValidator(
    ProcedureCatalogue catalogue,
    string department,
    DateTimeOffset defaultAsOf,
    int maxRows = int.MaxValue,
    int maxErrors = 1000,
    IReadOnlyCollection<string>? servedRegions = null) : RowValidator<SubmittedRow>(maxRows, maxErrors)
{
    private readonly List<string> _ignoredColumns = [];

    /// <summary>Header cells that name no known column: not read, and said so in the receipt.</summary>
    public IReadOnlyList<string> IgnoredColumns => _ignoredColumns;

    protected override IReadOnlyDictionary<SubmissionColumn, int>? Header(SourceRow record)
    {
        var columns = SubmissionHeader.Find(record, out var unrecognised);
        _ignoredColumns.AddRange(unrecognised.Where(u => !_ignoredColumns.Contains(u)));
        return columns;
    }

    protected override SubmittedRow? Read(RowCells cells) => ReadRow(cells) is { } procedure ? new SubmittedRow(cells.Line, procedure) : null;

    protected override string Key(SubmittedRow row) => row.Procedure.ProjectCode + "\n" + row.Procedure.ProcedureCode;

    protected override RowError Duplicate(RowCells cells, SubmittedRow row, int firstLine, string? firstSheet)
    {
        var sheet = cells.Sheet;
        var where = firstSheet is null || firstSheet == sheet ? $"第 {firstLine} 行" : $"工作表 {firstSheet} 第 {firstLine} 行";
        var whereEnglish = firstSheet is null || firstSheet == sheet ? $"line {firstLine}" : $"sheet '{firstSheet}' line {firstLine}";
        return new RowError(
            cells.Line,
            SubmissionColumn.Procedure.Label,
            $"同一项目的同一事项已在{where}报送；the same procedure of this project is already on {whereEnglish}",
            row.Procedure.ProcedureCode,
            sheet
        );
    }

    /// <exception cref="UnreadableSubmissionException">No header in the whole file.</exception>
    protected override void Finish(bool anyHeader)
    {
        if (!anyHeader)
        {
            throw SubmissionHeader.Missing();
        }
    }

    private Procedure? ReadRow(RowCells cells)
    {
        var errors = cells.Errors;
        string Get(SubmissionColumn column) => cells.Get(column);
        void Fail(SubmissionColumn column, string reason) => cells.Fail(column, reason);
        string Required(SubmissionColumn column) => cells.Required(column);
        DateOnly? Date(SubmissionColumn column, bool required) => cells.Date(column, required);

        var projectCode = cells.ProjectCode(servedRegions);
        var procedureCode = Required(SubmissionColumn.Procedure);
        var entry = procedureCode.Length > 0 ? catalogue.Find(procedureCode) : null;
        if (procedureCode.Length > 0 && entry is null)
        {
            Fail(SubmissionColumn.Procedure, "审批事项不在目录中；procedure code is not in the catalogue");
        }
        else if (entry is not null && !entry.Department.Equals(department, StringComparison.OrdinalIgnoreCase))
        {
            var owner = Department.Find(entry.Department);
            Fail(
                SubmissionColumn.Procedure,
                $"该事项属于{owner?.ChineseName}，本部门无权报送；procedure belongs to {owner?.EnglishName} ({entry.Department}), not to {department}"
            );
        }

        var check = Get(SubmissionColumn.RowCheck);
        if (
            check.Length > 0
            && !check.Equals(
                LockedRow.Check(projectCode, Get(SubmissionColumn.ProjectName), Get(SubmissionColumn.County), procedureCode),
                StringComparison.OrdinalIgnoreCase
            )
        )
        {
            Fail(
                SubmissionColumn.RowCheck,
                "灰色锁定列（项目代码、项目名称、县市、审批事项）被改动；a locked column (project code, name, county or procedure) was changed: a new procedure goes in the yellow rows"
            );
        }

        var statusText = Required(SubmissionColumn.Status);
        ProcedureStatus? status = null;
        if (statusText.Length > 0)
        {
            if (ProcedureStatuses.TryParse(statusText, out var parsed))
            {
                status = parsed;
            }
            else
            {
                Fail(SubmissionColumn.Status, "办理状态无法识别；unknown status (accepted/受理, in_review/审查中, paused/暂停, approved/办结, rejected/不予许可, withdrawn/撤回)");
            }
        }

        var acceptedOn = Date(SubmissionColumn.AcceptedOn, required: true);
        var limitDays = cells.WorkingDays(SubmissionColumn.LimitDays) ?? entry?.PromisedDays;
        // An empty handler is taken: the department's head hears of the procedure instead, and the receipt says so.
        var handler = Get(SubmissionColumn.HandlerEmail);
        if (handler.Length > 0 && !EmailAddress.IsValid(handler))
        {
            Fail(SubmissionColumn.HandlerEmail, "邮箱格式不符；not an email address");
        }

        var completedOn = Date(SubmissionColumn.CompletedOn, required: false);
        if (status?.IsFinished() == true && completedOn is null && Get(SubmissionColumn.CompletedOn).Length == 0)
        {
            Fail(SubmissionColumn.CompletedOn, "已办结的事项须填写办结日期；a finished procedure needs its completion date");
        }

        if (completedOn is not null && acceptedOn is not null && completedOn < acceptedOn)
        {
            Fail(SubmissionColumn.CompletedOn, "办结日期早于受理日期；completed before it was accepted");
        }

        var asOf = defaultAsOf;
        var asOfText = Get(SubmissionColumn.AsOf);
        if (asOfText.Length > 0)
        {
            if (DateText.TryParseInstant(asOfText, OfficeClock.Beijing.BaseUtcOffset, out var reported))
            {
                asOf = reported;
            }
            else
            {
                Fail(SubmissionColumn.AsOf, $"数据日期无法识别；not a date (write {DateText.Shapes})");
            }
        }

        var asOfDay = OfficeClock.DateOf(asOf);
        if (acceptedOn is not null && acceptedOn > asOfDay)
        {
            Fail(SubmissionColumn.AcceptedOn, $"受理日期晚于数据日期 {IsoDate.Format(asOfDay)}；accepted after the data date");
        }

        var pauses = ReadPauses(
            status,
            asOfDay,
            Date(SubmissionColumn.PausedFrom, false),
            Date(SubmissionColumn.PausedTo, false),
            Get(SubmissionColumn.PauseReason),
            Fail
        );
        var extensionApprovedOn = Date(SubmissionColumn.ExtensionApprovedOn, false);
        var extendedDays = cells.WorkingDays(SubmissionColumn.ExtendedDays) ?? (extensionApprovedOn is null ? 0 : 10);

        if (errors.Count > 0 || status is null || acceptedOn is null || limitDays is null || entry is null)
        {
            return null;
        }

        return new Procedure
        {
            ProjectCode = projectCode,
            ProjectName = Get(SubmissionColumn.ProjectName),
            County = Get(SubmissionColumn.County),
            ProcedureCode = entry.Code,
            Department = entry.Department,
            Status = status.Value,
            AcceptedOn = acceptedOn.Value,
            LimitDays = limitDays.Value,
            HandlerEmail = handler.ToLowerInvariant(),
            CompletedOn = completedOn,
            AsOf = asOf,
            Pauses = pauses,
            ExtensionDays = extendedDays,
            ExtensionApprovedOn = extensionApprovedOn,
        };
    }

    private static IReadOnlyList<Pause> ReadPauses(
        ProcedureStatus? status,
        DateOnly asOfDay,
        DateOnly? from,
        DateOnly? to,
        string reason,
        Action<SubmissionColumn, string> fail
    )
    {
        if (from is null && to is not null)
        {
            fail(SubmissionColumn.PausedFrom, "填写了暂停结束日期但没有开始日期；a pause end without a start");
            return [];
        }

        if (from is not null && to is not null && to < from)
        {
            fail(SubmissionColumn.PausedTo, "暂停结束日期早于开始日期；the pause ends before it starts");
            return [];
        }

        if (from is not null)
        {
            return [new Pause(from.Value, to, reason)];
        }

        // "Paused" without dates: the clock stops from the day the data was true.
        return status == ProcedureStatus.Paused ? [new Pause(asOfDay, null, reason)] : [];
    }
}
