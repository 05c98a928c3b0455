using ApprovalWatch.Pipeline.Ingestion;
using ApprovalWatch.Pipeline.KeyProjects;
using ApprovalWatch.Pipeline.Mail;
using ApprovalWatch.Pipeline.Operations;
using ApprovalWatch.Pipeline.Scanning;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Presentation.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>
/// The outbox: a kind of mail is added by registering it beside its producer; the sender claims, renders through
/// the kind, sends and records it, whatever the kind, and refuses a kind nobody registered.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class OutboxTests
{
    /// <summary>A kind the sender has never heard of, registered the way a new producer registers its own.</summary>
    private sealed class CircularMail : IMailKind
    {
        public int Rendered { get; private set; }

        public string Kind => "circular";

        public Task<MailDraft?> DraftAsync(NotifyMessage message, CancellationToken cancellationToken) =>
            Task.FromResult<MailDraft?>(new MailDraft(new NotificationKey("notices", message.About!), _ =>
            {
                Rendered++;
                return Task.FromResult(new OutgoingMail("张伟", new RenderedMail($"督办单 {message.About}", "请于三个工作日内回告。", "<p>请于三个工作日内回告。</p>"), 1));
            }));
    }

    [Fact]
    public async Task A_kind_registered_beside_its_producer_is_queued_sent_and_recorded_once()
    {
        var notices = new CircularMail();
        await using var pipeline = await TestPipeline.StartAsync(register: s => s.AddSingleton(notices).AddMailKind<CircularMail>());
        var queue = pipeline.Get<NotificationQueue>();
        var message = new NotifyMessage("circular", TestPipeline.Monday, ScanAndSendTests.Zhang, "KF-2026-001");
        var key = new NotificationKey("notices", "KF-2026-001");

        Assert.True(await queue.QueueOnceAsync(message, key, pipeline.Clock.GetUtcNow(), 1, default));
        Assert.False(await queue.QueueOnceAsync(message, key, pipeline.Clock.GetUtcNow(), 1, default));
        await pipeline.NotifyPump().DrainAsync(default);

        var mail = Assert.Single(pipeline.Mail.Received);
        Assert.Equal((ScanAndSendTests.Zhang, "督办单 KF-2026-001"), (mail.To, mail.Subject));
        Assert.Equal(1, notices.Rendered);
        var row = Assert.Single(await pipeline.Storage.NotificationLedger.QueryAsync<NotificationEntity>().ToListAsync());
        Assert.Equal(
            ("notices", "KF-2026-001", "circular", "KF-2026-001", NotificationEntity.Sent, 1),
            (row.PartitionKey, row.RowKey, row.Kind, row.About, row.State, row.Lines)
        );
    }

    [Fact]
    public async Task A_message_of_a_kind_nobody_registered_sends_nothing_records_nothing_and_ends_in_the_poison_queue()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.Get<NotificationQueue>().SendAsync(new NotifyMessage("circular", TestPipeline.Monday, ScanAndSendTests.Zhang), TimeSpan.Zero, default);

        await pipeline.NotifyPump().DrainAsync(default);

        Assert.Empty(pipeline.Mail.Received);
        Assert.Empty(await pipeline.Storage.NotificationLedger.QueryAsync<NotificationEntity>().ToListAsync());
        Assert.Equal(1, await pipeline.CountAsync(pipeline.Storage.PoisonQueue(pipeline.Storage.NotifyQueue)));
    }

    [Theory]
    [InlineData("""{"date":"2026-03-16","recipient":"a@x.org"}""", DigestMail.Name, null)]
    [InlineData("""{"date":"2026-03-16","recipient":"a@x.org","receipt":"housing/2026-03-13.csv"}""", ReceiptMail.Name, "housing/2026-03-13.csv")]
    [InlineData("""{"date":"2026-03-16","recipient":"a@x.org","operator":true}""", OperatorReportMail.Name, null)]
    [InlineData("""{"date":"2026-03-16","recipient":"a@x.org","weekly":"2026-W12"}""", WeeklyReportMail.Name, "2026-W12")]
    [InlineData("""{"kind":"weekly","date":"2026-03-16","recipient":"a@x.org","about":"2026-W12"}""", WeeklyReportMail.Name, "2026-W12")]
    public void A_message_queued_before_kinds_were_named_is_read_as_the_kind_it_was(string json, string kind, string? about) =>
        Assert.Equal(new NotifyMessage(kind, TestPipeline.Monday, "a@x.org", about), NotifyMessage.Read(json));

    [Fact]
    public void A_ledger_row_written_before_kinds_were_named_is_queued_again_as_its_kind()
    {
        var row = new NotificationEntity { Recipient = "a@x.org", Date = "2026-03-16", Receipt = "housing/2026-03-13.csv" };

        Assert.Equal(ReceiptMail.Message(TestPipeline.Monday, "a@x.org", "housing/2026-03-13.csv"), row.ToMessage());
    }
}
