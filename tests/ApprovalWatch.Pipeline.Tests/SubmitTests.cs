using System.Net.Http.Headers;
using System.Text;
using ApprovalWatch.Board;
using ApprovalWatch.DevTools.Local;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>A clerk submits his department's file on the board and sees its receipt.</summary>
[Collection(AzuriteCollection.Name)]
public class SubmitTests
{
    internal const string Clerk = "ma.li@kizilsu.example.org"; // housing's contact: he sends files, sees no board

    internal static readonly string Good = ScanAndSendTests.Housing;

    internal static readonly string Mixed = string.Join('\n',
        ScanAndSendTests.Header,
        $"2022-653001-48-01-00123X,阿图什市新城学校建设项目,阿图什市,HC-01,in_review,2026-03-02,{ScanAndSendTests.Zhang},2026-03-13",
        $"2022-653001-48-01-00123X,阿图什市新城学校建设项目,阿图什市,FI-01,in_review,2026-03-02,{ScanAndSendTests.Zhang},2026-03-13", // finance's procedure
        "");

    /// <summary>The body a browser posts for a form with a file, and its content type.</summary>
    internal static async Task<(byte[] Body, string ContentType)> MultipartAsync(string fileName, byte[] content, params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        return (await form.ReadAsByteArrayAsync(), form.Headers.ContentType!.ToString());
    }

    private static async Task<BoardAnswer> PostAsync(
        TestPipeline pipeline,
        string principal,
        string fileName,
        string content,
        params (string Name, string Value)[] fields
    )
    {
        var (body, type) = await MultipartAsync(fileName, Encoding.UTF8.GetBytes(content), fields);
        using var posted = new ByteArrayContent(body);
        posted.Headers.TryAddWithoutValidation("Content-Type", type);
        return await pipeline.Board.SendAsync("POST", "/submit", principal, posted);
    }

    private static string Body(BoardAnswer response) => response.Text;

    /// <summary>A posted body as ASP.NET Core hands it in, declaring a length or not.</summary>
    internal static Microsoft.AspNetCore.Http.HttpRequest Request(byte[] body, string type, long? declared) => Request(new MemoryStream(body), type, declared);

    internal static Microsoft.AspNetCore.Http.HttpRequest Request(Stream body, string type, long? declared)
    {
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        (http.Request.Method, http.Request.ContentType, http.Request.ContentLength, http.Request.Body) = ("POST", type, declared, body);
        return http.Request;
    }

    [Fact]
    public async Task A_small_file_uploaded_on_the_board_is_read_at_once_and_never_again()
    {
        await using var pipeline = await TestPipeline.StartAsync();

        var posted = await PostAsync(pipeline, Clerk, "2026-03-13.csv", Good);

        var receipt = Body(await BoardTests.GetAsync(pipeline, posted.Headers.Single(h => h.Key == "Location").Value, Clerk));
        Assert.DoesNotContain("http-equiv=\"refresh\"", receipt); // no queue to wait for
        Assert.Contains("采用 4 行，退回 0 行", receipt);
        Assert.Equal(0, (await pipeline.Storage.IngestQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Equal(0, await pipeline.Get<Gathering.SubmissionGatherer>().GatherAsync(default)); // receipted: never twice
        var changes = await pipeline.Get<Storage.HistoryLog>().ReadAsync<Domain.Audit.StatusChanged>(since: null, default).ToListAsync();
        Assert.Equal(4, changes.Count);
        Assert.All(changes, h => Assert.Equal((Clerk, true), (h.Uploader, h.Line > 1))); // each change names its uploader and line
    }

    [Fact]
    public async Task A_file_uploaded_on_the_board_lands_in_the_clerks_folder_with_him_and_is_read_once()
    {
        // Larger than what is read at once: queued.
        await using var pipeline = await TestPipeline.StartAsync(new Dictionary<string, string?> { ["Ingest:ReadAtOnceBytes"] = "0" });

        var posted = await PostAsync(pipeline, Clerk, "2026-03-13.csv", Good, ("department", "finance"));

        Assert.Equal(303, posted.Status);
        var location = posted.Headers.Single(h => h.Key == "Location").Value;
        Assert.StartsWith("/submit/receipt?file=housing%2F2026-03-13.csv&v=", location);
        var uploaders = await pipeline.Get<Ingestion.SubmissionLedger>().UploadersAsync(["housing/2026-03-13.csv"], default);
        Assert.Equal(Clerk, uploaders["housing/2026-03-13.csv"]); // the form's department= was not his to choose
        Assert.False(await pipeline.Storage.Submissions.GetBlobClient("finance/2026-03-13.csv").ExistsAsync());

        var waiting = Body(await BoardTests.GetAsync(pipeline, location, Clerk));
        Assert.Contains("http-equiv=\"refresh\"", waiting);
        Assert.Equal(0, await pipeline.Get<Gathering.SubmissionGatherer>().GatherAsync(default)); // queued and claimed: the timer leaves it
        await pipeline.IngestPump().DrainAsync(default);
        Assert.Equal(0, await pipeline.Get<Gathering.SubmissionGatherer>().GatherAsync(default)); // receipted: never twice

        var receipt = Body(await BoardTests.GetAsync(pipeline, location, Clerk));
        Assert.DoesNotContain("http-equiv=\"refresh\"", receipt);
        Assert.Contains("采用 4 行，退回 0 行", receipt);
        var list = Body(await BoardTests.GetAsync(pipeline, "/submit", Clerk));
        Assert.Contains("housing/2026-03-13.csv", list);
        Assert.Contains("马丽", list);
        Assert.Equal(403, (await BoardTests.GetAsync(pipeline, "/board", Clerk)).Status);
        Assert.Equal(404, (await BoardTests.GetAsync(pipeline, "/submit/receipt?file=finance%2F2026-03-13.csv&v=x", Clerk)).Status);
    }

    [Fact]
    public async Task Rows_of_another_departments_procedures_come_back_in_the_receipt_on_screen()
    {
        await using var pipeline = await TestPipeline.StartAsync();

        var posted = await PostAsync(pipeline, Clerk, @"C:\Users\clerk\Desktop\..\2026-03-13 进度.csv", Mixed);
        await pipeline.IngestPump().DrainAsync(default);

        var location = posted.Headers.Single(h => h.Key == "Location").Value;
        Assert.Contains("housing%2F2026-03-13%20%E8%BF%9B%E5%BA%A6.csv", location); // the name kept, its folders not
        var receipt = Body(await BoardTests.GetAsync(pipeline, location, Clerk));
        Assert.Contains("采用 1 行，退回 1 行", receipt);
        Assert.Contains("<td>3</td>", receipt); // the line to correct
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_before_it_is_stored_and_a_post_without_a_file_says_so()
    {
        await using var pipeline = await TestPipeline.StartAsync(new Dictionary<string, string?> { ["Ingest:MaxFileBytes"] = "1000" });

        var refused = await PostAsync(pipeline, Clerk, "2026-03-13.csv", Good + new string('x', 2000));

        Assert.Equal(413, refused.Status);
        await foreach (var _ in pipeline.Storage.Submissions.GetBlobsAsync())
        {
            Assert.Fail("nothing may be stored");
        }

        var empty = await pipeline.Board.PostAsync("/submit", Clerk, new Dictionary<string, string>());
        Assert.Equal(400, empty.Status);
    }

    [Fact]
    public async Task A_multipart_body_is_read_no_further_than_the_limit_whatever_it_declares()
    {
        var (body, type) = await MultipartAsync("a.csv", new byte[5000]);

        Assert.Equal(413, (await BoardForm.ReadAsync(Request(body, type, null), 1000, default)).Status);
        Assert.Equal(413, (await BoardForm.ReadAsync(Request(body, type, 10_000_000), 1000, default)).Status);
        var read = await BoardForm.ReadAsync(Request(body, type, body.Length), 10_000, default);
        Assert.Equal(("a.csv", 5000L), (read.File!.Name, read.File.Length));
        await using var content = read.File.Open();
        Assert.Equal(5000, (await new StreamReader(content).ReadToEndAsync()).Length);
    }

    [Fact]
    public async Task A_malformed_multipart_body_is_a_400_naming_the_fault_and_no_route_but_the_uploads_parses_one()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var (body, type) = await MultipartAsync("a.csv", Encoding.UTF8.GetBytes(Good));
        HttpContent Posted(byte[] bytes, string contentType)
        {
            var posted = new ByteArrayContent(bytes);
            posted.Headers.TryAddWithoutValidation("Content-Type", contentType);
            return posted;
        }

        var noBoundary = await pipeline.Board.SendAsync("POST", "/submit", Clerk, Posted(body, "multipart/form-data"));
        var cutShort = await pipeline.Board.SendAsync("POST", "/submit", Clerk, Posted(body[..(body.Length / 2)], type));
        var onLeave = await pipeline.Board.SendAsync("POST", "/leave", Clerk, Posted(body, type));
        var onNotice = await pipeline.Board.SendAsync("POST", "/notices/2026/1", "xu.ming@kizilsu.example.org", Posted(body, type));

        Assert.Equal(400, noBoundary.Status);
        Assert.Contains("boundary", noBoundary.Text);
        Assert.Equal(400, cutShort.Status);
        Assert.Contains("表单格式有误", cutShort.Text);
        Assert.Equal((415, 415), (onLeave.Status, onNotice.Status));
        Assert.Contains("此页面不接收文件", onLeave.Text);
        await foreach (var _ in pipeline.Storage.Submissions.GetBlobsAsync())
        {
            Assert.Fail("nothing may be stored");
        }
    }

    [Theory]
    [InlineData("2026-03-13.csv", "2026-03-13.csv")]
    [InlineData("../../finance/2026-03-13.csv", "2026-03-13.csv")]
    [InlineData(@"C:\fakepath\进度表 (1).xlsx", "进度表 (1).xlsx")]
    [InlineData("a?b*c|d.csv", "a-b-c-d.csv")]
    [InlineData("..", "upload-20260316-020000")]
    public void A_file_name_is_kept_without_its_folders_or_what_a_blob_name_cannot_hold(string given, string stored) =>
        Assert.Equal(stored, Domain.Submissions.UploadName.Of(given, new DateTimeOffset(2026, 3, 16, 2, 0, 0, TimeSpan.Zero)));
}
