using System.Text;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Deadlines;
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
        SubmissionColumn.ReceivedOn, SubmissionColumn.CorrectionNotifiedOn, SubmissionColumn.MaterialsDueOn, SubmissionColumn.MaterialsSuppliedOn,
        SubmissionColumn.VerifyBy, SubmissionColumn.VerifiedOn,
    ];

    public const string SheetName = "填报 Report";

    /// <summary>How many empty rows a pre-filled sheet offers for new procedures.</summary>
    public const int NewRows = 200;

    private static readonly SubmissionColumn[] IdentityColumns =
    [
        SubmissionColumn.ProjectCode,
        SubmissionColumn.ProjectName,
        SubmissionColumn.County,
        SubmissionColumn.Procedure,
    ];

    private static readonly SubmissionColumn[] DateColumns =
    [
        SubmissionColumn.AcceptedOn,
        SubmissionColumn.CompletedOn,
        SubmissionColumn.AsOf,
        SubmissionColumn.PausedFrom,
        SubmissionColumn.PausedTo,
        SubmissionColumn.ExtensionApprovedOn,
        SubmissionColumn.ReceivedOn,
        SubmissionColumn.CorrectionNotifiedOn,
        SubmissionColumn.MaterialsDueOn,
        SubmissionColumn.MaterialsSuppliedOn,
        SubmissionColumn.VerifyBy,
        SubmissionColumn.VerifiedOn,
    ];

    private static readonly Dictionary<ProcedureStatus, string> StatusWords = new()
    {
        [ProcedureStatus.Accepted] = "受理", [ProcedureStatus.InReview] = "审查中", [ProcedureStatus.Paused] = "暂停",
        [ProcedureStatus.Approved] = "办结", [ProcedureStatus.Rejected] = "不予许可", [ProcedureStatus.Withdrawn] = "撤回",
    };
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
            await workbook.AddRowAsync(
                [new Cell($"{department.ChineseName} 重点项目审批事项进度表 / {department.EnglishName}: approval procedures of key projects")],
                cancellationToken
            );
            workbook.MergeCells($"A1:{FillInWorkbook.ColumnName(Columns.Length - 1)}1");
            await workbook.AddRowAsync(Columns.Select(c => new Cell(c.Label, bold)).ToArray(), cancellationToken);
            await workbook.AddRowAsync(Example(procedures).Select(v => new Cell(v)).ToArray(), cancellationToken);
            var procedureColumn = FillInWorkbook.ColumnName(Array.IndexOf(Columns, SubmissionColumn.Procedure));
            var statusColumn = FillInWorkbook.ColumnName(Array.IndexOf(Columns, SubmissionColumn.Status));
            workbook.AddDataValidation(
                $"{procedureColumn}3:{procedureColumn}5000",
                DataValidation.ListValuesFromCells(CatalogueSheetName, $"A2:A{procedures.Count + 1}")
            );
            workbook.AddDataValidation($"{statusColumn}3:{statusColumn}5000", DataValidation.ListValues(StatusWords.Values));

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
                await workbook.AddRowAsync(
                    [
                        new Cell(e.Code),
                        new Cell(e.ChineseName),
                        new Cell(e.EnglishName),
                        new Cell(e.Stage),
                        e.StatutoryDays > 0 ? new Cell(e.StatutoryDays) : new Cell(""),
                        new Cell(e.PromisedDays),
                    ],
                    cancellationToken
                );
            }

            await workbook.FinishAsync(cancellationToken);
        }

        return output.ToArray();
    }

    /// <summary>
    /// This week's sheet: the department's open procedures as they are stored (and finished ones whose reform clock still
    /// runs, for the day it is done; identity columns locked, the rest to
    /// change), then empty rows for new ones. Uploaded back unchanged, every row is unchanged; one cell changed is one
    /// change. A row changed should say its new data date.
    /// </summary>
    /// <param name="lockedRows">The check of each row's locked cells under the app's key; none: the sheet carries no check.</param>
    public static byte[] Prefilled(
        Department department,
        ProcedureCatalogue catalogue,
        IEnumerable<Procedure> procedures,
        DateOnly today,
        LockedRow? lockedRows
    )
    {
        var columns = Columns
            .Append(SubmissionColumn.RowCheck)
            .Append(SubmissionColumn.Correction)
            .Select(c => new FillInColumn(
                c.Label,
                IdentityColumns.Contains(c) || c == SubmissionColumn.RowCheck,
                c == SubmissionColumn.Procedure ? FillInKind.Procedure
                    : c == SubmissionColumn.Status ? FillInKind.Status
                    : DateColumns.Contains(c) ? FillInKind.Date
                    : c == SubmissionColumn.LimitDays || c == SubmissionColumn.ExtendedDays ? FillInKind.Number
                    : FillInKind.Text,
                c == SubmissionColumn.ProjectCode || c == SubmissionColumn.HandlerEmail || c == SubmissionColumn.ProjectName ? 30 : 16
            ))
            .ToList();
        var rows = procedures
            .Where(p => p.Department == department.Id && (!p.Status.IsFinished() || p.ReformPending))
            .OrderBy(p => p.ProjectCode, StringComparer.Ordinal).ThenBy(p => p.ProcedureCode, StringComparer.Ordinal)
            .Select(p =>
            {
                var pause = p.Pauses.LastOrDefault();
                return (IReadOnlyList<object?>)
                    [
                        p.ProjectCode,
                        p.ProjectName,
                        p.County,
                        p.ProcedureCode,
                        StatusWords[p.Status],
                        p.AcceptancePending ? null : p.AcceptedOn, // received, not accepted yet: left for the clerk
                        p.LimitDays,
                        p.HandlerEmail,
                        p.CompletedOn,
                        AsOf(p.AsOf),
                        pause?.From,
                        pause?.To,
                        pause?.Reason is { Length: > 0 } reason ? reason : null,
                        p.ExtensionDays == 0 ? null : p.ExtensionDays,
                        p.ExtensionApprovedOn,
                        p.ReceivedOn,
                        p.CorrectionNotifiedOn,
                        p.MaterialsDueOn,
                        p.MaterialsSuppliedOn,
                        p.VerifyBy,
                        p.VerifiedOn,
                        lockedRows?.Check(new LockedCells(p.ProjectCode, p.ProjectName, p.County, p.ProcedureCode)),
                        null,
                    ];
            })
            .ToList();
        var list = Procedures(department, catalogue);
        return FillInWorkbook.Write(
            SheetName,
            $"{department.ChineseName} 审批事项进度表（{IsoDate.Format(today)} 预填 {rows.Count} 项）：灰色列不可改；改动的行请把数据日期改为新的日期；黄色行填写新增事项；"
                + "更正已报送的办结等信息须在“更正说明”列写明原因。/ "
                + $"{department.EnglishName}, pre-filled {IsoDate.Format(today)}: grey columns are locked; give a changed row its new data date; new "
                + $"procedures go in the yellow rows; correcting what was reported (a completion, say) needs its reason in the correction column.",
            columns,
            rows,
            NewRows,
            [.. StatusWords.Values],
            (CatalogueSheetName, ["事项代码 code", "事项名称 name", "Procedure", "阶段 stage", "法定时限 statutory", "承诺时限 promised"],
                [
                    .. list.Select(e =>
                        (IReadOnlyList<object?>)[e.Code, e.ChineseName, e.EnglishName, e.Stage, e.StatutoryDays > 0 ? e.StatutoryDays : null, e.PromisedDays]
                    ),
                ]));
    }

    // The data date as the validator reads it back: a day, or a moment of Beijing time when it was one.
    private static object AsOf(DateTimeOffset asOf)
    {
        var local = TimeZoneInfo.ConvertTime(asOf, OfficeClock.Beijing);
        return local.TimeOfDay == TimeSpan.Zero
            ? DateOnly.FromDateTime(local.DateTime)
            : local.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
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
