using ApprovalWatch.Testing;
using System.Text;
using System.Text.Json;
using ApprovalWatch.Domain.Audit;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Receipts;
using ApprovalWatch.Pipeline.Gathering;
using ApprovalWatch.Pipeline.Ingestion;
using ApprovalWatch.Pipeline.Storage;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace ApprovalWatch.Pipeline.Tests;

[Collection(AzuriteCollection.Name)]
public class IngestionTests
{
    private const string Header = "project_code,project_name,county,procedure,status,accepted_on,limit_days,handler_email,completed_on,as_of";
    private const string School = "2022-653001-48-01-00123X";
    private const string Market = "2024-653023-52-01-000882";

    private static string Row(
        string project,
        string procedure,
        string status,
        string accepted,
        string asOf,
        string handler = "zhang.wei@kizilsu.example.org",
        string completed = ""
    ) => $"{project},项目{project[^4..]},阿图什市,{procedure},{status},{accepted},,{handler},{completed},{asOf}";

    private static async Task<List<ProcedureEntity>> ProceduresAsync(TestPipeline pipeline) =>
        await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>().ToListAsync();

    [Fact]
    public async Task A_dropped_file_ends_as_table_rows_and_a_receipt()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var content =
            $"{Header}\n{Row(School, "HC-01", "in_review", "2026-03-02", "2026-03-13")}"
                + $"\n{Row(Market, "HC-02", "受理", "2026-03-10", "2026-03-13")}\n{Row(School, "NR-03", "in_review", "2026-03-02", "2026-03-13")}\n";
        var etag = await pipeline.DropAsync("housing/2026-03-02.csv", content);

        Assert.Equal(1, await pipeline.Get<SubmissionGatherer>().GatherAsync(default));
        await pipeline.IngestPump().DrainAsync(default);

        var rows = await ProceduresAsync(pipeline);
        Assert.Equal([(School, "HC-01", "in_review", "2026-03-02", 15), (Market, "HC-02", "accepted", "2026-03-10", 7)],
            rows.OrderBy(r => r.RowKey).Select(r => (r.PartitionKey, r.RowKey, r.Status, r.AcceptedOn, r.LimitDays)));
        Assert.All(rows, r => Assert.Equal("housing/2026-03-02.csv", r.SourceBlob));

        var receipt = (await pipeline.Get<ReceiptWriter>().ReadAsync("housing/2026-03-02.csv", default))!;
        Assert.Equal(
            (Receipt.AppliedStatus, 3, 2, 0, 0, 1),
            (receipt.Status, receipt.Rows, receipt.Applied, receipt.Unchanged, receipt.Stale, receipt.Rejected)
        );
        var error = Assert.Single(receipt.Errors);
        Assert.Equal((4, "审批事项 procedure", "NR-03"), (error.Line, error.Column, error.Value));
        Assert.Contains("Natural Resources", error.Reason.English());

        var original = await pipeline.Storage.Submissions.GetBlobClient("housing/2026-03-02.csv").DownloadContentAsync();
        Assert.Equal(etag, original.Value.Details.ETag);
        Assert.Equal(content, original.Value.Content.ToString());

        var added = await pipeline.Get<HistoryLog>().ReadAsync<StatusChanged>(since: null, default).ToListAsync();
        Assert.Equal([("HC-01", 2), ("HC-02", 3)], added.Where(a => a.From is null).Select(a => (a.Item, a.Line!.Value)).Order());
        // A file's additions to a project: one row per project.
        Assert.Equal([School, Market], (await pipeline.Storage.History.QueryAsync<HistoryEntity>().ToListAsync()).Select(h => h.PartitionKey).Order());
    }

    [Fact]
    public async Task The_same_file_dropped_twice_is_applied_once()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var content = $"{Header}\n{Row(School, "HC-01", "in_review", "2026-03-02", "2026-03-13")}\n";
        await pipeline.IngestAsync("housing/monday.csv", content);
        var before = await ProceduresAsync(pipeline);

        var second = await pipeline.IngestAsync("housing/monday-copy.csv", content);

        Assert.Equal(Receipt.DuplicateStatus, second.Status);
        Assert.Equal("housing/monday.csv", second.DuplicateOf);
        Assert.Equal(0, second.Applied);
        Assert.Contains("housing/monday.csv", second.Message.English());
        var after = await ProceduresAsync(pipeline);
        Assert.Equal(before.Select(e => (e.RowKey, e.ETag, e.SourceBlob)), after.Select(e => (e.RowKey, e.ETag, e.SourceBlob)));
    }

    [Fact]
    public async Task A_message_delivered_twice_leaves_the_same_tables_and_receipt()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var etag = await pipeline.DropAsync(
            "housing/a.csv",
            $"{Header}\n{Row(School, "HC-01", "in_review", "2026-03-02", "2026-03-13")}\n{Row(School, "XX-99", "in_review", "2026-03-02", "2026-03-13")}\n"
        );
        var message = new IngestMessage("housing/a.csv", etag.ToString());
        var ingestor = pipeline.Get<SubmissionIngestor>();

        var first = await ingestor.IngestAsync(message, default);
        var tables = await ProceduresAsync(pipeline);
        var second = await ingestor.IngestAsync(message, default);

        Assert.Equal(
            first! with
            {
                ReceivedAt = default,
                Errors = [],
                StaleRows = [],
                Notes = [],
                Changes = [],
            },
            second! with
            {
                ReceivedAt = default,
                Errors = [],
                StaleRows = [],
                Notes = [],
                Changes = [],
            }
        );
        Assert.Equal(first.Notes, second.Notes);
        Assert.Equal(first.Changes, second.Changes);
        Assert.Single(second.Changes);
        Assert.Equal(first.Errors, second.Errors);
        Assert.Equal((1, 0, 1), (second.Applied, second.Unchanged, second.Rejected));
        Assert.Equal(tables.Select(e => e.ETag), (await ProceduresAsync(pipeline)).Select(e => e.ETag));
    }

    [Fact]
    public async Task A_row_older_than_the_stored_state_is_skipped_as_stale()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("housing/13.csv", $"{Header}\n{Row(School, "HC-01", "in_review", "2026-03-02", "2026-03-13")}\n");

        var late = await pipeline.IngestAsync(
            "housing/10.csv",
            $"{Header}\n{Row(School, "HC-01", "approved", "2026-03-02", "2026-03-10", completed: "2026-03-09")}"
                + $"\n{Row(Market, "HC-02", "in_review", "2026-03-05", "2026-03-10")}\n"
        );

        Assert.Equal((1, 1), (late.Applied, late.Stale));
        var stale = Assert.Single(late.StaleRows);
        Assert.Equal((2, School, "HC-01"), (stale.Line, stale.ProjectCode, stale.Procedure));
        var school = (await pipeline.Storage.Procedures.GetEntityAsync<ProcedureEntity>(School, "HC-01")).Value;
        Assert.Equal(("in_review", "housing/13.csv"), (school.Status, school.SourceBlob));
    }

    [Fact]
    public async Task A_newer_report_replaces_the_state_and_the_status_change_goes_into_history()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("housing/10.csv", $"{Header}\n{Row(School, "HC-01", "in_review", "2026-03-02", "2026-03-10")}\n");
        var unchanged = await pipeline.IngestAsync(
            "housing/11.csv",
            $"{Header}\n{Row(School, "HC-01", "in_review", "2026-03-02", "2026-03-10")}\n\n"
        );
        var newer = await pipeline.IngestAsync(
            "housing/13.csv",
            $"{Header}\n{Row(School, "HC-01", "approved", "2026-03-02", "2026-03-13", completed: "2026-03-12")}\n"
        );

        Assert.Equal((0, 1), (unchanged.Applied, unchanged.Unchanged));
        Assert.Equal(1, newer.Applied);
        var school = (await pipeline.Storage.Procedures.GetEntityAsync<ProcedureEntity>(School, "HC-01")).Value;
        Assert.Equal(("approved", "2026-03-12"), (school.Status, school.CompletedOn));
        var change = Assert.Single(await pipeline.Storage.History.QueryAsync<HistoryEntity>(h => h.From == "in_review").ToListAsync());
        Assert.Equal(("HC-01", "status", "approved", "housing/13.csv"), (change.Procedure, change.Kind, change.To, change.Source.Split('#')[0]));
    }

    [Theory]
    [InlineData("housing/scan.pdf", "format '.pdf' is not read")]
    [InlineData("housing/sheet.xlsx", "damaged")]
    [InlineData("loose.csv", "department folder")]
    [InlineData("housing/empty.csv", "no header row")]
    public async Task A_file_that_cannot_be_read_gets_a_receipt_that_says_why_and_stays_untouched(string name, string reason)
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var bytes = name.EndsWith("empty.csv", StringComparison.Ordinal) ? Encoding.UTF8.GetBytes("\n\n") : Encoding.UTF8.GetBytes(Header);
        var etag = await pipeline.DropAsync(name, bytes);

        var receipt = await pipeline.Get<SubmissionIngestor>().IngestAsync(new IngestMessage(name, etag.ToString()), default);

        Assert.Equal(Receipt.UnreadableStatus, receipt!.Status);
        Assert.Contains(reason, receipt.Message.English());
        Assert.Equal(JsonSerializer.Serialize(receipt), JsonSerializer.Serialize(await pipeline.Get<ReceiptWriter>().ReadAsync(name, default)));
        Assert.Equal(etag, (await pipeline.Storage.Submissions.GetBlobClient(name).GetPropertiesAsync()).Value.ETag);
        Assert.Empty(await ProceduresAsync(pipeline));
    }

    [Fact]
    public async Task Gathering_queues_each_new_or_changed_blob_once_in_base64()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var gatherer = pipeline.Get<SubmissionGatherer>();
        var etag = await pipeline.DropAsync("housing/a.csv", $"{Header}\n{Row(School, "HC-01", "in_review", "2026-03-02", "2026-03-13")}\n");
        await pipeline.DropAsync("finance/b.csv", $"{Header}\n");

        Assert.Equal(2, await gatherer.GatherAsync(default));
        var raw = new QueueClient(AzuriteFixture.ConnectionString, pipeline.Storage.Names.IngestQueue);
        var texts = (await raw.PeekMessagesAsync(10)).Value.Select(m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Body.ToString()))).ToList();
        Assert.Equal(["finance/b.csv", "housing/a.csv"], texts.Select(t => QueueMessages.Read<IngestMessage>(t).BlobName).Order());
        Assert.Equal(etag.ToString().Trim('"'), texts.Select(QueueMessages.Read<IngestMessage>).Single(m => m.BlobName == "housing/a.csv").ETag.Trim('"'));

        await pipeline.IngestPump().DrainAsync(default);
        Assert.Equal(0, await gatherer.GatherAsync(default));

        await pipeline.DropAsync("housing/a.csv", $"{Header}\n{Row(School, "HC-01", "approved", "2026-03-02", "2026-03-14", completed: "2026-03-13")}\n");
        Assert.Equal(1, await gatherer.GatherAsync(default));
    }

    [Fact]
    public async Task A_message_for_a_replaced_version_is_dropped_and_the_new_version_is_gathered()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var old = await pipeline.DropAsync("housing/a.csv", $"{Header}\n");
        await pipeline.DropAsync("housing/a.csv", $"{Header}\n{Row(School, "HC-01", "in_review", "2026-03-02", "2026-03-13")}\n");

        Assert.Null(await pipeline.Get<SubmissionIngestor>().IngestAsync(new IngestMessage("housing/a.csv", old.ToString()), default));
        Assert.Equal(1, await pipeline.Get<SubmissionGatherer>().GatherAsync(default));
    }

    [Fact]
    public void Batches_hold_one_partition_and_at_most_100_operations_or_3_MiB()
    {
        static TableTransactionAction Add(string pk, int i, int size = 0) =>
            new(TableTransactionActionType.Add, new TableEntity(pk, $"r{i}") { ["Text"] = new string('x', size) });

        var actions = Enumerable.Range(0, 150).Select(i => Add("a", i))
            .Concat(Enumerable.Range(0, 30).Select(i => Add("b", i)))
            .Append(Add("a", 999))
            .ToList();
        var batches = TableBatches.Split(actions, _ => 1000).ToList();
        Assert.Equal([100, 51, 30], batches.Select(b => b.Count));
        Assert.All(batches, b => Assert.Single(b.Select(a => a.Entity.PartitionKey).Distinct()));

        var big = Enumerable.Range(0, 10).Select(i => Add("c", i, 400_000)).ToList();
        var bySize = TableBatches.Split(big, e => 2 * ((string)((TableEntity)e)["Text"]).Length).ToList();
        Assert.Equal([3, 3, 3, 1], bySize.Select(b => b.Count));
    }

    [Fact]
    public async Task A_message_that_is_not_base64_goes_to_poison_and_the_pump_goes_on_with_the_next()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var etag = await pipeline.DropAsync("housing/a.csv", $"{Header}\n{Row(School, "HC-01", "in_review", "2026-03-02", "2026-03-13")}\n");
        var raw = new QueueClient(AzuriteFixture.ConnectionString, pipeline.Storage.Names.IngestQueue);
        await raw.SendMessageAsync("{\"blobName\": \"housing/a.csv\", not base64 at all}");
        await pipeline.Storage.IngestQueue.SendMessageAsync(QueueMessages.Write(new IngestMessage("housing/a.csv", etag.ToString())));

        await pipeline.IngestPump().DrainAsync(default);

        Assert.Single(await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>().ToListAsync());
        Assert.Equal(0, await pipeline.CountAsync(pipeline.Storage.IngestQueue));
        var poisoned = Assert.Single((await pipeline.Storage.PoisonQueue(pipeline.Storage.IngestQueue).ReceiveMessagesAsync()).Value);
        Assert.Equal("{\"blobName\": \"housing/a.csv\", not base64 at all}", poisoned.Body.ToString());
    }

    [Fact]
    public async Task Two_files_of_the_same_data_date_keep_each_its_own_audit_row()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        const string Zhang = ScanAndSendTests.Zhang;
        string File(string status) => $"{ScanAndSendTests.Header}\n{School},学校,阿图什市,HC-01,{status},2026-03-02,{Zhang},2026-03-13\n";

        // The same data date, the same procedure: accepted by the morning's file, in review by the afternoon's.
        await pipeline.IngestAsync("housing/2026-03-13.csv", File("accepted"));
        await pipeline.IngestAsync("housing/2026-03-13-afternoon.csv", File("in_review"));

        var status = await pipeline.Get<HistoryLog>().ReadAsync<StatusChanged>(since: null, default).ToListAsync();
        Assert.Equal(
            [(null, "accepted"), ("accepted", "in_review")],
            status.OrderBy(h => h.To == ProcedureStatus.InReview).Select(h => (h.From?.Code(), h.To.Code()))
        );
        Assert.Equal(2, status.Select(h => h.Source).Distinct().Count());
    }

    [Fact]
    public async Task Audit_rows_written_again_by_a_retry_replace_themselves()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        List<HistoryEntity> Rows() =>
            [
                .. Enumerable
                    .Range(1, 3)
                    .Select(i =>
                        HistoryEntity.Change(
                            School,
                            $"HC-0{i}",
                            "status",
                            null,
                            "accepted",
                            new DateTimeOffset(2026, 3, 13, 0, 0, 0, TimeSpan.Zero),
                            "housing/a.csv",
                            "housing"
                        )
                    ),
            ];

        await TableBatches.InsertOrReplaceAsync(pipeline.Storage.History, Rows(), EntitySize.Estimate, default);
        await TableBatches.InsertOrReplaceAsync(pipeline.Storage.History, Rows(), EntitySize.Estimate, default); // a retried file

        Assert.Equal(3, await pipeline.Storage.History.QueryAsync<HistoryEntity>().CountAsync());
    }
}
