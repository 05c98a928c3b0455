using System.Text;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Domain.Text;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Validations;
using SpreadCheetah.Worksheets;

namespace ApprovalWatch.Presentation.Submissions;

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

    public static async Task<byte[]> XlsxAsync(Department department, ProcedureCatalogue catalogue, CancellationToken cancellationToken = default)
    {
        var procedures = Procedures(department, catalogue);
        using var output = new MemoryStream();
        await using (var workbook = await Spreadsheet.CreateNewAsync(output, cancellationToken: cancellationToken))
        {
            var bold = workbook.AddStyle(new Style { Font = { Bold = true } });
            var report = new WorksheetOptions();
            for (var c = 0; c < Columns.Length; c++)
            {
                report.Column(c + 1).Width = Columns[c] == SubmissionColumn.ProjectCode || Columns[c] == SubmissionColumn.HandlerEmail ? 30 : 18;
            }

            await workbook.StartWorksheetAsync(SheetName, report, cancellationToken);
            await workbook.AddRowAsync([new Cell($"{department.ChineseName} 重点项目审批事项进度表 / {department.EnglishName}: approval procedures of key projects")], cancellationToken);
            workbook.MergeCells($"A1:{ColumnName(Columns.Length - 1)}1");
            await workbook.AddRowAsync(Columns.Select(c => new Cell(c.Label, bold)).ToArray(), cancellationToken);
            await workbook.AddRowAsync(Example(procedures).Select(v => new Cell(v)).ToArray(), cancellationToken);
            var procedureColumn = ColumnName(Array.IndexOf(Columns, SubmissionColumn.Procedure));
            var statusColumn = ColumnName(Array.IndexOf(Columns, SubmissionColumn.Status));
            workbook.AddDataValidation($"{procedureColumn}3:{procedureColumn}5000", DataValidation.ListValuesFromCells(CatalogueSheetName, $"A2:A{procedures.Count + 1}"));
            workbook.AddDataValidation($"{statusColumn}3:{statusColumn}5000", DataValidation.ListValues(["受理", "审查中", "暂停", "办结", "不予许可", "撤回"]));

            var list = new WorksheetOptions();
            double[] widths = [14, 28, 40, 10, 14, 14];
            for (var c = 0; c < widths.Length; c++)
            {
                list.Column(c + 1).Width = widths[c];
            }

            await workbook.StartWorksheetAsync(CatalogueSheetName, list, cancellationToken);
            await workbook.AddHeaderRowAsync(["事项代码 code", "事项名称 name", "Procedure", "阶段 stage", "法定时限 statutory", "承诺时限 promised"], bold, cancellationToken);
            foreach (var e in procedures)
            {
                await workbook.AddRowAsync([new Cell(e.Code), new Cell(e.ChineseName), new Cell(e.EnglishName), new Cell(e.Stage), new Cell(e.StatutoryDays), new Cell(e.PromisedDays)], cancellationToken);
            }

            await workbook.FinishAsync(cancellationToken);
        }

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

    /// <summary>The letters of a 0-based column, as in A1 references.</summary>
    private static string ColumnName(int column)
    {
        var name = "";
        for (column++; column > 0; column = (column - 1) / 26)
        {
            name = (char)('A' + ((column - 1) % 26)) + name;
        }

        return name;
    }
}
