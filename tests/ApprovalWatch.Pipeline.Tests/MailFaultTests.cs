using System.Net;
using ApprovalWatch.DevTools.Local;
using ApprovalWatch.Pipeline.Mail;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Testing.StandIns;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>
/// SendGrid failing as it does — rate limits, outages, a wrong key, a refusal, a hang, an answer after the
/// timeout — injected at the HTTP boundary. Each case ends with every digest delivered once, or its failure
/// recorded in the ledger: nothing lost, nothing silent, nothing sent twice.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class MailFaultTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    /// <summary>The housing file ingested and scanned on Monday 16 March: five digests queued.</summary>
    private static async Task<TestPipeline> ScannedAsync(Dictionary<string, string?>? settings = null)
    {
        var pipeline = await TestPipeline.StartAsync(settings);
        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);
        Assert.Equal(5, (await pipeline.ScanAsync()).Queued);
        return pipeline;
    }

    private static async Task<List<NotificationEntity>> LedgerAsync(TestPipeline pipeline) =>
        await pipeline.Storage.NotificationLedger.QueryAsync<NotificationEntity>().ToListAsync();

    [Fact]
    public async Task Rate_limited_with_retry_after_every_digest_is_tried_again_after_the_wait_and_arrives_once()
    {
        await using var pipeline = await ScannedAsync();
        pipeline.Mail.FailNext(5, HttpStatusCode.TooManyRequests, retryAfterSeconds: 2);

        await pipeline.NotifyPump().DrainAsync(default, Settle);

        Assert.Equal(5, pipeline.Mail.Received.Select(m => m.To).Distinct().Count());
        Assert.Equal(10, pipeline.Mail.Requests); // one refused call and one delivered call each: no hammering
        Assert.All(await LedgerAsync(pipeline), n => Assert.Equal((NotificationEntity.Sent, 2), (n.State, n.Attempts)));
        Assert.Equal(0, await pipeline.CountAsync(pipeline.Storage.PoisonQueue(pipeline.Storage.NotifyQueue)));
    }

    [Fact]
    public async Task A_server_error_then_success_delivers_each_digest_once()
    {
        await using var pipeline = await ScannedAsync(new() { ["Mail:RetryBaseSeconds"] = "1" });
        pipeline.Mail.FailNext(5, HttpStatusCode.InternalServerError);

        await pipeline.NotifyPump().DrainAsync(default, Settle);

        Assert.Equal(5, pipeline.Mail.Received.Count);
        Assert.All(await LedgerAsync(pipeline), n => Assert.Equal(NotificationEntity.Sent, n.State));
    }

    [Fact]
    public async Task A_lasting_outage_ends_in_failed_rows_with_the_reason_not_in_a_silent_poison_queue()
    {
        await using var pipeline = await ScannedAsync(new() { ["Mail:RetryBaseSeconds"] = "1", ["Mail:MaxAttempts"] = "2" });
        pipeline.Mail.FailNext(10, HttpStatusCode.ServiceUnavailable);

        await pipeline.NotifyPump().DrainAsync(default, Settle);

        Assert.Empty(pipeline.Mail.Received);
        Assert.Equal(10, pipeline.Mail.Requests);
        Assert.All(await LedgerAsync(pipeline), n =>
            Assert.Equal((NotificationEntity.Failed, nameof(DeliveryFailure.Transient), 2), (n.State, n.Failure, n.Attempts))
        );
        Assert.Contains("503", (await LedgerAsync(pipeline))[0].Reason);
        Assert.Equal(0, await pipeline.CountAsync(pipeline.Storage.PoisonQueue(pipeline.Storage.NotifyQueue)));
    }

    [Fact]
    public async Task A_bad_api_key_is_not_retried_and_the_next_run_after_it_works_sends_the_days_digests()
    {
        await using var pipeline = await ScannedAsync();
        pipeline.Mail.FailNext(5, HttpStatusCode.Unauthorized);

        await pipeline.NotifyPump().DrainAsync(default, Settle);

        Assert.Equal(5, pipeline.Mail.Requests);
        Assert.All(await LedgerAsync(pipeline), n => Assert.Equal((NotificationEntity.Failed, nameof(DeliveryFailure.Account)), (n.State, n.Failure)));

        var again = await pipeline.ScanAsync(); // the key is mended
        await pipeline.NotifyPump().DrainAsync(default, Settle);

        Assert.Equal(5, again.Queued);
        Assert.Equal(5, pipeline.Mail.Received.Count);
        Assert.All(await LedgerAsync(pipeline), n => Assert.Equal(NotificationEntity.Sent, n.State));
    }

    [Fact]
    public async Task A_reply_refused_for_the_account_is_sent_again_as_soon_as_a_later_mail_goes_through()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        const string contact = "ma.li@kizilsu.example.org";
        pipeline.Mail.FailNext(1, HttpStatusCode.Forbidden, to: contact);
        await pipeline.IngestAsync(
            "housing/2026-03-13.csv",
            ScanAndSendTests.Housing + "2022-653001-48-01-00123X,学校,阿图什市,XX-99,in_review,2026-03-02,a@b.org,2026-03-13\n"
        );
        await pipeline.NotifyPump().DrainAsync(default, Settle);
        Assert.Empty(pipeline.Mail.Received);

        await pipeline.ScanAsync(); // the sender is mended; the day's digests go out
        await pipeline.NotifyPump().DrainAsync(default, Settle);

        Assert.Single(pipeline.Mail.Received, m => m.To == contact);
        Assert.All(await LedgerAsync(pipeline), n => Assert.Equal(NotificationEntity.Sent, n.State));
    }

    [Fact]
    public async Task A_send_left_unfinished_by_a_dead_host_is_recorded_as_uncertain_not_sent_again()
    {
        await using var pipeline = await ScannedAsync();
        var ledger = pipeline.Storage.NotificationLedger;
        var key = NotificationKeys.Digest(TestPipeline.Monday, ScanAndSendTests.Zhang);
        var row = (await ledger.GetEntityAsync<NotificationEntity>(key.Partition, key.Row)).Value;
        row.State = NotificationEntity.Sending; // a host claimed it and died before SendGrid answered
        row.ClaimedAt = pipeline.Clock.GetUtcNow() - NotificationSender.ClaimLease - TimeSpan.FromSeconds(1);
        await ledger.UpdateEntityAsync(row, row.ETag);

        await pipeline.NotifyPump().DrainAsync(default, Settle);

        Assert.DoesNotContain(pipeline.Mail.Received, m => m.To == ScanAndSendTests.Zhang);
        Assert.Equal(4, pipeline.Mail.Received.Count);
        Assert.Equal(NotificationEntity.Uncertain, (await ledger.GetEntityAsync<NotificationEntity>(row.PartitionKey, row.RowKey)).Value.State);
    }

    [Fact]
    public async Task A_refused_mail_fails_at_once_and_the_operator_can_send_it_again()
    {
        await using var pipeline = await ScannedAsync();
        pipeline.Mail.FailNext(1, HttpStatusCode.BadRequest, to: ScanAndSendTests.Zhang);
        await pipeline.NotifyPump().DrainAsync(default, Settle);
        Assert.Equal((4, 5), (pipeline.Mail.Received.Count, pipeline.Mail.Requests));
        var failed = Assert.Single(await LedgerAsync(pipeline), n => n.State == NotificationEntity.Failed);
        Assert.Equal(nameof(DeliveryFailure.Permanent), failed.Failure);

        Assert.Equal(1, await pipeline.Get<NotificationSender>().RetryFailedAsync(TestPipeline.Monday, includeUncertain: false, default));
        await pipeline.NotifyPump().DrainAsync(default, Settle);

        Assert.Equal(5, pipeline.Mail.Received.Select(m => m.To).Distinct().Count());
        Assert.Equal(failed.Recipient, pipeline.Mail.Received.Last().To);
        Assert.All(await LedgerAsync(pipeline), n => Assert.Equal(NotificationEntity.Sent, n.State));
    }

    [Fact]
    public async Task A_hanging_call_holds_no_other_digest_and_its_unknown_outcome_is_recorded_not_repeated()
    {
        await using var pipeline = await ScannedAsync(new() { ["Mail:TimeoutSeconds"] = "2" });
        pipeline.Mail.Inject(new SendGridFault.Hang(TimeSpan.FromSeconds(6)));

        await pipeline.NotifyPump().DrainAsync(default, Settle);

        Assert.Equal(4, pipeline.Mail.Received.Count);
        Assert.Equal(5, pipeline.Mail.Requests);
        var uncertain = Assert.Single(await LedgerAsync(pipeline), n => n.State != NotificationEntity.Sent);
        Assert.Equal((NotificationEntity.Uncertain, nameof(DeliveryFailure.Uncertain)), (uncertain.State, uncertain.Failure));
    }

    [Fact]
    public async Task An_answer_after_the_timeout_is_not_sent_a_second_time()
    {
        await using var pipeline = await ScannedAsync(new() { ["Mail:TimeoutSeconds"] = "1" });
        pipeline.Mail.Inject(new SendGridFault.AnswerLate(TimeSpan.FromSeconds(3)));

        await pipeline.NotifyPump().DrainAsync(default, Settle);

        Assert.Equal(5, pipeline.Mail.Received.Count);
        Assert.Equal(5, pipeline.Mail.Received.Select(m => m.To).Distinct().Count()); // delivered once, though the caller saw no answer
        Assert.Single(await LedgerAsync(pipeline), n => n.State == NotificationEntity.Uncertain);
    }

    [Fact]
    public async Task A_one_shot_run_throttled_at_first_waits_for_the_retries_and_says_all_were_delivered()
    {
        await using var pipeline = await ScannedAsync();
        pipeline.Mail.FailNext(5, HttpStatusCode.TooManyRequests, retryAfterSeconds: 2);

        var tally = await LocalDelivery.DeliverAsync(
            pipeline.NotifyPump(),
            pipeline.Storage,
            DateTimeOffset.UtcNow.AddMinutes(-5),
            TimeSpan.FromSeconds(30),
            default
        );

        Assert.Equal(new DeliveryTally(5, 0, 0, null), tally);
        Assert.Equal(5, pipeline.Mail.Received.Count);
    }

    [Fact]
    public async Task Mail_whose_retry_falls_due_after_the_wait_is_told_as_waiting_and_the_operator_report_shows_the_backlog_with_its_age()
    {
        await using var pipeline = await ScannedAsync();
        pipeline.Mail.FailNext(5, HttpStatusCode.TooManyRequests, retryAfterSeconds: 600);

        var tally = await LocalDelivery.DeliverAsync(
            pipeline.NotifyPump(),
            pipeline.Storage,
            DateTimeOffset.UtcNow.AddMinutes(-5),
            TimeSpan.FromSeconds(2),
            default
        );
        pipeline.Clock.Now = pipeline.Clock.Now.AddMinutes(7);
        var report = await pipeline.Get<Operations.OperatorReportBuilder>().BuildAsync(TestPipeline.Monday, default);
        var text = Presentation.Operations.OperatorReportRenderer.Render(report).Text;

        Assert.Equal((0, 0, 5), (tally.Delivered, tally.Refused, tally.Waiting));
        Assert.Equal(pipeline.Clock.GetUtcNow().AddMinutes(-7).AddSeconds(600), tally.NextTry);
        Assert.Contains("5 still waiting for a retry (next try", tally.ToString());
        Assert.Equal(5, report.Waiting.Count);
        Assert.False(report.IsEmpty);
        Assert.All(report.Waiting, w => Assert.Equal(TimeSpan.FromMinutes(7), w.Waited));
        Assert.Contains("Mail waiting for a retry", text);
        Assert.Contains("waiting 7 min", text);
    }
}
