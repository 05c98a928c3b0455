using ApprovalWatch.Testing;
namespace ApprovalWatch.Pipeline.Tests;

/// <summary>AB角: while a handler is away his lines go to his deputy (or his head), marked; a gap is the operator's to see.</summary>
[Collection(AzuriteCollection.Name)]
public class DeputyTests
{
    private const string Head = "liu.jianguo@kizilsu.example.org";
    private const string Deputy = "ayigul.tursun@kizilsu.example.org";

    [Fact]
    public async Task A_handler_away_has_his_lines_go_to_his_deputy_marked_and_a_gap_is_named_to_the_operator()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline
            .Storage.Config.GetBlobClient("leave.csv")
            .UploadAsync(BinaryData.FromString($"email,from,to\n{ScanAndSendTests.Zhang},2026-03-16,2026-03-20\n"), overwrite: true);
        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);

        var scan = await pipeline.ScanAsync();

        var digests = pipeline.Get<Scanning.DigestStore>();
        Assert.DoesNotContain(scan.Digests, d => d.RecipientEmail == ScanAndSendTests.Zhang); // nobody's alert waits for a person on leave
        var deputy = await digests.ReadAsync(TestPipeline.Monday, Deputy, default); // the samples' AB角: 阿依古丽 for 张伟
        Assert.Contains(deputy.Lines, l => l is Domain.Digests.ProcedureLine { HandlerEmail: ScanAndSendTests.Zhang });
        Assert.Contains(deputy.Notes, n => n.Both().StartsWith("代 张伟", StringComparison.Ordinal));

        await pipeline
            .Storage.Config.GetBlobClient("leave.csv")
            .UploadAsync(
                BinaryData.FromString(
                    $"email,from,to\n{ScanAndSendTests.Zhang},2026-03-16,2026-03-20\n{Deputy},2026-03-16,2026-03-16\n{Head},2026-03-16,"
                        + $"2026-03-16\nzhao.deming@kizilsu.example.org,2026-03-16,2026-03-16\n"
                ),
                overwrite: true
            );
        var report = await pipeline.Get<Operations.OperatorReportBuilder>().BuildAsync(TestPipeline.Monday, default);
        Assert.Contains(report.Uncovered, u => u.Email == ScanAndSendTests.Zhang); // deputy, head and leader away: the gap is named
    }

    [Fact]
    public async Task A_contact_away_has_his_receipts_go_to_whoever_stands_in()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline
            .Storage.Config.GetBlobClient("leave.csv")
            .UploadAsync(BinaryData.FromString($"email,from,to\n{SubmitTests.Clerk},2026-03-01,2026-03-31\n"), overwrite: true);

        await pipeline.IngestAsync("housing/2026-03-13.csv", SubmitTests.Mixed); // a row refused: the receipt is mailed
        await pipeline.NotifyPump().DrainAsync(default);

        Assert.DoesNotContain(pipeline.Mail.Received, m => m.To == SubmitTests.Clerk);
        Assert.Contains(pipeline.Mail.Received, m => m.To == Head && m.Subject.Contains("报送回执", StringComparison.Ordinal)); // ma.li names no deputy: his head
    }

    [Fact]
    public async Task Leave_entered_on_the_board_sends_his_lines_to_whoever_stands_in_and_back_his_digest_says_what_was_done_meanwhile()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var board = pipeline.Board;
        async Task<(int Status, string Body)> PostAsync(Dictionary<string, string> form)
        {
            var response = await board.PostAsync("/leave", ScanAndSendTests.Zhang, form);
            return (response.Status, System.Text.Encoding.UTF8.GetString(response.Body));
        }

        Assert.Equal(400, (await PostAsync(new() { ["action"] = "add", ["from"] = "2026-03-18", ["to"] = "2026-03-17" })).Status);
        Assert.Equal(400, (await PostAsync(new() { ["action"] = "add", ["from"] = "2026-03-16", ["to"] = "2026-12-31" })).Status); // over half a year
        var (status, page) = await PostAsync(new() { ["action"] = "add", ["from"] = "2026-03-16", ["to"] = "2026-03-18" });
        Assert.Equal(200, status);
        Assert.Contains("<td>2026-03-16</td><td>2026-03-18</td><td>阿依古丽·吐尔逊</td>", page); // his deputy
        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);

        var monday = await pipeline.ScanAsync();

        Assert.DoesNotContain(monday.Digests, d => d.RecipientEmail == ScanAndSendTests.Zhang);
        var deputy = await pipeline.Get<Scanning.DigestStore>().ReadAsync(TestPipeline.Monday, Deputy, default);
        Assert.Contains(deputy.Notes, n => n.Both().StartsWith("代 张伟", StringComparison.Ordinal));

        var thursday = new DateOnly(2026, 3, 19);
        await pipeline.ScanAsync(thursday); // his first working day back
        var back = await pipeline.Get<Scanning.DigestStore>().ReadAsync(thursday, ScanAndSendTests.Zhang, default);
        Assert.Contains(back.Notes, n =>
            n.Chinese().StartsWith(
                "您 2026-03-16 至 2026-03-18 休假期间由 阿依古丽·吐尔逊 代为接收提醒：期间办结 0 件，他人确认 0 件，目前仍超期 2 件。",
                StringComparison.Ordinal
            )
        );

        (status, page) = await PostAsync(new() { ["action"] = "remove", ["from"] = "2026-03-16", ["to"] = "2026-03-18" });
        Assert.Equal(200, status);
        Assert.DoesNotContain("<td>2026-03-16</td>", page);
        Assert.Equal(400, (await PostAsync(new() { ["action"] = "remove", ["from"] = "2026-03-16", ["to"] = "2026-03-18" })).Status); // taken back once
    }

    [Fact]
    public async Task Leave_is_bounded_in_entries_still_to_come_and_says_so()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        Task<DevTools.Local.BoardAnswer> AddAsync(DateOnly from, DateOnly to) =>
            pipeline.Board.PostAsync(
                "/leave",
                ScanAndSendTests.Zhang,
                new Dictionary<string, string> { ["action"] = "add", ["from"] = Domain.Text.IsoDate.Format(from), ["to"] = Domain.Text.IsoDate.Format(to) }
            );

        var monday = TestPipeline.Monday;
        for (var week = 0; week < Domain.Staff.LeaveWindow.MaxEntries; week++)
        {
            Assert.Equal(200, (await AddAsync(monday.AddDays(7 * week), monday.AddDays(7 * week + 1))).Status);
        }

        var again = await AddAsync(monday, monday.AddDays(1)); // the same absence again changes nothing and is no new entry
        var refused = await AddAsync(monday.AddDays(200), monday.AddDays(201));

        Assert.Equal(200, again.Status);
        Assert.Equal(400, refused.Status);
        Assert.Contains("12 段尚未结束的请假", refused.Text);
        Assert.Equal(Domain.Staff.LeaveWindow.MaxEntries, (await pipeline.Get<Staff.LeaveRegister>().OfAsync(ScanAndSendTests.Zhang, default)).Count);
    }
}
