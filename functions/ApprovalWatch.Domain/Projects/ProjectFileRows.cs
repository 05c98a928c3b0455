using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Projects;

/// <summary>A valid row of a project file and the line it came from.</summary>
public abstract record ProjectFileRow(int Line)
{
    /// <summary>What makes the row unique in its file.</summary>
    public abstract string Key { get; }
}

public sealed record RegisterRow(int Line, RegisteredProject Project) : ProjectFileRow(Line)
{
    public override string Key => Project.Code;
}

public sealed record ProgressRow(int Line, ProgressReport Report) : ProjectFileRow(Line)
{
    public override string Key => $"{Report.ProjectCode}|{IsoDate.Format(Report.ReportedOn)}";
}

/// <summary>A problem as a file reports it: a new one (text, department, raised, due) or what changed of a known one.</summary>
public sealed record ProblemRow(int Line, string ProjectCode, string Id) : ProjectFileRow(Line)
{
    public override string Key => $"{ProjectCode}|{Id}";

    public string? Text { get; init; }

    public string? Department { get; init; }

    public DateOnly? RaisedOn { get; init; }

    public int? DueWorkingDays { get; init; }

    public bool Solved { get; init; }

    public DateOnly? SolvedOn { get; init; }

    public string SolvedBy { get; init; } = "";
}
