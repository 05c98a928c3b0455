namespace ApprovalWatch.Domain.Operations;

/// <summary>Someone away with nobody to stand in for him: his lines reach nobody until he is back.</summary>
public sealed record UncoveredAbsence(string Name, string Email, string Department, DateOnly AwayUntil);
