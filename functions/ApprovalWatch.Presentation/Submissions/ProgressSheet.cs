using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Presentation.Submissions;

/// <summary>
/// The development &amp; reform commission's progress sheet, pre-filled: every project under way with its plan (for
/// reference) and its last report (date, year-to-date figure, works, problems), so that only the new date and figure
/// are typed. Sent back unchanged it changes nothing; a project never reported has its report cells empty, and a row
/// that says nothing is passed over.
/// </summary>
public static class ProgressSheet
{
    public const string SheetName = "投资进度 Progress";

    public static byte[] Prefilled(IEnumerable<RegisteredProject> projects, IEnumerable<ProgressReport> progress, DateOnly today)
    {
        var last = progress
            .Where(p => p.ReportedOn.Year == today.Year)
            .GroupBy(p => p.ProjectCode)
            .ToDictionary(g => g.Key, g => g.MaxBy(p => p.ReportedOn)!, StringComparer.Ordinal);
        List<FillInColumn> columns =
        [
            new(ProjectFileKind.ProjectCode.Label, Locked: true, FillInKind.Text, 30),
            new(ProjectFileKind.ProjectName.Label, Locked: true, FillInKind.Text, 34),
            // Read by nobody: named so that no reader takes it for the register's plan.
            new("参考计划（万元） reference_plan", Locked: true, FillInKind.Number),
            new(ProjectFileKind.ReportedOn.Label, Locked: false, FillInKind.Date),
            new(ProjectFileKind.YearToDate.Label, Locked: false, FillInKind.Number),
            new(ProjectFileKind.Physical.Label, Locked: false, FillInKind.Text, 24),
            new(ProjectFileKind.NewProblems.Label, Locked: false, FillInKind.Text, 30),
        ];
        var rows = projects.Where(p => p.Nature != ProjectNature.Reserve)
            .OrderBy(p => p.County, StringComparer.Ordinal).ThenBy(p => p.Code, StringComparer.Ordinal)
            .Select(p => last.GetValueOrDefault(p.Code) is { } r
                ? (IReadOnlyList<object?>)[p.Code, p.Name, p.AnnualPlan, r.ReportedOn, r.YearToDate, Blank(r.Physical), Blank(r.NewProblems)]
                : [p.Code, p.Name, p.AnnualPlan, null, null, null, null])
            .ToList();
        return FillInWorkbook.Write(
            SheetName,
            $"重点项目投资进度（{IsoDate.Format(today)} 预填 {rows.Count} 个项目，为上次报送的数据）：改填报日期和本年完成投资即可；灰色列不可改。/ Progress of key projects, pre-filled "
                + $"{IsoDate.Format(today)} with each project's last report: type the new date and figure; grey columns are locked.",
            columns,
            rows,
            newRows: 50,
            statuses: []);
    }

    private static string? Blank(string text) => text.Length == 0 ? null : text;
}
