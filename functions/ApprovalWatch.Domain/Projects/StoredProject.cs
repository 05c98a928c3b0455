using ApprovalWatch.Domain.Text;
namespace ApprovalWatch.Domain.Projects;

/// <summary>What is stored of one project before a file's row is applied: its register entry, progress reports and problems.</summary>
public sealed record StoredProject(RegisteredProject? Register, IReadOnlyList<ProgressReport> Progress, IReadOnlyList<ProjectProblem> Problems)
{
    public ProjectProblem? Problem(string id) => Problems.FirstOrDefault(p => p.Id == id);
}

/// <summary>
/// What one row of a project file changes: the register entry, a progress report (with the year-to-date figure it
/// lowers, if any), a problem; or why it is refused; and a note for the receipt.
/// </summary>
public sealed record ProjectChange
{
    public static readonly ProjectChange Nothing = new();

    public RegisteredProject? Register { get; init; }

    public ProgressReport? Progress { get; init; }

    /// <summary>The year-to-date figure of the year's latest earlier report, when <see cref="Progress"/> reports less.</summary>
    public decimal? LoweredFrom { get; init; }

    public ProjectProblem? Problem { get; init; }

    /// <summary>Problems the register's arrival routes to the project's responsible unit.</summary>
    public IReadOnlyList<ProjectProblem> Rerouted { get; init; } = [];

    public Submissions.RowError? Refused { get; init; }

    public Reason? Note { get; init; }

    /// <summary>What the applied row makes doubtful (<see cref="Plausibility"/>), as the receipt's notes.</summary>
    public IReadOnlyList<Reason> Warnings { get; init; } = [];

    public bool ChangesNothing => Register is null && Progress is null && Problem is null && Rerouted.Count == 0;
}
