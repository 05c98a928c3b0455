using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Deadlines;

namespace ApprovalWatch.Domain.Digests;

/// <summary>
/// The clocks of the approval reforms beside a procedure's own: 容缺受理 (accepted with non-key materials missing, to be
/// supplied by a day — once it passes, a line to the handler and the project's leader in charge) and 告知承诺制 (approved on
/// the applicant's commitment, to be verified by the department by a day — once it passes, the department's line); and the
/// day the law deems an application accepted (行政许可法 第三十二条), told to the department's head that day.
/// </summary>
public static class ReformClocks
{
    public static IEnumerable<ProcedureLine> Lines(
        Procedure procedure,
        CatalogueEntry? entry,
        string handlerName,
        WorkingCalendar calendar,
        DateOnly today
    )
    {
        if (procedure.MaterialsDueOn is { } materials && procedure.MaterialsSuppliedOn is null && today > materials)
        {
            yield return Late(procedure, entry, handlerName, calendar, today, ReformClock.Tolerance, materials);
        }

        if (procedure.VerifyBy is { } verify && procedure.VerifiedOn is null && today > verify)
        {
            yield return Late(procedure, entry, handlerName, calendar, today, ReformClock.Commitment, verify);
        }
    }

    /// <summary>The head's line on the day an application became accepted by law; null on any other day.</summary>
    public static ProcedureLine? DeemedToday(
        Procedure procedure,
        Assessment assessment,
        CatalogueEntry? entry,
        string handlerName,
        WorkingCalendar calendar,
        DateOnly today
    )
    {
        if (!assessment.Deemed || procedure.ReceivedOn is not { } received || DeemedAcceptance.KnownOn(received, calendar) != today)
        {
            return null;
        }

        return Line(procedure, entry, handlerName, ReformClock.Deemed, received, assessment.Deadline.DueOn ?? received) with
        {
            LimitDays = procedure.LimitDays,
            Deemed = true,
            Flag = assessment.Flag == Flag.Red ? Flag.Red : Flag.Yellow,
            WorkingDaysLeft = assessment.WorkingDaysLeft,
        };
    }

    // A reform clock's day passed undone: red, counted from the day it was due.
    private static ProcedureLine Late(
        Procedure procedure,
        CatalogueEntry? entry,
        string handlerName,
        WorkingCalendar calendar,
        DateOnly today,
        ReformClock clock,
        DateOnly due
    ) =>
        Line(procedure, entry, handlerName, clock, procedure.AcceptedOn, due) with
        {
            LimitDays = Math.Max(0, calendar.WorkingDaysAfter(procedure.AcceptedOn, due)),
            Flag = Flag.Red,
            WorkingDaysLeft = Assessment.Left(calendar, today, due),
        };

    private static ProcedureLine Line(Procedure procedure, CatalogueEntry? entry, string handlerName, ReformClock clock, DateOnly started, DateOnly due)
    {
        var (zh, en) = Suffixes[clock];
        return new ProcedureLine
        {
            Reform = clock,
            Stage = entry?.Stage ?? 0,
            ProjectCode = procedure.ProjectCode,
            ProjectName = procedure.ProjectName,
            ProcedureCode = procedure.ProcedureCode,
            ChineseName = (entry?.ChineseName ?? procedure.ProcedureCode) + zh,
            EnglishName = (entry?.EnglishName ?? procedure.ProcedureCode) + en,
            Department = procedure.Department,
            HandlerEmail = procedure.HandlerEmail,
            HandlerName = handlerName,
            StartedOn = started,
            DueOn = due,
            LimitDays = 0,
            Flag = Flag.Red,
            WorkingDaysLeft = 0,
        };
    }

    // What a line's name says of its clock, after the procedure's name.
    private static readonly Dictionary<ReformClock, (string Zh, string En)> Suffixes = new()
    {
        [ReformClock.Tolerance] = ("（容缺材料补齐）", " (missing materials)"),
        [ReformClock.Commitment] = ("（告知承诺核查）", " (commitment check)"),
        [ReformClock.Deemed] = ("（视为受理）", " (accepted by law)"),
    };
}
