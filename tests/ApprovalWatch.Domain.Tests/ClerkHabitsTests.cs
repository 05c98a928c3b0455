using System.IO.Compression;
using System.Text;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Domain.Submissions.Files;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

/// <summary>How clerks write headers, dates, numbers and states, and the files their tools save, read as they mean them.</summary>
public class ClerkHabitsTests
{
    private const string Code = "2022-653001-48-01-00123X";

    private static readonly ProcedureCatalogue Catalogue = new([new CatalogueEntry("HC-01", "施工图设计文件审查", "Construction drawing review", "housing", 2, 20, 15)]);

    private static ValidatedSubmission Validate(string fileName, byte[] content)
    {
        var opened = SubmissionReader.Open(fileName, new MemoryStream(content), SubmissionLimits.Default);
        return new SubmissionValidator(Catalogue, "housing", new DateTimeOffset(2026, 3, 13, 9, 0, 0, TimeSpan.FromHours(8))).ValidateAll(opened.Rows);
    }

    private static Procedure Single(string csv) => Assert.Single(Validate("a.csv", Encoding.UTF8.GetBytes(csv)).Rows).Procedure;

    [Theory]
    [InlineData("受理 日期")]
    [InlineData("受理日期（格式：2026-03-02）")]
    [InlineData("受理日期【必填】")]
    [InlineData("受理时间")]
    [InlineData("*受理日期")]
    [InlineData("受理日期\naccepted_on")]
    public void Header_cells_as_clerks_write_them_name_their_column(string header) =>
        Assert.Equal(new DateOnly(2026, 3, 2), Single($"项目编码,事项代码,状态,\"{header}\",经办人电子邮箱\n{Code},HC-01,审查中,2026-03-02,a@b.org\n").AcceptedOn);

    [Theory]
    [InlineData("46083.375")] // an Excel serial number with a time of day
    [InlineData("2026-03-02T00:00:00")]
    [InlineData("2026/03/02 00:00")]
    [InlineData("2026年3月2日")]
    public void Dates_with_times_and_serial_fractions_are_the_day_they_name(string text) =>
        Assert.Equal(new DateOnly(2026, 3, 2), Single($"项目代码,审批事项,办理状态,受理日期,经办人邮箱\n{Code},HC-01,审查中,{text},a@b.org\n").AcceptedOn);

    [Theory]
    [InlineData("12")]
    [InlineData("12天")]
    [InlineData("12个工作日")]
    [InlineData("12.0")]
    [InlineData("１２")]
    public void A_limit_written_with_its_unit_is_the_number_of_working_days(string text) =>
        Assert.Equal(12, Single($"项目代码,审批事项,办理状态,受理日期,承诺时限,经办人邮箱\n{Code},HC-01,审查中,2026-03-02,{text},a@b.org\n").LimitDays);

    [Theory]
    [InlineData("审核中", ProcedureStatus.InReview)]
    [InlineData("在办", ProcedureStatus.InReview)]
    [InlineData("已暂停", ProcedureStatus.Paused)]
    [InlineData("办理中", ProcedureStatus.InReview)]
    public void States_in_the_words_clerks_use_are_read(string text, ProcedureStatus status) =>
        Assert.Equal(status, Single($"项目代码,审批事项,办理状态,受理日期,经办人邮箱\n{Code},HC-01,{text},2026-03-02,a@b.org\n").Status);

    [Fact]
    public void A_csv_with_old_mac_line_endings_is_read_line_by_line()
    {
        var result = Validate("a.csv", Encoding.UTF8.GetBytes($"项目代码,审批事项,办理状态,受理日期,经办人邮箱\r{Code},HC-01,审查中,2026-03-02,a@b.org\r"));
        Assert.Equal(2, Assert.Single(result.Rows).Line);
    }

    [Fact]
    public void An_opendocument_spreadsheet_is_refused_with_what_to_do()
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open()))
            {
                writer.Write("application/vnd.oasis.opendocument.spreadsheet");
            }

            using (var writer = new StreamWriter(zip.CreateEntry("content.xml").Open()))
            {
                writer.Write("<office:document-content/>");
            }
        }

        var error = Assert.Throws<UnreadableSubmissionException>(() => Validate("进度表.ods", file.ToArray()));
        Assert.Contains("save it as .xlsx", error.Reason.English());
    }
}
