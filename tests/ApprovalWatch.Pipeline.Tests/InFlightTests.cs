using ApprovalWatch.Domain.Audit;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Receipts;
using ApprovalWatch.Pipeline.Ingestion;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Testing;
using Azure;
using Azure.Core;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>Files in flight: queued once, held while applied, retried once after a crash, never half-applied in silence.</summary>
[Collection(AzuriteCollection.Name)]
public class InFlightTests
{
    private const string School = "2022-653001-48-01-00123X";
    private static readonly string File =
        $"项目代码,审批事项,办理状态,受理日期,经办人邮箱,数据日期\n{School},HC-01,审查中,2026-03-02,a@b.org,2026-03-13\n{School},HC-02,受理,2026-03-10,a@b.org,2026-03-13\n";

    private static async Task<IngestClaimEntity?> ClaimAsync(TestPipeline pipeline, string blob) =>
        (await pipeline.Get<IngestClaims>().AllAsync(default)).GetValueOrDefault(blob);

    [Fact]
    public async Task A_file_waiting_in_the_queue_is_not_queued_again_on_every_tick()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.DropAsync("housing/big.csv", File);

        var ticks = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            ticks.Add((await pipeline.Functions.GatherSubmissionsAsync(default)).Queued);
        }

        Assert.Equal([1, 0, 0], ticks);
        Assert.Equal(1, await pipeline.CountAsync(pipeline.Storage.IngestQueue));
        Assert.Equal(IngestClaimEntity.Queued, (await ClaimAsync(pipeline, "housing/big.csv"))!.State);
    }

    [Fact]
    public async Task A_crashed_ingestions_claim_expires_and_the_file_is_queued_once_more()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var etag = await pipeline.DropAsync("housing/a.csv", File);
        await using (await pipeline.Get<IngestClaims>().HoldAsync("housing/a.csv", etag.ToString(), default))
        {
            // The ingestion stops here, as a killed process does: no receipt, no release.
        }

        Assert.Equal(IngestClaimEntity.Applying, (await ClaimAsync(pipeline, "housing/a.csv"))!.State);
        Assert.Equal(0, (await pipeline.Functions.GatherSubmissionsAsync(default)).Queued);

        pipeline.Clock.Now += IngestClaims.ApplyingLease + TimeSpan.FromSeconds(1);
        Assert.Equal(1, (await pipeline.Functions.GatherSubmissionsAsync(default)).Queued);
        Assert.Equal(0, (await pipeline.Functions.GatherSubmissionsAsync(default)).Queued);

        await pipeline.IngestPump().DrainAsync(default);

        Assert.Null(await ClaimAsync(pipeline, "housing/a.csv"));
        Assert.Equal(2, (await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>().ToListAsync()).Count);
        Assert.Equal(0, (await pipeline.Functions.GatherSubmissionsAsync(default)).Queued);
    }

    [Fact]
    public async Task An_ingestion_stopped_between_its_rows_and_their_audit_trail_writes_the_trail_on_its_retry()
    {
        // A new file's rows go in one batch and their audit rows in a second: the second meets an outage.
        var (failHistory, batches) = (false, 0);
        var policy = new FailingRequests(request =>
            failHistory && request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal) && Interlocked.Increment(ref batches) == 2);
        await using var pipeline = await TestPipeline.StartAsync(tablePolicy: policy);
        failHistory = true;
        var etag = await pipeline.DropAsync("housing/a.csv", File);
        var message = QueueMessages.Write(new IngestMessage("housing/a.csv", etag.ToString()));

        await Assert.ThrowsAsync<RequestFailedException>(() => pipeline.Functions.IngestSubmissionAsync(message, default));

        Assert.Equal(2, (await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>().ToListAsync()).Count);
        Assert.Empty(await pipeline.Storage.History.QueryAsync<HistoryEntity>().ToListAsync());
        Assert.Equal(IngestClaimEntity.Applying, (await ClaimAsync(pipeline, "housing/a.csv"))!.State);

        failHistory = false;
        var receipt = await pipeline.Functions.IngestSubmissionAsync(message, default);

        Assert.Equal((Receipt.AppliedStatus, 2), (receipt!.Status, receipt.Applied));
        var history = await pipeline.Get<HistoryLog>().ReadAsync<StatusChanged>(since: null, default).ToListAsync();
        Assert.Equal(
            [("HC-01", null, "in_review"), ("HC-02", null, "accepted")],
            history.Select(h => (h.Item, h.From?.Code(), h.To.Code())).Order().ToList()
        );
        Assert.Null(await ClaimAsync(pipeline, "housing/a.csv"));
    }
}
