using ApprovalWatch.Cli.Local;
using ApprovalWatch.Domain.Chat;
using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Testing.StandIns;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>The departments' group robots (WeCom; DingTalk, signed): the summary at office opening, each notice, failures handled as mail's are.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ChatRobotTests : IAsyncDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    // The platform's clock, which checks a signature's time: the pipeline's instant (TestPipeline's Monday, 10:00).
    private readonly LocalChatRobots _robots = new(clock: new FixedTimeProvider(Domain.Calendar.OfficeClock.At(TestPipeline.Monday, new TimeOnly(10, 0))));

    public ValueTask DisposeAsync() => _robots.DisposeAsync();

    private async Task<TestPipeline> StartAsync(string signSecret = "SECdingsecret", bool notices = false)
    {
        var pipeline = await TestPipeline.StartAsync(new Dictionary<string, string?>
        {
            ["Chat:Secrets:housing-robot"] = _robots.WeCom("wecom-housing-key"),
            ["Chat:Secrets:nr-robot"] = _robots.DingTalk("ding-nr-token", "SECdingsecret"),
            ["Chat:Secrets:nr-robot-sign"] = signSecret,
            ["Mail:RetryBaseSeconds"] = "1",
        });
        await pipeline.Storage.Config.GetBlobClient(ChatRobot.BlobName).UploadAsync(BinaryData.FromString("""
            department,platform,webhook_secret,sign_secret
            housing,wecom,housing-robot,
            natural-resources,dingtalk,nr-robot,nr-robot-sign
            """), overwrite: true);
        if (notices)
        {
            await pipeline
                .Storage.Config.GetBlobClient(NoticeSettings.BlobName)
                .UploadAsync(BinaryData.FromString("""{ "prefix": "克发改督" }"""), overwrite: true);
        }

        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);
        return pipeline;
    }

    private static async Task<List<NotificationEntity>> ChatRowsAsync(TestPipeline pipeline) =>
        await pipeline.Storage.NotificationLedger.QueryAsync<NotificationEntity>(n => n.Kind == "chat").ToListAsync();

    [Fact]
    public async Task Each_group_gets_its_departments_summary_once_a_day_names_only_and_the_dingtalk_request_signed()
    {
        await using var pipeline = await StartAsync();

        await pipeline.ScanAsync();
        await pipeline.ScanAsync(); // the timer twice
        await pipeline.NotifyPump().DrainAsync(default);

        var housing = Assert.Single(_robots.Received, r => r.Platform == ChatPlatform.WeCom);
        Assert.Equal("wecom-housing-key", housing.Robot);
        Assert.Contains("超期 **2** 件，预警 **1** 件", housing.Markdown);
        var urgent = housing.Markdown.Split('\n').Where(l => l.Length > 2 && char.IsAsciiDigit(l[0]) && l[1] == '.').ToList();
        Assert.Equal(3, urgent.Count);
        Assert.StartsWith("1. 乌恰县幼儿园项目 · 施工图设计文件审查（阿依古丽·吐尔逊）超期 8 个工作日", urgent[0]); // the most overdue first
        Assert.Contains("(http://board.test/board)", housing.Markdown);
        Assert.DoesNotContain("@", housing.Markdown); // names, never addresses
        var resources = Assert.Single(_robots.Received, r => r.Platform == ChatPlatform.DingTalk); // accepted: signed with the robot's secret
        Assert.Contains("超期 **0** 件", resources.Markdown);
        Assert.All(await ChatRowsAsync(pipeline), r => Assert.Equal(NotificationEntity.Sent, r.State));
    }

    [Fact]
    public async Task A_robot_that_asks_to_wait_is_tried_again_and_a_wrong_signature_is_recorded_as_refused_not_retried()
    {
        await using var pipeline = await StartAsync(signSecret: "SECwrong");
        await pipeline.ScanAsync();
        _robots.FailNext(130101, -503); // DingTalk's "too fast", then a 503, whichever robot meets them

        await pipeline.NotifyPump().DrainAsync(default, Settle);

        Assert.Single(_robots.Received, r => r.Platform == ChatPlatform.WeCom);
        Assert.DoesNotContain(_robots.Received, r => r.Platform == ChatPlatform.DingTalk);
        var rows = await ChatRowsAsync(pipeline);
        Assert.Equal(NotificationEntity.Sent, rows.Single(r => r.Recipient == "chat:housing").State);
        var refused = rows.Single(r => r.Recipient == "chat:natural-resources");
        Assert.Equal(NotificationEntity.Failed, refused.State);
        Assert.Contains("310000", refused.Reason);
        Assert.Equal(_robots.Received.Count + 2 + 1, _robots.Requests); // the two injected, one refused call: no hammering
    }

    [Fact]
    public async Task A_secret_missing_from_the_vault_posts_nothing_and_says_which()
    {
        await using var pipeline = await StartAsync(signSecret: "");
        await pipeline.ScanAsync();

        await pipeline.NotifyPump().DrainAsync(default);

        var refused = (await ChatRowsAsync(pipeline)).Single(r => r.Recipient == "chat:natural-resources");
        Assert.Equal((NotificationEntity.Failed, nameof(Mail.DeliveryFailure.Permanent)), (refused.State, refused.Failure));
        Assert.Contains("nr-robot-sign", refused.Reason);
    }

    [Fact]
    public async Task A_new_notice_is_posted_to_its_departments_group()
    {
        await using var pipeline = await StartAsync(notices: true);

        await pipeline.ScanAsync();
        await pipeline.NotifyPump().DrainAsync(default);

        var posted = _robots.Received.Where(r => r.Platform == ChatPlatform.WeCom).Select(r => r.Markdown).ToList();
        Assert.Equal(2, posted.Count); // the summary and the notice
        var notice = Assert.Single(posted, p => p.StartsWith("### 督办单 克发改督〔2026〕1号", StringComparison.Ordinal));
        Assert.Contains("乌恰县幼儿园项目", notice);
        Assert.Contains("(http://board.test/notices/2026/1)", notice);
        Assert.Contains("待回告督办单 **1** 份", posted.Single(p => !p.StartsWith("### 督办单", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task No_summary_is_posted_on_the_prefectures_day_off()
    {
        await using var pipeline = await StartAsync();
        var reference = await pipeline.Get<Reference.ReferenceDataLoader>().LoadAsync(default);
        var chats = pipeline.Get<Chat.ChatMessages>();

        await chats.QueueSummariesAsync(new DateOnly(2026, 3, 21), reference, default); // a Saturday
        await chats.QueueSummariesAsync(new DateOnly(2026, 3, 20), reference, default); // 肉孜节 in Xinjiang (and Kizilsu)
        Assert.Empty(await ChatRowsAsync(pipeline));

        await chats.QueueSummariesAsync(new DateOnly(2026, 3, 19), reference, default);
        Assert.Equal(["chat:housing", "chat:natural-resources"], (await ChatRowsAsync(pipeline)).Select(r => r.Recipient).Order(StringComparer.Ordinal));
    }
}
