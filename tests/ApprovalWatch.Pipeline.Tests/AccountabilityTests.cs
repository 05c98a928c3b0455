using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Pipeline.Links;
using ApprovalWatch.Pipeline.Notices;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>
/// Accountability as a prefecture practises it: the DRC's own items under another issuer, authority with the head (or
/// whoever stands in), a notice that follows its item, replies sent back and promises broken, the head's own list, a
/// leader's one-click notice, and the stand-in named wherever the absent one would be.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class AccountabilityTests
{
    private const string Head = NoticeTests.Head; // housing
    private const string Leader = "zhao.deming@kizilsu.example.org"; // housing's leader in charge
    private const string Coordinator = "xu.ming@kizilsu.example.org";
    private const string Zhang = ScanAndSendTests.Zhang;
    private const string Project = "2022-653001-48-01-00123X";

    private static async Task<TestPipeline> ProblemAsync(string department, string raised = "2026-02-24")
    {
        var pipeline = await NoticeTests.StartAsync();
        await pipeline
            .Storage.Config.GetBlobClient(NoticeSettings.BlobName)
            .UploadAsync(
                BinaryData.FromString(
                    """{ "prefix": "克发改督", "replyWithinWorkingDays": 3, "issuer": "克州发展和改革委员会", "selfIssuer": "克州人民政府督查室" }"""
                ),
                overwrite: true
            );
        await pipeline.IngestAsync("development-reform/register.csv", $"""
            project_code,project_name,county,nature,total_investment_wan,annual_plan_wan,leader_email,responsible_unit
            {Project},阿图什市新城学校建设项目,阿图什市,continuing,9000,3000,zhou.lixin@kizilsu.example.org,housing
            """);
        await pipeline.IngestAsync("development-reform/problems.csv", $"""
            项目代码,问题编号,问题描述,责任部门,提出日期,办理时限（工作日）
            {Project},WT-1,配套资金未到位,{department},{raised},5
            """);
        return pipeline;
    }

    private static async Task<SupervisionNotice> NoticeAsync(TestPipeline pipeline, int sequence) =>
        (await pipeline.Get<NoticeBook>().FindAsync(2026, sequence, default))!.Notice;

    [Fact]
    public async Task The_drcs_own_item_goes_to_its_head_and_its_leader_under_the_prefectures_issuer()
    {
        await using var pipeline = await ProblemAsync("发展和改革委员会");
        await pipeline.ScanAsync();

        var notices = (await pipeline.Get<NoticeBook>().ListAsync(2026, default)).Select(n => n.Notice).ToList();
        var drc = Assert.Single(notices, n => n.Department == "development-reform");
        Assert.Equal(
            ("克州人民政府督查室", "wu.gang@kizilsu.example.org", "zheng.hai@kizilsu.example.org"),
            (drc.Issuer, drc.HeadEmail, drc.LeaderEmail)
        );
        Assert.Equal("周立新", drc.Items.Single().ProjectLeaderName); // the project's 包联领导, named as such
        var housing = Assert.Single(notices, n => n.Department == "housing");
        Assert.Equal(("克州发展和改革委员会", Leader), (housing.Issuer, housing.LeaderEmail)); // housing's own leader, not the project's
    }

    [Fact]
    public async Task Only_the_head_or_his_stand_in_signs_for_a_problem_a_handler_and_a_leader_read_it_and_are_told_who_may()
    {
        await using var pipeline = await ProblemAsync("住房和城乡建设局", raised: "2026-03-13");
        var links = pipeline.Get<AckLinks>();
        string Link(string who) => links.ProblemPath(who, Project, "WT-1", TestPipeline.Monday)!;

        var read = await pipeline.Board.GetAsync(Link(Zhang), Zhang);
        Assert.Equal(200, read.Status);
        Assert.Contains("刘建国", read.Text);
        Assert.Contains("阿图什市新城学校建设项目", read.Text); // the project by name
        Assert.DoesNotContain("name=\"action\"", read.Text); // no form for him
        foreach (var who in new[] { Zhang, Leader })
        {
            var refused = await pipeline.Board.PostAsync(Link(who), who, new Dictionary<string, string> { ["action"] = "sign" });
            Assert.Equal(403, refused.Status);
            Assert.Contains("刘建国", refused.Text);
        }

        Assert.Equal(200, (await pipeline.Board.PostAsync(Link(Head), Head, new Dictionary<string, string> { ["action"] = "sign" })).Status);
    }

    [Fact]
    public async Task A_problem_sent_back_and_assigned_again_takes_its_open_notice_to_the_new_department()
    {
        await using var pipeline = await ProblemAsync("住房和城乡建设局");
        await pipeline.ScanAsync();
        var first = (await pipeline.Get<NoticeBook>().ListAsync(2026, default)).Select(n => n.Notice).Single(n => n.Items.Any(i => i.IsProblem));
        var link = pipeline.Get<AckLinks>().ProblemPath(Head, Project, "WT-1", TestPipeline.Monday)!;
        var back = new Dictionary<string, string> { ["action"] = "return", ["reason"] = "配套资金属财政局" };
        Assert.Equal(200, (await pipeline.Board.PostAsync(link, Head, back)).Status);

        var moved = await pipeline.Board.PostAsync(
            "/problems/reassign",
            Coordinator,
            new Dictionary<string, string>
            {
                ["project"] = Project,
                ["id"] = "WT-1",
                ["department"] = "finance",
            }
        );
        Assert.Equal(303, moved.Status);

        var before = await NoticeAsync(pipeline, first.Sequence);
        var item = before.Items.Single(i => i.IsProblem);
        Assert.Equal(("finance", TestPipeline.Monday), (item.MovedTo, item.MovedOn));
        var after = (await pipeline.Get<NoticeBook>().ListAsync(2026, default)).Select(n => n.Notice).Single(n => n.Department == "finance");
        Assert.Equal(("lin.tao@kizilsu.example.org", "guo.wen@kizilsu.example.org"), (after.HeadEmail, after.LeaderEmail));
        Assert.Equal(item.Key, after.Items.Single().Key);
        var page = await pipeline.Board.GetAsync($"/notices/2026/{first.Sequence}", Coordinator);
        Assert.Contains("随事项转至财政局", page.Text);
        var answer = await pipeline.Board.PostAsync(
            $"/notices/2026/{first.Sequence}",
            Head,
            new Dictionary<string, string>
            {
                ["item"] = item.Key,
                ["reason"] = "r",
                ["measures"] = "m",
                ["promised"] = "2026-03-20",
            }
        );
        Assert.Equal(409, answer.Status); // no longer housing's to answer
    }

    [Fact]
    public async Task A_reply_sent_back_is_answered_again_and_a_promise_that_passes_undone_climbs()
    {
        await using var pipeline = await NoticeTests.StartAsync();
        await pipeline.ScanAsync();
        var key = (await NoticeAsync(pipeline, 1)).Items[0].Key;
        Dictionary<string, string> Reply(string promised) =>
            new()
            {
                ["item"] = key,
                ["reason"] = "图审意见未回复",
                ["measures"] = "已约设计院",
                ["promised"] = promised,
                ["exceed"] = "专家评审排期",
            };

        Assert.Equal(200, (await pipeline.Board.PostAsync("/notices/2026/1", Head, Reply("2026-03-17"))).Status);
        var sendBack = new Dictionary<string, string> { ["item"] = key, ["action"] = "sendback", ["reason"] = "措施不具体，请写明责任人和时间" };
        Assert.Equal(403, (await pipeline.Board.PostAsync("/notices/2026/1", Head, sendBack)).Status); // not the head's to send back
        var sent = await pipeline.Board.PostAsync("/notices/2026/1", Leader, sendBack);
        Assert.Equal(200, sent.Status);
        await pipeline.NotifyPump().DrainAsync(default);
        var told = Assert.Single(pipeline.Mail.Received, m => m.Subject.Contains("退回重报", StringComparison.Ordinal));
        Assert.Equal(Head, told.To);
        Assert.Contains("措施不具体", told.Html);
        Assert.Equal(NoticeState.AwaitingReply, (await NoticeAsync(pipeline, 1)).StateOn(TestPipeline.Monday));

        Assert.Equal(200, (await pipeline.Board.PostAsync("/notices/2026/1", Head, Reply("2026-03-17"))).Status);

        // Wednesday: the promise of Tuesday passed with the procedure still open — back among the unanswered, to the leader.
        var wednesday = TestPipeline.Monday.AddDays(2);
        pipeline.Clock.Now = Domain.Calendar.OfficeClock.At(wednesday, new TimeOnly(10, 0));
        await pipeline.ScanAsync(wednesday);
        var notice = await NoticeAsync(pipeline, 1);
        var item = notice.Items[0];
        Assert.Null(item.Reply);
        Assert.Equal(2, item.SentBack.Count);
        Assert.Equal(("赵德明", ""), (item.SentBack[0].By, item.SentBack[1].By)); // sent back, then the promise broken
        Assert.Equal(wednesday, item.ClimbedOn);
        await pipeline.NotifyPump().DrainAsync(default);
        Assert.Contains(pipeline.Mail.Received, m => m.To == Leader && m.Subject.Contains("逾期未回告", StringComparison.Ordinal));
        var page = await pipeline.Board.GetAsync("/notices/2026/1", Coordinator);
        Assert.Contains("承诺未兑现", page.Text);
        Assert.Contains("退回重报", page.Text);
    }

    [Fact]
    public async Task The_heads_board_lists_what_waits_for_him_and_a_leader_supervises_one_item_from_its_project_page()
    {
        await using var pipeline = await NoticeTests.StartAsync();
        await pipeline.ScanAsync();

        var board = (await pipeline.Board.GetAsync("/board", Head)).Text;
        Assert.Contains("待回告的督办单", board);
        Assert.Contains("克发改督〔2026〕1号", board);
        Assert.Contains("剩 3 个工作日", board);
        Assert.DoesNotContain("待回告的督办单", (await pipeline.Board.GetAsync("/board", Zhang)).Text); // a handler answers none

        // 2022 HC-01 is 2 working days late: no notice by the rule yet; its leader in charge issues one.
        var form = new Dictionary<string, string> { ["item"] = "HC-01" };
        Assert.Equal(403, (await pipeline.Board.PostAsync($"/projects/{Project}/notice", Zhang, form)).Status);
        var issued = await pipeline.Board.PostAsync($"/projects/{Project}/notice", Leader, form);
        Assert.Equal(303, issued.Status);
        var own = await NoticeAsync(pipeline, 2);
        Assert.Equal(("赵德明", Project, 2), (own.IssuedBy, own.Items.Single().ProjectCode, own.Items.Single().OverdueWorkingDays));
        Assert.Contains("督办人", (await pipeline.Board.GetAsync("/notices/2026/2", Leader)).Text);
        Assert.Equal(303, (await pipeline.Board.PostAsync($"/projects/{Project}/notice", Leader, form)).Status); // again: the same notice
        Assert.Equal(2, (await pipeline.Get<NoticeBook>().ListAsync(2026, default)).Count);
        var green = new Dictionary<string, string> { ["item"] = "HC-03" };
        Assert.Equal(409, (await pipeline.Board.PostAsync("/projects/2024-653023-52-01-000882/notice", Leader, green)).Status); // not late

        var bulletin = Domain.Monthly.BulletinCalculator.Compute(
            new Domain.Monthly.MonthlyInputs(
                new DateOnly(2026, 3, 1),
                [],
                [],
                [],
                [.. (await pipeline.Get<NoticeBook>().ListAsync(2026, default)).Select(n => n.Notice)],
                [],
                Testing.OfficialCalendars.National,
                e => e
            )
        );
        Assert.Equal(1, bulletin.Total.NoticesFromLeaders);
    }

    [Fact]
    public async Task A_handler_away_is_named_with_whoever_stands_in_on_the_notice_and_in_the_group_chat_summary()
    {
        await using var pipeline = await NoticeTests.StartAsync();
        await pipeline
            .Storage.Config.GetBlobClient("leave.csv")
            .UploadAsync(BinaryData.FromString("email,from,to\nayigul.tursun@kizilsu.example.org,2026-03-16,2026-03-20\n"), overwrite: true);
        await pipeline.ScanAsync();

        var notice = await NoticeAsync(pipeline, 1);
        Assert.Equal("张伟（代 阿依古丽·吐尔逊）", notice.Items.Single().HandlerName);
        var reference = await pipeline.Get<Reference.ReferenceDataLoader>().LoadAsync(default);
        var summary = await pipeline.Get<Chat.ChatSummaries>().BuildAsync("housing", TestPipeline.Monday, reference, default);
        Assert.Contains(summary.Urgent, u => u.HandlerName == "张伟（代 阿依古丽·吐尔逊）");
        Assert.DoesNotContain(summary.Urgent, u => u.HandlerName == "阿依古丽·吐尔逊");
    }

    [Fact]
    public async Task A_reader_away_has_his_weekly_report_go_to_his_deputy_too_marked_as_his()
    {
        await using var pipeline = await NoticeTests.StartAsync();
        var directory = await File.ReadAllTextAsync(Path.Combine(Testing.OfficialCalendars.RepositoryRoot, "samples", "config", "directory.csv"));
        await pipeline
            .Storage.Config.GetBlobClient("directory.csv")
            .UploadAsync(
                BinaryData.FromString(directory.Replace("刘建国,housing,head,kizilsu,zh,", "刘建国,housing,head,kizilsu,zh,ayigul.tursun@kizilsu.example.org")),
                overwrite: true
            );
        await pipeline
            .Storage.Config.GetBlobClient("leave.csv")
            .UploadAsync(BinaryData.FromString($"email,from,to\n{Head},2026-03-30,2026-04-03\n"), overwrite: true);

        pipeline.Clock.Now = Domain.Calendar.OfficeClock.At(new DateOnly(2026, 3, 30), new TimeOnly(10, 0));
        await pipeline.Functions.WeeklyReportAsync(Domain.Weekly.ReportWeek.Of(new DateOnly(2026, 3, 30)), default);
        await pipeline.NotifyPump().DrainAsync(default);

        var weekly = pipeline.Mail.Received.Where(m => m.Subject.Contains("周调度", StringComparison.Ordinal)).ToList();
        Assert.Contains(weekly, m => m.To == Head); // his own, to read when back
        var copy = Assert.Single(weekly, m => m.To == "ayigul.tursun@kizilsu.example.org");
        Assert.StartsWith("（代 刘建国）", copy.Subject);
    }
}
