namespace ApprovalWatch.Domain.Deadlines;

/// <summary>The reported state of one approval procedure of one project.</summary>
public sealed record Procedure
{
    public required string ProjectCode { get; init; }

    public string ProjectName { get; init; } = "";

    public string County { get; init; } = "";

    public required string ProcedureCode { get; init; }

    public required string Department { get; init; }

    public required ProcedureStatus Status { get; init; }

    public required DateOnly AcceptedOn { get; init; }

    /// <summary>The time limit in working days that applies (承诺时限).</summary>
    public required int LimitDays { get; init; }

    public required string HandlerEmail { get; init; }

    public DateOnly? CompletedOn { get; init; }

    /// <summary>数据日期: when the department's data was true. Older data never overwrites newer.</summary>
    public required DateTimeOffset AsOf { get; init; }

    public IReadOnlyList<Pause> Pauses { get; init; } = [];

    public int ExtensionDays { get; init; }

    public DateOnly? ExtensionApprovedOn { get; init; }

    /// <summary>The day the application was received (收件); with it, the law may deem it accepted (<see cref="DeemedAcceptance"/>).</summary>
    public DateOnly? ReceivedOn { get; init; }

    /// <summary>The day the applicant was told of everything to correct (补正告知).</summary>
    public DateOnly? CorrectionNotifiedOn { get; init; }

    /// <summary>容缺受理: the day its missing non-key materials are to be supplied by (the reform clocks, Digests/ReformClocks).</summary>
    public DateOnly? MaterialsDueOn { get; init; }

    public DateOnly? MaterialsSuppliedOn { get; init; }

    /// <summary>告知承诺制: the day the department is to have verified the applicant's commitment by.</summary>
    public DateOnly? VerifyBy { get; init; }

    public DateOnly? VerifiedOn { get; init; }

    /// <summary>A reform clock still running: materials not yet supplied, or a commitment not yet verified — open business even once finished.</summary>
    public bool ReformPending => (MaterialsDueOn is not null && MaterialsSuppliedOn is null) || (VerifyBy is not null && VerifiedOn is null);

    /// <summary>Received, its acceptance not reported yet: <see cref="AcceptedOn"/> is the day it was received.</summary>
    public bool AcceptancePending { get; init; }

    /// <summary>
    /// What the facts said on <paramref name="day"/>, as far as they tell: nothing before its acceptance; open before its
    /// completion; a pause not begun yet left out, one that ended later still open; an extension approved later not granted.
    /// </summary>
    public Procedure? AsOn(DateOnly day)
    {
        if (AcceptedOn > day)
        {
            return null;
        }

        var pauses = Pauses.Where(p => p.From <= day).Select(p => p.To > day ? new Pause(p.From, null, p.Reason) : p).ToList();
        var done = CompletedOn is { } completed && completed <= day;
        var later = ExtensionApprovedOn > day;
        return this with
        {
            Status = done ? Status
                : pauses.Any(p => p.To is null) ? ProcedureStatus.Paused
                : Status is ProcedureStatus.Paused || Status.IsFinished() ? ProcedureStatus.InReview
                : Status,
            CompletedOn = done ? CompletedOn : null,
            Pauses = pauses,
            ExtensionDays = later ? 0 : ExtensionDays,
            ExtensionApprovedOn = later ? null : ExtensionApprovedOn,
        };
    }

    /// <summary>True when every reported fact is the same (the source file aside).</summary>
    public bool SameFactsAs(Procedure other) =>
        this with { Pauses = other.Pauses } == other && Pauses.SequenceEqual(other.Pauses);
}
