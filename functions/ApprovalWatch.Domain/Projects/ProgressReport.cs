namespace ApprovalWatch.Domain.Projects;

/// <summary>
/// One project's investment progress as of a date: investment completed this year to date (万元), the physical
/// progress in words (形象进度), and problems raised with it. Every report is kept.
/// </summary>
public sealed record ProgressReport(string ProjectCode, DateOnly ReportedOn, decimal YearToDate, string Physical = "", string NewProblems = "");
