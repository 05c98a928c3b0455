using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Deadlines;

namespace ApprovalWatch.Domain.Digests;

/// <summary>A procedure in a digest: who handles it and how its limits stand.</summary>
public sealed record ProcedureLine : DigestLine
{
    public required string ProcedureCode { get; init; }

    public required string Department { get; init; }

    public required string HandlerEmail { get; init; }

    public required string HandlerName { get; init; }

    public int ExtensionDays { get; init; }

    public int PausedWorkingDays { get; init; }

    /// <summary>The statutory limit (法定时限) and its due date, shown beside the promised one.</summary>
    public int StatutoryDays { get; init; }

    public DateOnly? StatutoryDueOn { get; init; }

    /// <summary>The statutory limit is in days (日), not working days.</summary>
    public bool StatutoryInDays { get; init; }

    /// <summary>Accepted by law on the day it was received (视为受理): <see cref="DigestLine.StartedOn"/> is that day.</summary>
    public bool Deemed { get; init; }

    /// <summary>Open past the statutory limit: escalated one rung higher.</summary>
    public bool PastStatutory { get; init; }

    /// <summary>The procedure's stage (1–4); 0 for a code the catalogue no longer has.</summary>
    public int Stage { get; init; }

    /// <summary>Separate warning periods the procedure has been yellow in (the ladder climbs on them).</summary>
    public int YellowPeriods { get; init; }

    /// <summary>Weeks in which a scan found it overdue (the ladder climbs on them).</summary>
    public int OverdueWeeks { get; init; }

    /// <summary>Who acknowledged the line and the day he promised; null when no one did.</summary>
    public string? AcknowledgedBy { get; init; }

    public DateOnly? PromisedOn { get; init; }

    /// <summary>The rung the line stood on when acknowledged: it stays there while the promise holds.</summary>
    public int? AckRung { get; init; }

    /// <summary>The promised day passed with the procedure still open: one rung higher than it would be.</summary>
    public bool AckLapsed { get; init; }

    /// <summary>Promises broken before the one in force: a rung higher each, for good.</summary>
    public int AckPenalty { get; init; }

    /// <summary>The clock the line is about: the procedure's own, or a reform's beside it.</summary>
    public ReformClock Reform { get; init; }

    public override string ItemCode => Reform == ReformClock.None ? ProcedureCode : $"{ProcedureCode}:{Reform.ToString().ToLowerInvariant()}";

    /// <summary>The line of a yellow or red procedure; <paramref name="entry"/> is null for a code the catalogue no longer has.</summary>
    public static ProcedureLine Of(
        Procedure procedure,
        Assessment assessment,
        CatalogueEntry? entry,
        string handlerName,
        EscalationCounts counts,
        Acknowledgements.Acknowledgement? ack = null,
        DateOnly? today = null
    ) =>
        new()
        {
            AcknowledgedBy = ack?.ByName,
            PromisedOn = ack?.PromisedOn,
            AckRung = ack?.Rung,
            AckLapsed = ack is not null && today is { } day && !ack.HoldsOn(day),
            AckPenalty = ack?.Penalty ?? 0,
            Stage = entry?.Stage ?? 0,
            YellowPeriods = counts.YellowPeriods,
            OverdueWeeks = counts.OverdueWeeks,
            ProjectCode = procedure.ProjectCode,
            ProjectName = procedure.ProjectName,
            ProcedureCode = procedure.ProcedureCode,
            ChineseName = entry?.ChineseName ?? procedure.ProcedureCode,
            EnglishName = entry?.EnglishName ?? procedure.ProcedureCode,
            Department = procedure.Department,
            HandlerEmail = procedure.HandlerEmail,
            HandlerName = handlerName,
            StartedOn = assessment.Deemed ? procedure.ReceivedOn ?? procedure.AcceptedOn : procedure.AcceptedOn,
            Deemed = assessment.Deemed,
            DueOn = assessment.Deadline.DueOn
                ?? throw new ArgumentException("A paused procedure has no due date and no digest line.", nameof(assessment)),
            LimitDays = procedure.LimitDays,
            StatutoryDays = entry?.StatutoryDays ?? 0,
            StatutoryInDays = entry?.StatutoryInDays ?? false,
            StatutoryDueOn = assessment.StatutoryDueOn,
            PastStatutory = assessment.PastStatutory,
            ExtensionDays = procedure.ExtensionDays,
            PausedWorkingDays = assessment.Deadline.PausedWorkingDays,
            Flag = assessment.Flag,
            WorkingDaysLeft = assessment.WorkingDaysLeft,
            Provisional = assessment.Provisional,
        };
}
