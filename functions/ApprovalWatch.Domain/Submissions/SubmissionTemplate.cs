using System.Text;
using ApprovalWatch.Catalogue;
using ApprovalWatch.Spreadsheets;
using ApprovalWatch.Text;

namespace ApprovalWatch.Submissions;

/// <summary>
/// The blank file a department fills in: a title row, the headers in Chinese and English, one example
/// row, and the department's procedures from the catalogue (a drop-down in the procedure column and a
/// second sheet in Excel).
/// </summary>
public static class SubmissionTemplate
{
    private static readonly SubmissionColumn[] Columns =
    [
        SubmissionColumn.ProjectCode, SubmissionColumn.ProjectName, SubmissionColumn.County, SubmissionColumn.Procedure,
        SubmissionColumn.Status, SubmissionColumn.AcceptedOn, SubmissionColumn.LimitDays, SubmissionColumn.HandlerEmail,
        SubmissionColumn.CompletedOn, SubmissionColumn.AsOf, SubmissionColumn.PausedFrom, SubmissionColumn.PausedTo,
        SubmissionColumn.PauseReason, SubmissionColumn.ExtendedDays, SubmissionColumn.ExtensionApprovedOn,
    ];

    public const string SheetName = "填报 Report";
    public const string CatalogueSheetName = "事项目录 Procedures";

    public static byte[] Xlsx(Department department, ProcedureCatalogue catalogue)
    {
        var procedures = Procedures(department, catalogue);
        var report = new XlsxSheet(SheetName);
        report.Rows.Add([$"{department.ChineseName} 重点项目审批事项进度表 / {department.EnglishName}: approval procedures of key projects"]);
        report.Merges.Add($"A1:{XlsxWriter.ColumnName(Columns.Length - 1)}1");
        report.Rows.Add(Columns.Select(c => (object?)new XlsxBold(c.Label)).ToList());
        report.Rows.Add(Example(procedures).Select(v => (object?)v).ToList());
        report.ColumnWidths.AddRange(Columns.Select(c => c == SubmissionColumn.ProjectCode || c == SubmissionColumn.HandlerEmail ? 30.0 : 18.0));
        var procedureColumn = XlsxWriter.ColumnName(Array.IndexOf(Columns, SubmissionColumn.Procedure));
        var statusColumn = XlsxWriter.ColumnName(Array.IndexOf(Columns, SubmissionColumn.Status));
        report.Lists.Add(($"{procedureColumn}3:{procedureColumn}5000", $"'{CatalogueSheetName}'!$A$2:$A${procedures.Count + 1}"));
        report.Lists.Add(($"{statusColumn}3:{statusColumn}5000", "\"受理,审查中,暂停,办结,不予许可,撤回\""));

        var list = new XlsxSheet(CatalogueSheetName);
        list.Rows.Add([new XlsxBold("事项代码 code"), new XlsxBold("事项名称 name"), new XlsxBold("Procedure"), new XlsxBold("阶段 stage"), new XlsxBold("法定时限 statutory"), new XlsxBold("承诺时限 promised")]);
        list.Rows.AddRange(procedures.Select(e => (IReadOnlyList<object?>)[e.Code, e.ChineseName, e.EnglishName, e.Stage, e.StatutoryDays, e.PromisedDays]));
        list.ColumnWidths.AddRange([14, 28, 40, 10, 14, 14]);

        using var output = new MemoryStream();
        XlsxWriter.Write(output, [report, list]);
        return output.ToArray();
    }

    public static byte[] Csv(Department department, ProcedureCatalogue catalogue)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Columns.Select(c => CsvReader.SafeField(c.Label))).Append("\r\n");
        text.AppendJoin(',', Example(Procedures(department, catalogue)).Select(CsvReader.SafeField)).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static List<CatalogueEntry> Procedures(Department department, ProcedureCatalogue catalogue) =>
        catalogue.Entries.Where(e => e.Department == department.Id).OrderBy(e => e.Stage).ThenBy(e => e.Code, StringComparer.Ordinal).ToList();

    private static string[] Example(List<CatalogueEntry> procedures) =>
    [
        "2022-653001-48-01-00123X", "阿图什市新城学校建设项目（示例，请删除）", "阿图什市", procedures.FirstOrDefault()?.Code ?? "", "审查中", "2026-03-02", "",
        "zhang.wei@kizilsu.example.org", "", "2026-03-13", "", "", "", "", "",
    ];
}
