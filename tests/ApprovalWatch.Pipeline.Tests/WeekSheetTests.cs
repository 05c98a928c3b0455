using ApprovalWatch.Testing;
using ApprovalWatch.Pipeline.Ingestion;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>This week's sheet comes pre-filled, goes back unchanged as unchanged and with one cell changed as one change.</summary>
[Collection(AzuriteCollection.Name)]
public class WeekSheetTests
{
    private static byte[] Edit(byte[] workbook, string reference, string value)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.First(p =>
                p.Worksheet.Descendants<SheetProtection>().Any() && p.Worksheet.Descendants<Cell>().Any(c => c.CellReference == reference)
            );
            var cell = sheet.Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);
            cell.DataType = null;
            cell.InlineString = null;
            cell.CellValue = new CellValue(value);
        }

        return stream.ToArray();
    }

    private static string Read(byte[] workbook, string reference)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), isEditable: false);
        var sheet = document.WorkbookPart!.WorksheetParts.First(p => p.Worksheet.Descendants<SheetProtection>().Any());
        var cell = sheet.Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);
        var shared = document.WorkbookPart.SharedStringTablePart?.SharedStringTable;
        return cell.DataType?.Value == CellValues.SharedString
            ? shared!.ElementAt(int.Parse(cell.InnerText, System.Globalization.CultureInfo.InvariantCulture)).InnerText
            : cell.InnerText;
    }

    [Fact]
    public async Task The_sheet_sent_back_unchanged_changes_nothing_and_one_cell_changed_is_one_change()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);
        await pipeline.IngestAsync(
            "housing/closed.csv",
            ScanAndSendTests.Header + $"\n2026-653001-48-01-00001X,已办结,阿图什市,HC-02,approved,2026-03-02,{ScanAndSendTests.Zhang},2026-03-13\n"
        );

        var (name, sheet) = await pipeline.Get<WeekSheets>().ProceduresAsync("housing", default);

        Assert.Equal("housing-2026-03-16.xlsx", name);
        var same = await pipeline.IngestAsync("housing/" + name, sheet);
        Assert.Equal((4, 0, 4, 0), (same.Rows, same.Applied, same.Unchanged, same.Rejected)); // the finished procedure is not offered
        var edited = await pipeline.IngestAsync("housing/edited.xlsx", Edit(sheet, "G4", "30")); // the second row's time limit
        Assert.Equal((1, 3, 0), (edited.Applied, edited.Unchanged, edited.Rejected));
        var (_, again) = await pipeline.Get<WeekSheets>().ProceduresAsync("housing", default);
        var tampered = await pipeline.IngestAsync("housing/tampered.xlsx", Edit(again, "D5", "HC-04")); // a locked procedure cell, the protection lifted
        Assert.Equal((0, 3, 1), (tampered.Applied, tampered.Unchanged, tampered.Rejected));
        var said = $"a locked cell was changed (it said '{Read(again, "D5")}')";
        Assert.Contains(tampered.Errors, e =>
            e.Line == 5
            && e.Column.Contains("procedure", StringComparison.Ordinal)
            && e.Value == "HC-04"
            && e.Reason.English().StartsWith(said, StringComparison.Ordinal)
        );
        var renamed = await pipeline.IngestAsync( // three locked cells of one row: every one named with what it said
            "housing/renamed.xlsx",
            Edit(Edit(Edit(again, "B4", "另一个项目"), "C4", "乌恰县"), "A4", "2026-653001-48-01-00099X")
        );
        var named = renamed.Errors.Where(e => e.Line == 4).ToDictionary(e => e.Column.Split(' ')[^1], e => e.Reason.English());
        Assert.Equal(["county", "project_code", "project_name"], named.Keys.Order());
        Assert.StartsWith($"a locked cell was changed (it said '{Read(again, "A4")}')", named["project_code"]);
        Assert.StartsWith($"a locked cell was changed (it said '{Read(again, "B4")}')", named["project_name"]);
        Assert.StartsWith($"a locked cell was changed (it said '{Read(again, "C4")}')", named["county"]);
    }

    [Fact]
    public async Task Identity_columns_are_locked_the_rest_open_and_the_sheet_protected_with_room_for_new_rows()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);

        var (_, sheet) = await pipeline.Get<WeekSheets>().ProceduresAsync("housing", default);

        using var document = SpreadsheetDocument.Open(new MemoryStream(sheet), isEditable: false);
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var report = document
            .WorkbookPart.WorksheetParts.Single(p =>
                p.Worksheet.Descendants<SheetProtection>().Any() && p.Worksheet.Descendants<DataValidation>().Any()
            )
            .Worksheet;
        bool Locked(string reference) =>
            styles[(int)report.Descendants<Cell>().Single(c => c.CellReference == reference).StyleIndex!.Value].Protection!.Locked!.Value;
        Assert.True(report.Descendants<SheetProtection>().Single().Sheet!.Value);
        Assert.True(Locked("A3") && Locked("B3") && Locked("D3")); // project code, name, procedure
        Assert.False(Locked("E3") || Locked("F3") || Locked("J3")); // status, accepted, data date
        Assert.False(Locked("A7") || Locked("D7")); // the first of the rows for new procedures
        Assert.Equal(2 + 4 + SubmissionTemplateNewRows, report.Descendants<Row>().Count());
        Assert.Contains(report.Descendants<DataValidation>(), v =>
            v.Type!.Value == DataValidationValues.List && v.Formula1!.Text.Contains("审查中", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task The_progress_sheet_brings_each_projects_last_report_and_back_unchanged_changes_nothing()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("development-reform/register.csv", """
            project_code,project_name,county,nature,total_investment_wan,annual_plan_wan,leader_email,responsible_unit
            2025-653024-50-02-123456,乌恰县幼儿园项目,乌恰县,continuing,900,300,zhou.lixin@kizilsu.example.org,housing
            2022-653001-48-01-00123X,阿图什市新城学校建设项目,阿图什市,continuing,9000,3000,zheng.hai@kizilsu.example.org,housing
            """);
        await pipeline.IngestAsync("development-reform/progress-2026-03-13.csv", """
            project_code,reported_on,ytd_completed_wan,physical_progress,new_problems
            2022-653001-48-01-00123X,2026-03-06,300,基础施工,
            2022-653001-48-01-00123X,2026-03-13,420,主体结构,施工用电未接入
            """);

        var (name, sheet) = await pipeline.Get<WeekSheets>().ProgressAsync(default);

        Assert.Equal("progress-2026-03-16.xlsx", name);
        var same = await pipeline.IngestAsync("development-reform/" + name, sheet);
        Assert.Equal((1, 0, 1, 0), (same.Rows, same.Applied, same.Unchanged, same.Rejected)); // the project never reported says nothing
        // 2026-03-20, 510 万元.
        var next = await pipeline.IngestAsync("development-reform/progress-2026-03-20.xlsx", Edit(Edit(sheet, "D4", "46101"), "E4", "510"));
        Assert.Equal((1, 0), (next.Applied, next.Rejected));
        var stored = await pipeline.Storage.KeyProjects.GetEntityAsync<Storage.KeyProjectEntity>(
            "2022-653001-48-01-00123X",
            Storage.KeyProjectEntity.ProgressKey(new DateOnly(2026, 3, 20))
        );
        Assert.Equal("510", stored.Value.YearToDate);
        Assert.Equal(
            1,
            await pipeline
                .Storage.KeyProjects.QueryAsync<Storage.KeyProjectEntity>(e => e.PartitionKey == "2022-653001-48-01-00123X")
                .CountAsync(e => e.IsProblem)
        ); // last week's problem not raised again
    }

    private const int SubmissionTemplateNewRows = Presentation.Submissions.SubmissionTemplate.NewRows;
}
