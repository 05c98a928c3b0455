namespace ApprovalWatch.Domain.Digests;

/// <summary>A department's open procedures by flag on the day: what a coordinator's digest counts beside the lines it lists.</summary>
public sealed record DepartmentCount(string Department, int Red, int Yellow);
