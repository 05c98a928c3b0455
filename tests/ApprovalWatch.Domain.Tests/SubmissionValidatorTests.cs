using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

public class SubmissionValidatorTests
{
    private const string Header = "project_code,project_name,county,procedure,status,accepted_on,limit_days,handler_email,completed_on,as_of";
    private const string Code = "2022-653001-48-01-00123X";

    private static readonly ProcedureCatalogue Catalogue = new(
    [
        new CatalogueEntry("HC-01", "施工图设计文件审查", "Construction drawing review", "housing", 2, 20, 15),
        new CatalogueEntry("NR-03", "建设工程规划许可证", "Construction-works planning permit", "natural-resources", 2, 20, 10),
    ]);

    private static readonly DateTimeOffset BlobTime = new(2026, 3, 13, 9, 30, 0, TimeSpan.FromHours(8));

    private static ValidatedSubmission Validate(string csv, string department = "housing") =>
        new SubmissionValidator(Catalogue, department, BlobTime).ValidateAll(CsvReader.Read(new StringReader(csv)));

    private static RowError SingleError(string row)
    {
        var result = Validate($"{Header}\n{row}\n");
        Assert.Empty(result.Rows);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void A_valid_row_becomes_a_procedure_with_the_promised_limit_of_the_catalogue_and_the_blob_time_as_data_date()
    {
        var result = Validate($"{Header}\n{Code},新城学校,阿图什市,HC-01,in_review,2026-03-02,,Zhang.Wei@Kizilsu.example.org,,\n");
        var row = Assert.Single(result.Rows);
        Assert.Empty(result.Errors);
        Assert.Equal(2, row.Line);
        Assert.Equal(new Procedure
        {
            ProjectCode = Code,
            ProjectName = "新城学校",
            County = "阿图什市",
            ProcedureCode = "HC-01",
            Department = "housing",
            Status = ProcedureStatus.InReview,
            AcceptedOn = new DateOnly(2026, 3, 2),
            LimitDays = 15,
            HandlerEmail = "zhang.wei@kizilsu.example.org",
            AsOf = BlobTime,
            Pauses = row.Procedure.Pauses,
        }, row.Procedure);
        Assert.Empty(row.Procedure.Pauses);
    }

    [Fact]
    public void Chinese_headers_title_rows_and_statuses_are_read()
    {
        var csv = "住房和城乡建设局 审批事项进度表,,,\n\n项目代码,审批事项,办理状态,受理日期,承诺时限,经办人邮箱,办结日期,数据日期\n"
            + $"{Code},HC-01,办结,2026/3/2,12,a@b.org,2026年3月10日,20260313\n";
        var row = Assert.Single(Validate(csv).Rows);
        Assert.Equal(4, row.Line);
        Assert.Equal(ProcedureStatus.Approved, row.Procedure.Status);
        Assert.Equal(12, row.Procedure.LimitDays);
        Assert.Equal(new DateOnly(2026, 3, 10), row.Procedure.CompletedOn);
        Assert.Equal(new DateTimeOffset(2026, 3, 13, 0, 0, 0, TimeSpan.FromHours(8)), row.Procedure.AsOf);
    }

    [Theory]
    [InlineData("2022-65300-48-01-00123X,x,x,HC-01,in_review,2026-03-02,,a@b.org,,", "project_code", "项目代码格式不符")]
    [InlineData(",x,x,HC-01,in_review,2026-03-02,,a@b.org,,", "project_code", "必填项为空")]
    [InlineData("2022-653001-48-01-00123X,x,x,XX-99,in_review,2026-03-02,,a@b.org,,", "procedure", "不在目录中")]
    [InlineData("2022-653001-48-01-00123X,x,x,NR-03,in_review,2026-03-02,,a@b.org,,", "procedure", "belongs to Natural Resources")]
    [InlineData("2022-653001-48-01-00123X,x,x,HC-01,进行中,2026-03-02,,a@b.org,,", "status", "unknown status")]
    [InlineData("2022-653001-48-01-00123X,x,x,HC-01,in_review,2026-02-30,,a@b.org,,", "accepted_on", "not a date")]
    [InlineData("2022-653001-48-01-00123X,x,x,HC-01,in_review,2026-03-20,,a@b.org,,", "accepted_on", "accepted after the data date")]
    [InlineData("2022-653001-48-01-00123X,x,x,HC-01,in_review,2026-03-02,0,a@b.org,,", "limit_days", "from 1 to 3650")]
    [InlineData("2022-653001-48-01-00123X,x,x,HC-01,in_review,2026-03-02,,zhang#b.org,,", "handler_email", "not an email address")]
    [InlineData("2022-653001-48-01-00123X,x,x,HC-01,approved,2026-03-02,,a@b.org,,", "completed_on", "needs its completion date")]
    [InlineData("2022-653001-48-01-00123X,x,x,HC-01,approved,2026-03-02,,a@b.org,2026-03-01,", "completed_on", "completed before it was accepted")]
    [InlineData("2022-653001-48-01-00123X,x,x,HC-01,in_review,2026-03-02,,a@b.org,,yesterday", "as_of", "not a date")]
    public void Each_bad_value_is_rejected_with_its_line_column_and_reason(string row, string column, string reason)
    {
        var error = SingleError(row);
        Assert.Equal(2, error.Line);
        Assert.EndsWith(column, error.Column);
        Assert.Contains(reason, error.Reason.Both());
    }

    [Fact]
    public void The_same_procedure_twice_in_one_file_is_rejected_the_second_time()
    {
        var row = $"{Code},x,x,HC-01,in_review,2026-03-02,,a@b.org,,";
        var result = Validate($"{Header}\n{row}\n{row}\n");
        Assert.Equal(2, Assert.Single(result.Rows).Line);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("line 2", error.Reason.English());
    }

    [Fact]
    public void Good_rows_are_kept_beside_bad_ones_and_blank_lines_are_not_rows()
    {
        var result = Validate($"{Header}\n{Code},x,x,HC-01,in_review,2026-03-02,,a@b.org,,\n\n{Code},x,x,XX-99,in_review,2026-03-02,,a@b.org,,\n,,,,,,,,,\n");
        Assert.Single(result.Rows);
        Assert.Equal(4, Assert.Single(result.Errors).Line);
        Assert.Equal(2, result.DataRows);
        Assert.Equal(1, result.RejectedRows);
    }

    [Fact]
    public void A_paused_status_without_dates_starts_an_open_pause_on_the_data_date()
    {
        var row = Assert.Single(Validate($"{Header}\n{Code},x,x,HC-01,paused,2026-03-02,,a@b.org,,2026-03-12\n").Rows);
        Assert.Equal([new Pause(new DateOnly(2026, 3, 12), null, "")], row.Procedure.Pauses);
    }

    [Fact]
    public void A_file_without_a_header_row_is_unreadable()
    {
        var error = Assert.Throws<UnreadableSubmissionException>(() => Validate("just,some,words\n1,2,3\n"));
        Assert.Contains("no header row", error.Reason.English());
    }

    [Fact]
    public void A_header_without_a_required_column_is_unreadable_and_names_it()
    {
        var error = Assert.Throws<UnreadableSubmissionException>(() => Validate("project_code,procedure,status,accepted_on\n"));
        Assert.Contains("handler_email", error.Reason.English());
    }

    [Theory]
    [InlineData("2022-653001-48-01-00123X", true)]
    [InlineData("2026-653024-50-02-123456", true)]
    [InlineData("2022-653001-48-01-00123x", false)]
    [InlineData("2022-653001-48-01-0012X3", false)]
    [InlineData("22-653001-48-01-00123X", false)]
    [InlineData("2022653001480100123X", false)]
    public void Project_codes_are_checked_by_shape(string code, bool valid) => Assert.Equal(valid, ProjectCode.IsValid(code));

    [Theory]
    [InlineData("2026-03-02")]
    [InlineData("2026/3/2")]
    [InlineData("2026年3月2日")]
    [InlineData("20260302")]
    public void Every_date_shape_departments_write_is_read(string text)
    {
        Assert.True(DateText.TryParse(text, out var date));
        Assert.Equal(new DateOnly(2026, 3, 2), date);
    }

    [Fact]
    public void Every_fault_of_a_row_is_given_at_once_each_on_its_own_cell()
    {
        var result = Validate($"{Header}\n{Code},x,x,HC-01,进行中,2026-03-02,0,zhang#b.org,2026-03-01,\n");

        Assert.Empty(result.Rows);
        Assert.Equal(["status", "limit_days", "handler_email", "completed_on"], result.Errors.Select(e => e.Column.Split(' ')[^1]));
        Assert.All(result.Errors, e => Assert.Equal(2, e.Line));
    }

    [Fact]
    public void A_changed_locked_cell_is_named_with_what_it_said_and_a_check_of_another_key_refused_once()
    {
        var lockedRows = new LockedRow("the app's key"u8.ToArray());
        var check = lockedRows.Check(new LockedCells(Code, "新城学校", "阿图什市", "HC-01"));
        ValidatedSubmission Sent(string row, string rowCheck, IReadOnlyCollection<LockedCells>? stored = null) =>
            new SubmissionValidator(Catalogue, "housing", BlobTime, lockedRows: lockedRows, lockedOriginals: stored)
                .ValidateAll(CsvReader.Read(new StringReader($"{Header},row_check\n{row},{rowCheck}\n")));

        var renamed = Sent($"{Code},新城中学,阿图什市,HC-01,in_review,2026-03-02,,a@b.org,,", check, [new(Code, "新城学校", "阿图什市", "HC-01")]);
        var unknown = Sent($"{Code},新城中学,阿图什市,HC-01,in_review,2026-03-02,,a@b.org,,", check);
        var forged = new LockedRow("another key"u8.ToArray()).Check(new(Code, "新城学校", "阿图什市", "HC-01"));
        var otherKey = Sent($"{Code},新城学校,阿图什市,HC-01,in_review,2026-03-02,,a@b.org,,", forged);
        var untouched = Sent($"{Code},新城学校,阿图什市,HC-01,in_review,2026-03-02,,a@b.org,,", check);

        Assert.Equal(Reason.Of("row.locked_changed_from", "新城学校"), Assert.Single(renamed.Errors).Reason);
        Assert.Equal("新城中学", renamed.Errors[0].Value);
        Assert.Equal(Reason.Of("row.locked_changed"), Assert.Single(unknown.Errors).Reason);
        Assert.Equal(Reason.Of("row.check_invalid"), Assert.Single(otherKey.Errors).Reason);
        Assert.Empty(untouched.Errors);
    }
}
