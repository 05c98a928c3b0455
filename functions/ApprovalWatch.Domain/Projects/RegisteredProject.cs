namespace ApprovalWatch.Domain.Projects;

/// <summary>
/// A key project as the DRC's register holds it. Amounts are in 万元 (10,000 yuan), as decimals. A reserve
/// project converted into a new start keeps the day it converted (<see cref="ConvertedOn"/>), from the file or
/// from the first register that showed it started.
/// </summary>
public sealed record RegisteredProject
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required string County { get; init; }

    public string Industry { get; init; } = "";

    public required ProjectNature Nature { get; init; }

    public decimal TotalInvestment { get; init; }

    public decimal AnnualPlan { get; init; }

    /// <summary>The first day of the month it is planned to start.</summary>
    public DateOnly? PlannedStart { get; init; }

    public DateOnly? StartedOn { get; init; }

    public DateOnly? PlannedCompletion { get; init; }

    public required string LeaderEmail { get; init; }

    /// <summary>The responsible unit: a department id.</summary>
    public required string ResponsibleUnit { get; init; }

    /// <summary>The owner (建设单位).</summary>
    public string Owner { get; init; } = "";

    public DateOnly? ConvertedOn { get; init; }

    /// <summary>The register as of this date (the file's date).</summary>
    public DateOnly AsOf { get; init; }
}
