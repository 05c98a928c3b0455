using System.Text.RegularExpressions;
using ApprovalWatch.DevTools.Local;
using ApprovalWatch.Board;
using ApprovalWatch.Testing;
using Microsoft.Playwright;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>
/// The board in a real browser: headless Chromium from Debian's package, driven by Playwright, against the
/// board served on 127.0.0.1 as the local host serves it. Each page's screenshot goes to <c>out/browser/</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class BrowserTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Coordinator = "xu.ming@kizilsu.example.org";
    private static readonly string Screenshots = Path.Combine(OfficialCalendars.RepositoryRoot, "out", "browser");

    private static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var chromium = BoardScreenshots.Chromium()
            ?? throw new InvalidOperationException("No Chromium: scripts/chromium.sh installs Debian's chromium (test.sh runs it).");
        var playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(60_000);
        // A browser just installed on a busy 2-core machine may start slowly: generous limits, the same checks.
        var browser = await playwright.Chromium.LaunchAsync(
            new()
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu"],
                Timeout = 120_000,
            }
        );
        return (playwright, browser);
    }

    private static async Task<IPage> NewPageAsync(IBrowser browser, BrowserNewPageOptions options)
    {
        var page = await browser.NewPageAsync(options);
        page.SetDefaultTimeout(60_000);
        return page;
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }

    [Fact]
    public async Task The_board_shows_the_scans_counts_a_cell_narrows_the_list_and_a_project_shows_its_timeline()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);
        var scan = await pipeline.ScanAsync();
        await using var server = await LocalBoardServer.StartAsync(pipeline.Get<BoardPipeline>(), Coordinator, 0);
        var (playwright, browser) = await LaunchAsync();
        try
        {
            var page = await NewPageAsync(
                browser,
                new()
                {
                    ViewportSize = new() { Width = 390, Height = 844 },
                }
            ); // a phone, as officials open links from mobile mail
            await page.GotoAsync(server.Address + "/board");
            await ShotAsync(page, "board");

            var cell = scan.Counts.Cells.Single(c => c.Key == "阿图什市|housing").Value;
            var red = page.Locator("a[href*='county=%E9%98%BF%E5%9B%BE%E4%BB%80%E5%B8%82'][href*='department=housing'][href*='flag=red']");
            await Assertions.Expect(red).ToHaveTextAsync($"{cell.GetValueOrDefault(Domain.Deadlines.Flag.Red)}");

            await red.ClickAsync();
            await page.WaitForURLAsync(new Regex("/procedures\\?"));
            await ShotAsync(page, "procedures");
            var rows = page.Locator("table tr:has(td)");
            await Assertions.Expect(rows).ToHaveCountAsync(cell.GetValueOrDefault(Domain.Deadlines.Flag.Red));
            foreach (var row in await rows.AllAsync())
            {
                Assert.Contains("阿图什市", await row.InnerTextAsync());
                Assert.Equal(1, await row.Locator(".tag.red").CountAsync());
            }

            await rows.First.Locator("a").First.ClickAsync();
            await page.WaitForURLAsync(new Regex("/projects/"));
            await ShotAsync(page, "project");
            Assert.True(await page.Locator("svg rect").CountAsync() >= 1);
            Assert.Contains("HC-01", await page.Locator("svg").First.InnerHTMLAsync());
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task An_acknowledgement_in_the_browser_changes_the_superiors_next_digest()
    {
        var (pipeline, path) = await BoardTests.AckLinkOfZhangAsync();
        await using var _ = pipeline;
        await using var server = await LocalBoardServer.StartAsync(pipeline.Get<BoardPipeline>(), ScanAndSendTests.Zhang, 0);
        var (playwright, browser) = await LaunchAsync();
        try
        {
            var page = await NewPageAsync(browser, new());
            await page.GotoAsync(server.Address + path);
            await ShotAsync(page, "ack-form");
            await page.FillAsync("input[name=promised]", "2026-03-18");
            await page.FillAsync("textarea[name=note]", "图审意见已回复");
            await page.ClickAsync("button[type=submit]");
            await ShotAsync(page, "ack-recorded");
            Assert.Contains("2026-03-18", await page.InnerTextAsync("main"));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }

        pipeline.Clock.Now = pipeline.Clock.Now.AddDays(1);
        var tuesday = await pipeline.ScanAsync(TestPipeline.Monday.AddDays(1));
        var head = await pipeline.Get<Scanning.DigestStore>().ReadAsync(tuesday.Date, "liu.jianguo@kizilsu.example.org", default);
        Assert.Contains(head.Lines.OfType<Domain.Digests.ProcedureLine>(), l => l.AcknowledgedBy == "张伟" && l.PromisedOn == new DateOnly(2026, 3, 18));
    }

    [Fact]
    public async Task A_clerk_uploads_on_his_phone_and_sees_the_receipt_without_script()
    {
        await using var pipeline = await TestPipeline.StartAsync(new Dictionary<string, string?> { ["Ingest:MaxFileBytes"] = "4000" });
        await using var server = await LocalBoardServer.StartAsync(pipeline.Get<BoardPipeline>(), SubmitTests.Clerk, 0);
        using var stop = new CancellationTokenSource();
        var ingesting = pipeline.IngestPump() is var pump ? Task.Run(() => pump.RunAsync(stop.Token)) : Task.CompletedTask;
        var folder = Directory.CreateTempSubdirectory("upload");
        var (playwright, browser) = await LaunchAsync();
        try
        {
            var page = await NewPageAsync(browser, new() { ViewportSize = new() { Width = 390, Height = 844 }, JavaScriptEnabled = false });
            foreach (var (name, content, expected) in new[]
            {
                ("2026-03-13.csv", SubmitTests.Good, "采用 4 行，退回 0 行"),
                ("2026-03-13-b.csv", SubmitTests.Mixed, "采用 1 行，退回 1 行"), // a finance procedure among housing's
                ("2026-03-13-c.csv", "\u0089PNG\r\n\u001a\n not a table", "文件无法读取"),
            })
            {
                var file = Path.Combine(folder.FullName, name);
                await File.WriteAllTextAsync(file, content);
                await page.GotoAsync(server.Address + "/submit");
                await page.SetInputFilesAsync("input[type=file]", file);
                await page.ClickAsync("button[type=submit]");
                // The page may refresh itself before it has loaded: wait for the navigation only.
                await page.WaitForURLAsync(new Regex("/submit/receipt\\?"), new() { WaitUntil = WaitUntilState.Commit });
                await Assertions.Expect(page.Locator("main")).ToContainTextAsync(expected); // the page refreshes itself until the receipt is there
                await ShotAsync(page, "submit-receipt-" + Path.GetFileNameWithoutExtension(name));
            }

            // The same content again, under its own name: read at once, its receipt on the first page that answers the upload.
            var again = Path.Combine(folder.FullName, "2026-03-13-again.csv");
            await File.WriteAllTextAsync(again, SubmitTests.Good);
            await page.GotoAsync(server.Address + "/submit");
            await page.SetInputFilesAsync("input[type=file]", again);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync(new Regex("/submit/receipt\\?"));
            var first = await page.Locator("main").InnerTextAsync();
            output.WriteLine($"A resend's receipt on screen after {clock.Elapsed.TotalSeconds:0.00} s");
            Assert.Contains("内容与已处理的", first, StringComparison.Ordinal);
            await ShotAsync(page, "submit-receipt-resend");

            var large = Path.Combine(folder.FullName, "2026-03-20.csv");
            await File.WriteAllTextAsync(large, SubmitTests.Good + new string(' ', 5000));
            await page.GotoAsync(server.Address + "/submit");
            await page.SetInputFilesAsync("input[type=file]", large);
            await page.ClickAsync("button[type=submit]");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("上传的文件不能超过"); // refused before it is stored
            Assert.False(await pipeline.Storage.Submissions.GetBlobClient("housing/2026-03-20.csv").ExistsAsync());

            await page.GotoAsync(server.Address + "/submit");
            await ShotAsync(page, "submit");
            await Assertions.Expect(page.Locator("table tr:has(td)")).ToHaveCountAsync(4);
            var uploaders = await pipeline.Get<Ingestion.SubmissionLedger>().UploadersAsync(["housing/2026-03-13.csv"], default);
            Assert.Equal(SubmitTests.Clerk, uploaders["housing/2026-03-13.csv"]);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
            await stop.CancelAsync();
            await ingesting;
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_head_answers_a_notice_and_enters_his_leave_in_the_browser_on_his_phone()
    {
        await using var pipeline = await NoticeTests.StartAsync();
        await pipeline.ScanAsync();
        await pipeline.NotifyPump().DrainAsync(default);
        var link = NoticeTests
            .ReplyLink()
            .Match(pipeline.Mail.Received.Single(m => m.To == NoticeTests.Head && m.Subject.StartsWith("督办单", StringComparison.Ordinal)).Html)
            .Groups[1]
            .Value[TestPipeline.BoardUrl.Length..];
        await using var server = await LocalBoardServer.StartAsync(pipeline.Get<BoardPipeline>(), NoticeTests.Head, 0);
        var (playwright, browser) = await LaunchAsync();
        try
        {
            var page = await NewPageAsync(browser, new() { ViewportSize = new() { Width = 390, Height = 844 } });
            await page.GotoAsync(server.Address + link);
            await ShotAsync(page, "notice-reply-form");
            async Task AnswerAsync(string promised)
            {
                await page.FillAsync("textarea[name=reason]", "图审意见待设计单位修改");
                await page.FillAsync("textarea[name=measures]", "已约设计单位周三前提交修改稿");
                await page.FillAsync("input[name=promised]", promised);
                await page.FillAsync("textarea[name=exceed]", "设计单位需重新计算结构，已超法定时限，报分管领导");
                await page.ClickAsync("button[type=submit]");
            }

            await AnswerAsync("2026-03-20"); // 肉孜节 in Kizilsu: refused, the form kept
            Assert.Contains("工作日", await page.InnerTextAsync("main"));
            await AnswerAsync("2026-03-24");
            await ShotAsync(page, "notice-replied");
            Assert.Contains("已回告：承诺 2026-03-24 前完成", await page.InnerTextAsync("main"));

            await page.GotoAsync(server.Address + "/notices");
            await ShotAsync(page, "notices");
            Assert.Contains("已回告", await page.InnerTextAsync("main"));
            await page.GotoAsync(server.Address + "/notices?lang=en");
            await ShotAsync(page, "notices-en");
            var english = await page.InnerTextAsync("main");
            Assert.Contains("Construction drawing review", english); // the item in the reader's language
            Assert.Contains("Word document", english);
            Assert.DoesNotContain("施工图设计文件审查", english);

            await page.GotoAsync(server.Address + "/leave");
            await page.FillAsync("input[name=from]", "2026-03-23");
            await page.FillAsync("input[name=to]", "2026-03-27");
            await page.ClickAsync("form.filters button[type=submit]");
            await ShotAsync(page, "leave");
            Assert.Contains("赵德明", await page.InnerTextAsync("table")); // a head names no deputy: the department's leader
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task A_leader_sends_a_reply_back_on_his_phone_and_the_head_finds_it_waiting_on_his_board()
    {
        await using var pipeline = await NoticeTests.StartAsync();
        await pipeline.ScanAsync();
        var key = (await pipeline.Get<Notices.NoticeBook>().FindAsync(2026, 1, default))!.Notice.Items[0].Key;
        var replied = await pipeline.Board.PostAsync(
            "/notices/2026/1",
            NoticeTests.Head,
            new Dictionary<string, string>
            {
                ["item"] = key,
                ["reason"] = "图审意见待设计单位修改",
                ["measures"] = "抓紧",
                ["promised"] = "2026-03-24",
                ["exceed"] = "设计单位需重新计算结构",
            }
        );
        Assert.Equal(200, replied.Status);

        await using var leader = await LocalBoardServer.StartAsync(pipeline.Get<BoardPipeline>(), "zhao.deming@kizilsu.example.org", 0);
        await using var head = await LocalBoardServer.StartAsync(pipeline.Get<BoardPipeline>(), NoticeTests.Head, 0);
        var (playwright, browser) = await LaunchAsync();
        try
        {
            var page = await NewPageAsync(browser, new() { ViewportSize = new() { Width = 390, Height = 844 } });
            await page.GotoAsync(leader.Address + "/notices/2026/1");
            await page.FillAsync("form textarea[name=reason]", "措施不具体：请写明责任人、完成节点");
            await page.ClickAsync("button.secondary");
            await ShotAsync(page, "notice-sent-back");
            Assert.Contains("已退回重报", await page.InnerTextAsync("main"));
            Assert.Contains("措施不具体", await page.InnerTextAsync("main")); // in the item's trail

            await page.GotoAsync(head.Address + "/board");
            await ShotAsync(page, "head-board");
            var board = await page.InnerTextAsync("main");
            Assert.Contains("待回告的督办单", board);
            Assert.Contains("克发改督〔2026〕1号", board);
            await page.ClickAsync("text=克发改督〔2026〕1号");
            Assert.Equal(1, await page.Locator("textarea[name=measures]").CountAsync()); // the form again
            await ShotAsync(page, "notice-answer-again");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
