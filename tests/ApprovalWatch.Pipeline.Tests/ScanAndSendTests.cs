using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Pipeline.Mail;
using ApprovalWatch.Pipeline.Scanning;
using ApprovalWatch.Pipeline.Storage;

namespace ApprovalWatch.Pipeline.Tests;

[Collection(AzuriteCollection.Name)]
public class ScanAndSendTests
{
    internal const string Header = "project_code,project_name,county,procedure,status,accepted_on,handler_email,as_of";
    internal const string Zhang = "zhang.wei@kizilsu.example.org";
    private const string Ayigul = "ayigul.tursun@kizilsu.example.org";
    internal const string Wang = "wang.lei@kizilsu.example.org";
    private const string Head = "liu.jianguo@kizilsu.example.org";
    private const string Leader = "zhao.deming@kizilsu.example.org";
    private const string Coordinator = "xu.ming@kizilsu.example.org";

    // Scanned on Monday 16 March 2026. HC-01 has 15 working days, its statutory limit too (施工图审查管理办法 第十三条), HC-02
    // 7 (so too), HC-03 10 (a service: none).
    internal static readonly string Housing = string.Join('\n',
        Header + ",limit_days",
        // Housing promised this one in 10 working days: due 12 March, 2 overdue, its statutory 15 not reached until 19 March.
        $"2022-653001-48-01-00123X,阿图什市新城学校建设项目,阿图什市,HC-01,in_review,2026-02-27,{Zhang},2026-03-13,10",
        $"2023-653022-48-01-004175,阿克陶县城区基础设施配套建设项目,阿克陶县,HC-02,in_review,2026-03-09,{Zhang},2026-03-13,", // due 18 March: 2 left
        // Due 30 March (20 March is Eid al-Fitr in Xinjiang): green.
        $"2024-653023-52-01-000882,阿合奇县乡村农贸市场建设项目,阿合奇县,HC-03,in_review,2026-03-13,{Wang},2026-03-13,",
        // Due 4 March: 8 overdue, past the statutory limit too.
        $"2025-653024-50-02-123456,乌恰县幼儿园项目,乌恰县,HC-01,in_review,2026-02-05,{Ayigul},2026-03-13,",
        "");

    private static async Task<TestPipeline> StartWithHousingAsync()
    {
        var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("housing/2026-03-13.csv", Housing);
        return pipeline;
    }

    [Fact]
    public async Task Scan_flags_every_procedure_and_queues_one_message_per_recipient()
    {
        await using var pipeline = await StartWithHousingAsync();

        var scan = await pipeline.ScanAsync();

        Assert.Equal(TestPipeline.Monday, scan.Date);
        Assert.Equal((1, 1, 2), (scan.Count(Flag.Green), scan.Count(Flag.Yellow), scan.Count(Flag.Red)));
        var flags = await pipeline
            .Storage.Procedures.QueryAsync<ProcedureEntity>()
            .ToDictionaryAsync(e => e.PartitionKey[..4] + e.RowKey, e => (e.Flag, e.DueOn));
        Assert.Equal(("red", "2026-03-12"), flags["2022HC-01"]);
        Assert.Equal(("yellow", "2026-03-18"), flags["2023HC-02"]);
        Assert.Equal(("green", "2026-03-30"), flags["2024HC-03"]);
        Assert.Equal(("red", "2026-03-04"), flags["2025HC-01"]);

        var recipients = (await pipeline.Storage.NotifyQueue.PeekMessagesAsync(32)).Value
            .Select(m => QueueMessages.Read<NotifyMessage>(m.Body.ToString())).ToList();
        Assert.Equal([Ayigul, Head, Coordinator, Zhang, Leader], recipients.Select(r => r.Recipient).Order());
        Assert.All(recipients, r => Assert.Equal(TestPipeline.Monday, r.Date));
        Assert.Equal(5, scan.Queued);

        var flagChanges = await pipeline.Storage.History.QueryAsync<HistoryEntity>(h => h.Kind == "flag").ToListAsync();
        Assert.Equal(4, flagChanges.Count(h => h.Procedure.StartsWith("HC-", StringComparison.Ordinal)));
        Assert.Equal(4, flagChanges.Count(h => h.Procedure == "process" && h.To == "green")); // each project: its whole process
        Assert.Equal(4, flagChanges.Count(h => h.Procedure.StartsWith("stage-", StringComparison.Ordinal))); // and the stage it is in
        Assert.All(flagChanges, h => Assert.Equal("scan", h.Source));
    }

    [Fact]
    public async Task The_sendgrid_endpoint_receives_one_digest_per_recipient_with_the_expected_subjects()
    {
        await using var pipeline = await StartWithHousingAsync();
        await pipeline.ScanAsync();

        await pipeline.NotifyPump().DrainAsync(default);

        var mail = pipeline.Mail.Received.ToDictionary(m => m.To, m => m.Subject);
        Assert.Equal(new Dictionary<string, string>
        {
            [Zhang] = "【审批时限提醒】2026-03-16 超期 1 项、临期 1 项；最紧急：阿图什市新城学校建设项目 施工图设计文件审查（超期 2 个工作日）",
            [Ayigul] = "【审批时限提醒】2026-03-16 超期 1 项、临期 0 项；最紧急：乌恰县幼儿园项目 施工图设计文件审查（超期 8 个工作日）",
            [Head] = "【审批时限提醒】2026-03-16 超期 2 项、临期 0 项；最紧急：乌恰县幼儿园项目 施工图设计文件审查（超期 8 个工作日）",
            [Leader] = "【审批时限提醒】2026-03-16 超期 1 项、临期 0 项；最紧急：乌恰县幼儿园项目 施工图设计文件审查（超期 8 个工作日）",
            [Coordinator] = "【审批时限提醒】2026-03-16 超期 1 项、临期 0 项；最紧急：乌恰县幼儿园项目 施工图设计文件审查（超期 8 个工作日）",
        }, mail);
        Assert.All(pipeline.Mail.Received, m => Assert.Equal("approvalwatch@kizilsu.example.org", m.From));
        var zhang = pipeline.Mail.Received.Single(m => m.To == Zhang);
        Assert.Contains("阿图什市新城学校建设项目", zhang.Html);
        Assert.Contains("超期 2 个工作日", zhang.Text);
        Assert.DoesNotContain("阿合奇县乡村农贸市场建设项目", zhang.Text);

        var ledger = await pipeline.Storage.NotificationLedger.QueryAsync<NotificationEntity>().ToListAsync();
        Assert.Equal(5, ledger.Count);
        Assert.All(ledger, n => Assert.Equal(NotificationEntity.Sent, n.State));
        Assert.Equal(pipeline.Mail.Received.Select(m => m.MessageId).Order(), ledger.Select(n => n.MessageId).Order());
    }

    [Fact]
    public async Task A_second_scan_on_the_same_day_sends_nothing_new()
    {
        await using var pipeline = await StartWithHousingAsync();
        await pipeline.ScanAsync();
        await pipeline.NotifyPump().DrainAsync(default);

        var again = await pipeline.ScanAsync();
        await pipeline.NotifyPump().DrainAsync(default);

        Assert.Equal((0, 5), (again.Queued, again.AlreadyNotified));
        Assert.Equal(5, pipeline.Mail.Received.Count);
    }

    [Fact]
    public async Task A_notify_message_delivered_twice_sends_once()
    {
        await using var pipeline = await StartWithHousingAsync();
        await pipeline.ScanAsync();
        await pipeline.NotifyPump().DrainAsync(default);

        Assert.Null(await pipeline.Get<NotificationSender>().SendAsync(DigestMail.Message(TestPipeline.Monday, Zhang), default));
        Assert.Equal(5, pipeline.Mail.Received.Count);
    }

    [Fact]
    public async Task A_scan_on_a_day_off_flags_nothing_and_sends_nothing()
    {
        await using var pipeline = await StartWithHousingAsync();

        var scan = await pipeline.ScanAsync(new DateOnly(2026, 2, 16)); // Spring Festival

        Assert.Contains("not a working day (春节)", scan.Skipped);
        Assert.Equal(0, await pipeline.CountAsync(pipeline.Storage.NotifyQueue));
        Assert.All(await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>().ToListAsync(), e => Assert.Null(e.Flag));
    }

    [Fact]
    public async Task A_dry_run_plans_the_digests_but_writes_and_queues_nothing()
    {
        await using var pipeline = await StartWithHousingAsync();

        var scan = await pipeline.Get<DeadlineScanner>().PreviewAsync(null, default);

        Assert.Equal(5, scan.Digests.Count);
        Assert.Equal(0, await pipeline.CountAsync(pipeline.Storage.NotifyQueue));
        Assert.Empty(await pipeline.Storage.NotificationLedger.QueryAsync<NotificationEntity>().ToListAsync());
        Assert.All(await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>().ToListAsync(), e => Assert.Null(e.Flag));
    }

    [Fact]
    public async Task A_digest_queued_before_office_hours_is_delivered_when_the_recipients_office_opens()
    {
        await using var pipeline = await StartWithHousingAsync();
        pipeline.Clock.Now = Domain.Calendar.OfficeClock.At(TestPipeline.Monday, new TimeOnly(8, 30));

        var scan = await pipeline.ScanAsync();

        Assert.Equal(5, scan.Queued);
        Assert.Equal(5, await pipeline.CountAsync(pipeline.Storage.NotifyQueue));
        Assert.Empty((await pipeline.Storage.NotifyQueue.PeekMessagesAsync(32)).Value); // invisible until 10:00 Beijing time, the Xinjiang start
        Assert.Equal(0, await pipeline.NotifyPump().RunOnceAsync(default));
    }

    [Fact]
    public async Task Nobody_is_written_to_on_a_day_off_in_his_calendar()
    {
        await using var pipeline = await StartWithHousingAsync();

        // Friday 20 March 2026 is a working day nationally but Eid al-Fitr (肉孜节) in Xinjiang, whose calendar every sample official keeps.
        var scan = await pipeline.ScanAsync(new DateOnly(2026, 3, 20));

        Assert.Null(scan.Skipped);
        Assert.Equal((0, 5), (scan.Queued, scan.DayOff));
        Assert.Equal(0, await pipeline.CountAsync(pipeline.Storage.NotifyQueue));
    }

    [Fact]
    public async Task A_critical_escalation_can_be_configured_to_go_out_on_a_day_off()
    {
        await using var pipeline = await TestPipeline.StartAsync(new Dictionary<string, string?> { ["Scan:SendCriticalOnDaysOff"] = "true" });
        await pipeline.IngestAsync("housing/2026-03-13.csv", string.Join('\n',
            Header,
            $"2023-653022-48-01-004175,阿克陶县城区基础设施配套建设项目,阿克陶县,HC-02,in_review,2026-03-09,{Zhang},2026-03-13", // due 18 March
            $"2025-653024-50-02-123456,乌恰县幼儿园项目,乌恰县,HC-01,in_review,2026-02-05,{Ayigul},2026-03-13", // due 4 March
            ""));

        // On Eid al-Fitr only the digests holding Ayigul's procedure go out: 11 working days overdue, it has
        // reached the weekly-report rung. Zhang's, one day overdue, waits for the next working day.
        var eid = new DateOnly(2026, 3, 20);
        pipeline.Clock.Now = Domain.Calendar.OfficeClock.At(eid, new TimeOnly(10, 0));
        var scan = await pipeline.ScanAsync(eid);

        Assert.Equal((4, 1), (scan.Queued, scan.DayOff));
        var recipients = (await pipeline.Storage.NotifyQueue.PeekMessagesAsync(32)).Value.Select(m =>
            QueueMessages.Read<NotifyMessage>(m.Body.ToString()).Recipient
        );
        Assert.Equal([Ayigul, Head, Coordinator, Leader], recipients.Order());
    }

    [Fact]
    public async Task The_next_days_scan_writes_only_the_procedures_whose_flag_or_due_date_changed()
    {
        await using var pipeline = await StartWithHousingAsync();
        await pipeline.ScanAsync(TestPipeline.Monday);
        var monday = await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>().ToDictionaryAsync(e => e.PartitionKey + e.RowKey, e => e.ETag);

        await pipeline.ScanAsync(TestPipeline.Monday.AddDays(1)); // days left change for all; flags for none

        var tuesday = await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>().ToDictionaryAsync(e => e.PartitionKey + e.RowKey, e => e.ETag);
        Assert.Equal(monday, tuesday);
    }
}
