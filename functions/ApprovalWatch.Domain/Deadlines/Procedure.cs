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

    /// <summary>True when every reported fact is the same (the source file aside).</summary>
    public bool SameFactsAs(Procedure other) =>
        this with { Pauses = other.Pauses } == other && Pauses.SequenceEqual(other.Pauses);
}
