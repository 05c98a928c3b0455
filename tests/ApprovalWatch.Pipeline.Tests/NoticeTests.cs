using System.Text.RegularExpressions;
using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Pipeline.Notices;
using ApprovalWatch.DevTools.Local;
using ApprovalWatch.Presentation.Notices;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>督办单: issued once per line and rung, numbered without gaps, archived, mailed, answered on the board, or taken to the leader.</summary>
[Collection(AzuriteCollection.Name)]
public partial class NoticeTests
{
    internal const string Head = "liu.jianguo@kizilsu.example.org";
    private const string Leader = "zhao.deming@kizilsu.example.org";
    private const string Coordinator = "xu.ming@kizilsu.example.org";
    private const string FinanceHead = "lin.tao@kizilsu.example.org";

    internal static async Task<TestPipeline> StartAsync()
    {
        var pipeline = await TestPipeline.StartAsync();
        await pipeline
            .Storage.Config.GetBlobClient(NoticeSettings.BlobName)
            .UploadAsync(
                BinaryData.FromString("""{ "prefix": "克发改督", "replyWithinWorkingDays": 3, "issuer": "克州发展和改革委员会" }"""),
                overwrite: true
            );
        // 2025 HC-01: 8 working days overdue and past its statutory limit — the coordinator's rung.
        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);
        return pipeline;
    }

    private static string Body(BoardAnswer response) => response.Text;

    [Fact]
    public async Task A_procedure_on_the_coordinators_rung_gets_one_numbered_notice_archived_and_mailed_with_its_document()
    {
        await using var pipeline = await StartAsync();

        await pipeline.ScanAsync();
        await pipeline.ScanAsync(); // the day again
        await pipeline.ScanAsync(TestPipeline.Monday.AddDays(1)); // a day later, on the same rung

        var notices = await pipeline.Get<NoticeBook>().ListAsync(2026, default);
        var notice = Assert.Single(notices).Notice; // 2022 HC-01 is 2 days overdue: its head's, not the coordinator's
        Assert.Equal("克发改督〔2026〕1号", notice.Number);
        var item = Assert.Single(notice.Items);
        Assert.Equal(("2025-653024-50-02-123456", "housing", Head, Leader), (item.ProjectCode, notice.Department, notice.HeadEmail, notice.LeaderEmail));
        Assert.Equal([Coordinator], notice.Coordinators);
        Assert.Equal(new DateOnly(2026, 3, 19), notice.ReplyBy); // three working days
        Assert.Equal((8, new DateOnly(2026, 3, 4)), (item.OverdueWorkingDays, item.StatutoryDueOn));

        var document = (await pipeline.Storage.Notices.GetBlobClient("2026/克发改督〔2026〕1号.docx").DownloadContentAsync()).Value.Content.ToArray();
        var text = string.Join('\n', NoticeDocument.ReadText(document));
        foreach (
            var expected in new[]
            {
                "督 办 单", "克发改督〔2026〕1号", "住房和城乡建设局", "乌恰县幼儿园项目", "施工图设计文件审查", "已逾期 8 个工作日", "法定时限", "2026-03-19 前",
                "克州发展和改革委员会", "赵德明（住房和城乡建设局分管领导）",
            }
        )
        {
            Assert.Contains(expected, text);
        }

        var html = (await pipeline.Storage.Notices.GetBlobClient("2026/克发改督〔2026〕1号.html").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("克发改督〔2026〕1号", html);

        await pipeline.NotifyPump().DrainAsync(default);
        var mails = pipeline.Mail.Received.Where(m => m.Subject.Contains("督办单", StringComparison.Ordinal)).ToList();
        Assert.Equal([Head, Coordinator, Leader], mails.Select(m => m.To).Order(StringComparer.Ordinal)); // once each, whatever the runs
        var head = mails.Single(m => m.To == Head);
        Assert.Contains("请于 2026-03-19 前逐项回告", head.Subject);
        Assert.Equal("克发改督〔2026〕1号.docx", Assert.Single(head.Attachments).Name);
        Assert.Matches(ReplyLink(), head.Html);
        Assert.StartsWith("抄送", mails.Single(m => m.To == Leader).Subject);
        Assert.DoesNotMatch(ReplyLink(), mails.Single(m => m.To == Leader).Html); // the reply is the head's
    }

    [Fact]
    public async Task Notices_issued_side_by_side_take_every_number_once_with_no_gap_and_one_a_day_per_department()
    {
        await using var pipeline = await StartAsync();
        var book = pipeline.Get<NoticeBook>();
        var settings = new NoticeSettings("克发改督", 3);
        // Twelve days of one department; on each, two scans racing with the same item, and a third with another item.
        SupervisionNotice Draft(int day, string project) =>
            TestNotices.Notice(
                "housing",
                TestPipeline.Monday.AddDays(day),
                TestPipeline.Monday.AddDays(day + 3),
                TestNotices.Item($"{project}|HC-01|3", project)
            ) with { Number = "", Sequence = 0, HeadEmail = Head };

        var results = await Task.WhenAll(
            Enumerable.Range(0, 12)
                .SelectMany(d => new[] { Draft(d, $"P{d}"), Draft(d, $"P{d}"), Draft(d, $"Q{d}") })
                .Select(draft => Task.Run(() => book.IssueAsync(draft, settings, default)))
        );

        var stored = await book.ListAsync(2026, default);
        Assert.Equal(Enumerable.Range(1, 12), stored.Select(s => s.Notice.Sequence).Order());
        Assert.All(stored, s => Assert.Equal(2, s.Notice.Items.Count)); // both of its day's items, each once
        Assert.Equal(24, results.Sum(r => r?.Added ?? 0)); // each item added by one run only
        Assert.Equal(12, stored.Select(s => s.Notice.IssuedOn).Distinct().Count());
        // An item already on a notice is not issued again, another day or not.
        Assert.Null(await book.IssueAsync(Draft(20, "P3") with { Items = [TestNotices.Item("P3|HC-01|3", "P3")] }, settings, default));
    }

    [Fact]
    public async Task Two_hosts_scanning_the_same_day_at_once_issue_one_notice_listing_each_line_once()
    {
        await using var first = await StartAsync();
        await using var second = await TestPipeline.StartAsync(names: first.Storage.Names); // another instance on the same account
        var rows = Enumerable
            .Range(0, 12)
            .Select(i => $"2025-653024-50-02-1234{i:D2},乌恰县项目{i},乌恰县,HC-01,in_review,2026-02-05,{ScanAndSendTests.Zhang},2026-03-13");
        // Twelve more lines on the coordinator's rung, thirteen with the first file's.
        await first.IngestAsync("housing/2026-03-14.csv", string.Join('\n', [ScanAndSendTests.Header, .. rows, ""]));

        // Each host pumps the shared scan queue: one may measure the other's shards and finish its day.
        static async Task ScanAsync(TestPipeline host)
        {
            try
            {
                await host.ScanAsync();
            }
            catch (InvalidOperationException e) when (e.Message.Contains("did not finish here", StringComparison.Ordinal))
            {
            }
        }

        await Task.WhenAll(ScanAsync(first), ScanAsync(second), Task.Run(() => ScanAsync(first)));
        await first.ScanPump().DrainAsync(default);

        // The first day of a storm: one notice to the department listing all thirteen.
        var notice = Assert.Single((await first.Get<NoticeBook>().ListAsync(2026, default)).Select(n => n.Notice));
        Assert.Equal(13, notice.Items.Select(i => i.ProjectCode).Distinct().Count());
        var archived = await first.Storage.Notices.GetBlobsAsync().Select(b => b.Name).ToListAsync();
        Assert.Equal(2, archived.Count); // a Word document and an HTML page
        await first.NotifyPump().DrainAsync(default);
        var head = Assert.Single(first.Mail.Received, m => m.To == Head && m.Subject.StartsWith("督办单", StringComparison.Ordinal));
        Assert.Contains("等 13 项", head.Subject);
    }

    [Fact]
    public async Task The_head_replies_through_his_link_and_an_unanswered_notice_climbs_to_the_leader_and_into_the_weekly_report()
    {
        await using var pipeline = await StartAsync();
        await pipeline.ScanAsync();
        await pipeline.NotifyPump().DrainAsync(default);
        var link = ReplyLink()
            .Match(pipeline.Mail.Received.Single(m => m.To == Head && m.Subject.Contains("督办单", StringComparison.Ordinal)).Html)
            .Groups[1]
            .Value[TestPipeline.BoardUrl.Length..];
        var board = pipeline.Board;

        Assert.Equal(403, (await board.GetAsync(link, FinanceHead)).Status); // another's link
        var form = await board.GetAsync(link, Head);
        Assert.Contains("name=\"measures\"", Body(form));
        Assert.Contains("乌恰县幼儿园项目", Body(form));
        await pipeline
            .Storage.Config.GetBlobClient("leave.csv")
            .UploadAsync(BinaryData.FromString($"email,from,to\n{Head},2026-03-16,2026-03-16\n"), overwrite: true);
        Assert.Equal(200, (await board.GetAsync(link, Leader)).Status); // the head away: his link works for whoever stands in
        await pipeline.Storage.Config.GetBlobClient("leave.csv").UploadAsync(BinaryData.FromString("email,from,to\n"), overwrite: true);
        Assert.Equal(403, (await board.GetAsync(link, Leader)).Status);

        // No reply by Thursday's deadline: on the next working day (Friday 20 March is Eid al-Fitr) it goes to the leader in charge.
        var monday = new DateOnly(2026, 3, 23);
        pipeline.Clock.Now = Domain.Calendar.OfficeClock.At(monday, new TimeOnly(10, 0));
        await pipeline.ScanAsync(monday);
        await pipeline.ScanAsync(monday);
        await pipeline.NotifyPump().DrainAsync(default);
        var climbed = Assert.Single(pipeline.Mail.Received, m => m.Subject.Contains("逾期未回告", StringComparison.Ordinal));
        Assert.Equal(Leader, climbed.To);
        var list = Body(await board.GetAsync("/notices", Leader));
        Assert.Contains("逾期未回告", list);
        Assert.Contains("已报分管领导 2026-03-23", list);
        Assert.DoesNotContain("克发改督", Body(await board.GetAsync("/notices", FinanceHead))); // another department's

        var weekly = await pipeline.Functions.WeeklyReportAsync(Domain.Weekly.ReportWeek.Of(new DateOnly(2026, 3, 30)), default);
        // By then 2022 HC-01 is past its statutory 15 working days and 2023 HC-02 past its 7 (建筑法 第八条): both reached the
        // coordinator on Monday 23 March, on one notice of that day.
        Assert.Equal(["克发改督〔2026〕1号", "克发改督〔2026〕2号"], weekly.Report.Notices.Select(n => n.Number));
        var second = (await pipeline.Get<NoticeBook>().FindAsync(2026, 2, default))!.Notice;
        Assert.Equal(
            ["阿克陶县城区基础设施配套建设项目", "阿图什市新城学校建设项目"],
            second.Items.Select(i => i.ProjectName).Order(StringComparer.Ordinal)
        );
        Assert.Equal((NoticeState.ReplyOverdue, monday), (weekly.Report.Notices[0].State, weekly.Report.Notices[0].ClimbedOn));
        var sheet = new List<string>();
        using (var reader = ExcelDataReader.ExcelReaderFactory.CreateReader(new MemoryStream(weekly.Files["2026-W14.xlsx"])))
        {
            do
            {
                while (reader.Name == Presentation.Weekly.WeeklyWorkbook.NoticeSheet && reader.Read())
                {
                    sheet.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)));
                }
            }
            while (reader.NextResult());
        }

        Assert.Contains(sheet, r => r.StartsWith("克发改督〔2026〕1号|住房和城乡建设局|乌恰县幼儿园项目", StringComparison.Ordinal) && r.EndsWith("逾期未回告", StringComparison.Ordinal));

        var key = (await pipeline.Get<NoticeBook>().FindAsync(2026, 1, default))!.Notice.Items[0].Key;
        Dictionary<string, string> Reply(string promised, string exceed = "") =>
            new()
            {
                ["item"] = key,
                ["reason"] = "图审意见未回复",
                ["measures"] = "已约设计院周三前回复",
                ["promised"] = promised,
                ["exceed"] = exceed,
            };

        var noMeasures = Reply("2026-03-27", "设计院人员不足");
        noMeasures.Remove("measures");
        Assert.Equal(400, (await board.PostAsync(link, Head, noMeasures)).Status);
        // Held to the law: not past, a working day on the department's calendar, within the horizon, and past the statutory
        // due date (4 March) only with its reason.
        foreach (var (promised, said) in new[]
        {
            ("2026-03-20", "工作日"), // a Friday, but 肉孜节 in Kizilsu
            ("2026-03-28", "工作日"), // a Saturday
            ("2026-03-13", "不能早于今天"),
            ("2099-12-31", "不能超过"),
            ("2026-03-27", "超过法定时限（2026-03-04），须填写超期理由"),
        })
        {
            var refused = await board.PostAsync(link, Head, Reply(promised));
            Assert.Equal(400, refused.Status);
            Assert.Contains(said, Body(refused));
        }

        var handler = await board.PostAsync(link, ScanAndSendTests.Zhang, Reply("2026-03-27", "设计院人员不足"));
        Assert.Equal(403, handler.Status); // a handler's hand on the head's link: refused
        var asLeader = await board.PostAsync("/notices/2026/1", Leader, Reply("2026-03-27", "设计院人员不足"));
        Assert.Equal(403, asLeader.Status);
        Assert.Contains("刘建国", Body(asLeader)); // who may answer
        var replied = await board.PostAsync(link, Head, Reply("2026-03-27", "设计院人员不足，需补充专家"));
        Assert.Equal(200, replied.Status);
        Assert.Contains("2026-03-27", Body(replied));
        Assert.Equal(409, (await board.PostAsync(link, Head, Reply("2026-03-27", "x"))).Status); // once

        var notice = (await pipeline.Get<NoticeBook>().FindAsync(2026, 1, default))!.Notice;
        var answer = notice.Items[0].Reply!;
        Assert.Equal(
            (NoticeState.RepliedLate, "已约设计院周三前回复", Head, "设计院人员不足，需补充专家"),
            (notice.StateOn(monday), answer.Measures, answer.ByEmail, answer.ExceedReason)
        );
        await pipeline.NotifyPump().DrainAsync(default);
        var told = Assert.Single(pipeline.Mail.Received, m => m.Subject.Contains("超过法定时限", StringComparison.Ordinal));
        Assert.Equal(Leader, told.To); // the department's leader in charge, at once
        Assert.Contains("设计院人员不足", told.Html);
        var view = Body(await board.GetAsync("/notices/2026/1", Leader));
        Assert.Contains("已约设计院周三前回复", view);
        Assert.Equal(404, (await board.GetAsync("/notices/2026/1", FinanceHead)).Status);
        var word = await board.GetAsync("/notices/2026/1.docx", Head);
        Assert.Contains("克发改督〔2026〕1号", string.Join('\n', NoticeDocument.ReadText(word.Body)));
    }

    [Fact]
    public async Task A_head_away_has_the_notice_go_to_whoever_stands_in_marked_with_a_link_of_his_own()
    {
        await using var pipeline = await StartAsync();
        await pipeline
            .Storage.Config.GetBlobClient("leave.csv")
            .UploadAsync(BinaryData.FromString($"email,from,to\n{Head},2026-03-16,2026-03-18\n"), overwrite: true);

        await pipeline.ScanAsync();
        await pipeline.NotifyPump().DrainAsync(default);

        var notice = (await pipeline.Get<NoticeBook>().FindAsync(2026, 1, default))!.Notice;
        Assert.Equal((Leader, "刘建国"), (notice.HeadEmail, notice.OnBehalfOf)); // the head names no deputy: the department's leader
        var mail = pipeline.Mail.Received.Single(m => m.To == Leader && m.Subject.StartsWith("督办单", StringComparison.Ordinal));
        Assert.Contains("代 刘建国", mail.Html);
        Assert.DoesNotContain(pipeline.Mail.Received, m => m.To == Head && m.Subject.Contains("督办单", StringComparison.Ordinal));
        var link = ReplyLink().Match(mail.Html).Groups[1].Value[TestPipeline.BoardUrl.Length..];
        Assert.Equal(200, (await pipeline.Board.GetAsync(link, Leader)).Status);
    }

    [GeneratedRegex("href=\"(http://board\\.test/notice/[^\"]+)\"")]
    internal static partial Regex ReplyLink();
}
