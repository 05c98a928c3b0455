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
/// deployment serves (none: all). A date after <paramref name="receivedOn"/>, the Beijing day the file arrived, is refused
/// (an acceptance, completion, pause start, extension approval or data date), a pause's expected end aside.
/// </summary>
public sealed class SubmissionValidator(
    ProcedureCatalogue catalogue,
    string department,
    DateTimeOffset defaultAsOf,
    int maxRows = int.MaxValue,
    int maxErrors = 1000,
    IReadOnlyCollection<string>? servedRegions = null,
    DateOnly? receivedOn = null,
    LockedRow? lockedRows = null,
    IReadOnlyCollection<LockedCells>? lockedOriginals = null) : RowValidator<SubmittedRow>(maxRows, maxErrors)
{
    private readonly List<string> _ignoredColumns = [];
    private readonly HashSet<string> _lockedChangedProjects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _foreign = new(StringComparer.Ordinal);

    /// <summary>
    /// The department whose file this is when every data row is that department's procedure, not this one's (a file picked
    /// by mistake); null otherwise.
    /// </summary>
    public string? OtherDepartmentsFile =>
        DataRows > 0 && _foreign.Values.Sum() == DataRows ? _foreign.MaxBy(f => f.Value).Key : null;

    /// <summary>
    /// The project codes, as written, of rows whose locked cells were changed: where the app looks for what those cells
    /// said (the validator's <c>lockedOriginals</c>): the projects' stored rows.
    /// </summary>
    public IReadOnlySet<string> LockedChangedProjects => _lockedChangedProjects;

    /// <summary>True when a row's project code itself was changed: its original is among the department's rows, not the project's.</summary>
    public bool LockedProjectCodeChanged { get; private set; }

    /// <summary>Header cells that name no known column: not read, and said so in the receipt.</summary>
    public IReadOnlyList<string> IgnoredColumns => _ignoredColumns;

    protected override IReadOnlyDictionary<SubmissionColumn, int>? Header(SourceRow record)
    {
        var columns = SubmissionHeader.Find(record, out var unrecognised);
        _ignoredColumns.AddRange(unrecognised.Where(u => !_ignoredColumns.Contains(u)));
        return columns;
    }

    protected override SubmittedRow? Read(RowCells cells) =>
        ReadRow(cells) is { } procedure
            ? new SubmittedRow(cells.Line, procedure) { Correction = cells.Get(SubmissionColumn.Correction) is { Length: > 0 } why ? why : null }
            : null;

    protected override string Key(SubmittedRow row) => row.Procedure.ProjectCode + "\n" + row.Procedure.ProcedureCode;

    protected override RowError Duplicate(RowCells cells, SubmittedRow row, int firstLine, string? firstSheet)
    {
        var sheet = cells.Sheet;
        return new RowError(
            cells.Line,
            SubmissionColumn.Procedure.Label,
            firstSheet is null || firstSheet == sheet ? Reason.Of("row.duplicate", firstLine) : Reason.Of("row.duplicate_on_sheet", firstLine, firstSheet),
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

    private void CheckLocked(LockedRow lockedRows, string check, LockedCells written, Action<SubmissionColumn, Reason> fail)
    {
        var changed = lockedRows.Changed(check, written);
        if (changed.Count == 0)
        {
            return;
        }

        if (changed.Count == LockedRow.Columns.Count)
        {
            fail(SubmissionColumn.RowCheck, Reason.Of("row.check_invalid"));
            return;
        }

        _lockedChangedProjects.Add(written.ProjectCode);
        LockedProjectCodeChanged |= changed.Contains(SubmissionColumn.ProjectCode);
        foreach (var column in changed)
        {
            IEnumerable<string> candidates = (lockedOriginals ?? []).Select(o => o[column]);
            if (column == SubmissionColumn.Procedure)
            {
                var own = catalogue.Entries.Where(e => e.Department.Equals(department, StringComparison.OrdinalIgnoreCase));
                candidates = candidates.Concat(own.Select(e => e.Code));
            }

            var original = lockedRows.Original(check, column, candidates.Distinct(StringComparer.Ordinal));
            fail(column, original is null ? Reason.Of("row.locked_changed") : Reason.Of("row.locked_changed_from", original));
        }
    }

    private Procedure? ReadRow(RowCells cells)
    {
        var errors = cells.Errors;
        string Get(SubmissionColumn column) => cells.Get(column);
        void Fail(SubmissionColumn column, Reason reason) => cells.Fail(column, reason);
        string Required(SubmissionColumn column) => cells.Required(column);
        DateOnly? Date(SubmissionColumn column, bool required) => cells.Date(column, required);

        var projectCode = cells.ProjectCode(servedRegions);
        var procedureCode = Required(SubmissionColumn.Procedure);
        var entry = procedureCode.Length > 0 ? catalogue.Find(procedureCode) : null;
        if (procedureCode.Length > 0 && entry is null)
        {
            Fail(SubmissionColumn.Procedure, Reason.Of("row.procedure_unknown"));
        }
        else if (entry is not null && !entry.Department.Equals(department, StringComparison.OrdinalIgnoreCase))
        {
            Fail(SubmissionColumn.Procedure, Reason.Of("row.procedure_of_other_department", entry.Department, department));
            _foreign[entry.Department] = _foreign.GetValueOrDefault(entry.Department) + 1;
        }

        // Checked only under the app's key (without one, pre-filled sheets carry no check either).
        var check = Get(SubmissionColumn.RowCheck);
        if (check.Length > 0 && lockedRows is not null)
        {
            CheckLocked(
                lockedRows,
                check,
                new LockedCells(projectCode, Get(SubmissionColumn.ProjectName), Get(SubmissionColumn.County), procedureCode),
                Fail
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
                Fail(SubmissionColumn.Status, Reason.Of("row.status_unknown"));
            }
        }

        // Received and not accepted yet: its acceptance may be left empty (the law may deem it accepted on the day received).
        var receivedOnDate = Date(SubmissionColumn.ReceivedOn, required: false);
        var correctionNotifiedOn = Date(SubmissionColumn.CorrectionNotifiedOn, required: false);
        var acceptedOn = Date(SubmissionColumn.AcceptedOn, required: receivedOnDate is null);
        if (receivedOnDate is { } gotOn && acceptedOn < gotOn)
        {
            Fail(SubmissionColumn.AcceptedOn, Reason.Of("row.accepted_before_received", gotOn));
        }

        if (correctionNotifiedOn < receivedOnDate)
        {
            Fail(SubmissionColumn.CorrectionNotifiedOn, Reason.Of("row.told_before_received", receivedOnDate));
        }

        var limitDays = cells.WorkingDays(SubmissionColumn.LimitDays) ?? entry?.PromisedDays;
        // An empty handler is taken: the department's head hears of the procedure instead, and the receipt says so.
        var handler = Get(SubmissionColumn.HandlerEmail);
        if (handler.Length > 0 && !EmailAddress.IsValid(handler))
        {
            Fail(SubmissionColumn.HandlerEmail, Reason.Of("row.not_email"));
        }

        var completedOn = Date(SubmissionColumn.CompletedOn, required: false);
        if (status?.IsFinished() == true && completedOn is null && Get(SubmissionColumn.CompletedOn).Length == 0)
        {
            Fail(SubmissionColumn.CompletedOn, Reason.Of("row.finished_needs_date"));
        }

        if (completedOn is not null && acceptedOn is not null && completedOn < acceptedOn)
        {
            Fail(SubmissionColumn.CompletedOn, Reason.Of("row.completed_before_accepted"));
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
                Fail(SubmissionColumn.AsOf, Reason.Of("cell.not_date", DateText.Shapes));
            }
        }

        var asOfDay = OfficeClock.DateOf(asOf);
        if (acceptedOn is not null && acceptedOn > asOfDay)
        {
            Fail(SubmissionColumn.AcceptedOn, Reason.Of("row.accepted_after_as_of", asOfDay));
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
        // The reform clocks' own days: a due day may lie ahead, the day it was done may not.
        var (materialsDueOn, materialsSuppliedOn) = (Date(SubmissionColumn.MaterialsDueOn, false), Date(SubmissionColumn.MaterialsSuppliedOn, false));
        var (verifyBy, verifiedOn) = (Date(SubmissionColumn.VerifyBy, false), Date(SubmissionColumn.VerifiedOn, false));
        var extendedDays = cells.WorkingDays(SubmissionColumn.ExtendedDays) ?? (extensionApprovedOn is null ? 0 : 10);
        if (receivedOn is { } arrived)
        {
            (SubmissionColumn Column, DateOnly? Date)[] dated =
            [
                (SubmissionColumn.AcceptedOn, acceptedOn),
                (SubmissionColumn.ReceivedOn, receivedOnDate),
                (SubmissionColumn.CorrectionNotifiedOn, correctionNotifiedOn),
                (SubmissionColumn.MaterialsSuppliedOn, materialsSuppliedOn),
                (SubmissionColumn.VerifiedOn, verifiedOn),
                (SubmissionColumn.CompletedOn, completedOn),
                (SubmissionColumn.PausedFrom, pauses.Select(p => (DateOnly?)p.From).Max()),
                (SubmissionColumn.ExtensionApprovedOn, extensionApprovedOn),
                (SubmissionColumn.AsOf, asOfText.Length > 0 ? asOfDay : null),
            ];
            foreach (var (column, date) in dated.Where(d => d.Date > arrived))
            {
                Fail(column, Reason.Of("cell.after_arrival", date, arrived));
            }
        }

        if (errors.Count > 0 || status is null || (acceptedOn ?? receivedOnDate) is null || limitDays is null || entry is null)
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
            AcceptedOn = (acceptedOn ?? receivedOnDate)!.Value,
            AcceptancePending = acceptedOn is null,
            ReceivedOn = receivedOnDate,
            CorrectionNotifiedOn = correctionNotifiedOn,
            MaterialsDueOn = materialsDueOn,
            MaterialsSuppliedOn = materialsSuppliedOn,
            VerifyBy = verifyBy,
            VerifiedOn = verifiedOn,
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
        Action<SubmissionColumn, Reason> fail
    )
    {
        if (from is null && to is not null)
        {
            fail(SubmissionColumn.PausedFrom, Reason.Of("row.pause_end_without_start"));
            return [];
        }

        if (from is not null && to is not null && to < from)
        {
            fail(SubmissionColumn.PausedTo, Reason.Of("row.pause_ends_before_start"));
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
