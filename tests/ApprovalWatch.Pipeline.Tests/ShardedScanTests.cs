using System.Collections.Concurrent;
using System.Text.Json;
using ApprovalWatch.Domain.Scanning;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Scanning;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Testing;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ApprovalWatch.Pipeline.Tests;

[Collection(AzuriteCollection.Name)]
public class ShardedScanTests
{
    private const int Projects = 20;
    private static readonly DateOnly Tuesday = TestPipeline.Monday.AddDays(1);

    /// <summary>Housing procedures of <see cref="Projects"/> projects (1 to 3 each), some green, some due soon, some overdue, for three handlers.</summary>
    private static readonly string ManyProjects =
        string.Join(
            '\n',
            new[] { ScanAndSendTests.Header }.Concat(
                from project in Enumerable.Range(0, Projects)
                from procedure in Enumerable.Range(1, 1 + project % 3)
                let handler = new[] { ScanAndSendTests.Zhang, ScanAndSendTests.Wang, "ayigul.tursun@kizilsu.example.org" }[(project + procedure) % 3]
                select $"2026-653001-48-01-{project:D5}{project % 10},项目{project},阿图什市,HC-0{procedure},in_review,"
                    + $"2026-0{2 + project % 2}-{2 + project % 11:D2},{handler},2026-03-13"
            )
        ) + "\n";

    private static int ProcedureCount => Enumerable.Range(0, Projects).Sum(p => 1 + p % 3);

    private static string Code(int project) => $"2026-653001-48-01-{project:D5}{project % 10}";

    private static async Task<TestPipeline> StartAsync(
        int shardProcedures,
        HttpPipelinePolicy? tablePolicy = null,
        int linesPerRun = 4_000,
        int shardsInParallel = 4
    )
    {
        var pipeline = await TestPipeline.StartAsync(
            new Dictionary<string, string?>
            {
                ["Scan:ShardProcedures"] = $"{shardProcedures}",
                ["Scan:ShardLinesPerRun"] = $"{linesPerRun}",
                ["Scan:ShardsInParallel"] = $"{shardsInParallel}",
            },
            tablePolicy
        );
        var receipt = await pipeline.IngestAsync("housing/2026-03-13.csv", ManyProjects);
        Assert.True(ProcedureCount == receipt.Applied, string.Join("; ", receipt.Errors.Select(e => $"{e.Line} {e.Column} {e.Reason}")));
        return pipeline;
    }

    private static async Task<SortedDictionary<string, string>> DigestsAsync(TestPipeline pipeline, DateOnly day)
    {
        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (
            var blob in pipeline.Storage.Digests.GetBlobsAsync(
                Azure.Storage.Blobs.Models.BlobTraits.None,
                Azure.Storage.Blobs.Models.BlobStates.None,
                IsoDate.Format(day) + "/",
                default
            )
        )
        {
            digests[blob.Name] = (await pipeline.Storage.Digests.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString();
        }

        return digests;
    }

    private static async Task<List<string>> FlagsAsync(TestPipeline pipeline) =>
        (await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>().ToListAsync()).Select(p => $"{p.PartitionKey} {p.RowKey} {p.Flag} {p.DueOn}").ToList();

    private static async Task<List<string>> MessagesAsync(TestPipeline pipeline)
    {
        var messages = await pipeline.Storage.ScanQueue.ReceiveMessagesAsync(32);
        return messages.Value.Select(m => m.Body.ToString()).OrderBy(m => QueueMessages.Read<ScanShardMessage>(m).Shard).ToList();
    }

    [Fact]
    public async Task A_sharded_scan_makes_the_same_digests_flags_and_counts_as_a_scan_in_one_shard()
    {
        await using var one = await StartAsync(shardProcedures: 1_000_000);
        await using var many = await StartAsync(shardProcedures: 4, linesPerRun: 3); // each shard's lines in several sorted runs

        foreach (var day in new[] { TestPipeline.Monday, Tuesday }) // the census of the first run, then the plan it left
        {
            var single = await one.ScanAsync(day);
            var sharded = await many.ScanAsync(day);

            Assert.Equal(1, single.Shards);
            Assert.InRange(sharded.Shards, 6, Projects);
            Assert.NotEmpty(await DigestsAsync(one, day));
            Assert.Equal(await DigestsAsync(one, day), await DigestsAsync(many, day));
            Assert.Equal(JsonSerializer.Serialize(single.Counts), JsonSerializer.Serialize(sharded.Counts));
            Assert.Equal((single.Queued, single.Digests.Count), (sharded.Queued, sharded.Digests.Count));
        }

        Assert.Equal(await FlagsAsync(one), await FlagsAsync(many));
        Assert.Equal(
            (await one.Storage.History.QueryAsync<HistoryEntity>().ToListAsync()).Count,
            (await many.Storage.History.QueryAsync<HistoryEntity>().ToListAsync()).Count);
    }

    [Fact]
    public async Task Shards_begin_at_a_project_so_that_no_project_is_measured_in_two()
    {
        await using var pipeline = await StartAsync(shardProcedures: 4);

        var scan = await pipeline.ScanAsync();

        var projects = (await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>().ToListAsync())
            .GroupBy(p => p.PartitionKey)
            .ToDictionary(g => g.Key, g => g.Count());
        var shards = await pipeline.Get<ScanRuns>().ShardsAsync(scan.Run!, default);
        Assert.Equal(scan.Shards, shards.Count);
        foreach (var shard in shards)
        {
            var inRange = projects
                .Where(p => string.CompareOrdinal(p.Key, shard.From) >= 0 && (shard.To is null || string.CompareOrdinal(p.Key, shard.To) < 0))
                .ToList();
            Assert.NotEmpty(inRange);
            Assert.Equal(inRange.Sum(p => p.Value), JsonSerializer.Deserialize<ScanCounts>(shard.Counts, StorageJson.Compact)!.Procedures);
        }

        Assert.Equal(ProcedureCount, scan.Counts.Procedures);
        var next = await pipeline.Get<ScanRuns>().BoundariesAsync(default);
        Assert.NotEmpty(next!);
        Assert.All(next!, boundary => Assert.Contains(boundary, projects.Keys));
    }

    [Fact]
    public async Task Empty_shards_finish_with_nothing_and_the_day_is_planned()
    {
        await using var pipeline = await StartAsync(shardProcedures: 1_000_000);
        var preview = await pipeline.Get<DeadlineScanner>().PreviewAsync(null, default);
        await pipeline.Get<ScanRuns>().SaveBoundariesAsync(["0000", Code(7), "9999"], TestPipeline.Monday, default); // before, among and after the projects

        var scan = await pipeline.ScanAsync();

        Assert.Equal(4, scan.Shards);
        var shards = await pipeline.Get<ScanRuns>().ShardsAsync(scan.Run!, default);
        var beforeSeventh = Enumerable.Range(0, 7).Sum(p => 1 + p % 3);
        Assert.Equal(
            [0, beforeSeventh, ProcedureCount - beforeSeventh, 0],
            shards.Select(s => JsonSerializer.Deserialize<ScanCounts>(s.Counts, StorageJson.Compact)!.Procedures)
        );
        Assert.Equal(preview.Digests.Select(d => (d.RecipientEmail, d.Red, d.Yellow)), scan.Digests.Select(d => (d.RecipientEmail, d.Red, d.Yellow)));
        Assert.Equal(preview.Digests.Count, await pipeline.CountAsync(pipeline.Storage.NotifyQueue));
    }

    [Fact]
    public async Task A_shard_delivered_twice_measures_once_and_the_day_is_planned_once()
    {
        await using var pipeline = await StartAsync(shardProcedures: 4);
        var start = await pipeline.Functions.ScanDeadlinesAsync(null, default);
        var messages = await MessagesAsync(pipeline);
        Assert.Equal(start.Shards, messages.Count);
        var functions = pipeline.Functions;

        Assert.Null(await functions.ScanShardAsync(messages[0], default));
        var history = (await pipeline.Storage.History.QueryAsync<HistoryEntity>().ToListAsync()).Select(h => (h.PartitionKey, h.RowKey, h.Timestamp)).ToList();
        var procedures = (await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>().ToListAsync()).Select(p => p.ETag).ToList();
        Assert.Null(await functions.ScanShardAsync(messages[0], default)); // delivered again
        Assert.Equal(history, (await pipeline.Storage.History.QueryAsync<HistoryEntity>().ToListAsync()).Select(h => (h.PartitionKey, h.RowKey, h.Timestamp)));
        Assert.Equal(procedures, (await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>().ToListAsync()).Select(p => p.ETag));

        foreach (var message in messages.Skip(1).SkipLast(1))
        {
            Assert.Null(await functions.ScanShardAsync(message, default));
        }

        Assert.Equal(0, await pipeline.CountAsync(pipeline.Storage.NotifyQueue)); // nothing planned before the last shard
        var result = await functions.ScanShardAsync(messages[^1], default);
        Assert.NotNull(result);
        Assert.True(result.Queued > 0);
        foreach (var message in messages)
        {
            Assert.Null(await functions.ScanShardAsync(message, default)); // the whole run delivered again
        }

        Assert.Equal(result.Queued, await pipeline.CountAsync(pipeline.Storage.NotifyQueue));
    }

    [Fact]
    public async Task Of_the_last_shards_finishing_together_exactly_one_plans_the_day()
    {
        var runReads = new PairedResponses(
            r => r.Method == RequestMethod.Get && Uri.UnescapeDataString(r.Uri.ToString()).Contains("(PartitionKey='run',", StringComparison.Ordinal),
            pairs: 2
        );
        await using var pipeline = await StartAsync(shardProcedures: 1_000_000, runReads);
        await pipeline.Get<ScanRuns>().SaveBoundariesAsync([Code(10)], TestPipeline.Monday, default);
        await pipeline.Functions.ScanDeadlinesAsync(null, default);
        var messages = await MessagesAsync(pipeline);
        Assert.Equal(2, messages.Count);

        // Both read the run before either marks its shard finished: one update wins, the other meets a changed ETag and reads again.
        var results = await Task.WhenAll(messages.Select(m => pipeline.Functions.ScanShardAsync(m, default)));

        Assert.True(runReads.Conflicts >= 1);
        var planned = Assert.Single(results, r => r is not null)!;
        Assert.Equal(2, planned.Shards);
        Assert.Equal(planned.Queued, await pipeline.CountAsync(pipeline.Storage.NotifyQueue));
        Assert.Equal(planned.Queued, (await pipeline.Storage.NotificationLedger.QueryAsync<NotificationEntity>().ToListAsync()).Count);
    }

    [Fact]
    public async Task The_scans_read_of_the_columns_it_needs_keeps_each_rows_etag_so_that_its_writes_stay_conditional()
    {
        await using var pipeline = await StartAsync(shardProcedures: 1_000_000);
        var whole = await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>().ToListAsync();
        var projected = await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>(select: ProcedureEntity.ScanColumns).ToListAsync();

        Assert.Equal(whole.Select(e => (e.PartitionKey, e.RowKey, e.ETag)), projected.Select(e => (e.PartitionKey, e.RowKey, e.ETag)));
        Assert.All(projected, e => Assert.NotEqual(default, e.ETag));
        Assert.All(projected, e => Assert.Equal("", e.SourceHash));
        Assert.Equal(whole.Select(e => e.ToProcedure().Pauses.Count), projected.Select(e => e.ToProcedure().Pauses.Count));
    }

    [Fact]
    public async Task Runs_are_read_back_packed_or_as_written_before_runs_were_packed()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var lines = pipeline.Get<ShardLines>();
        var routed = new Domain.Digests.RoutedLine(
            ScanAndSendTests.Zhang,
            Domain.Digests.DigestReason.Handler,
            TestLines.Procedure("HC-01", ScanAndSendTests.Zhang, Domain.Deadlines.Flag.Red, -2)
        );
        await lines.WriteRunAsync("2026-03-16-run", 0, 0, [routed, routed with { To = ScanAndSendTests.Wang }], default);
        await pipeline
            .Storage.Digests.GetBlobClient("lines/2026-03-16-run/00001/00000.jsonl")
            .UploadAsync(BinaryData.FromString(JsonSerializer.Serialize(routed, StorageJson.Compact) + "\n"));

        var read = new List<Domain.Digests.RoutedLine>();
        foreach (var run in await lines.ReadRunsAsync("2026-03-16-run", default))
        {
            read.AddRange(await run.ToListAsync());
        }

        Assert.Equal([ScanAndSendTests.Zhang, ScanAndSendTests.Wang, ScanAndSendTests.Zhang], read.Select(l => l.To));
        Assert.All(read, l => Assert.Equal("HC-01", l.Line.ItemCode));
    }

    [Fact]
    public async Task An_instance_measures_no_more_shards_at_once_than_configured()
    {
        var reading = new ConcurrentReads(r =>
            r.Method == RequestMethod.Get
            && Uri.UnescapeDataString(r.Uri.ToString()) is var uri
            && uri.Contains("/Procedures", StringComparison.Ordinal)
            && (uri.Contains("PartitionKey ge", StringComparison.Ordinal) || uri.Contains("PartitionKey lt", StringComparison.Ordinal))
        );
        await using var pipeline = await StartAsync(shardProcedures: 4, reading, shardsInParallel: 2);
        await pipeline.Get<ScanRuns>().SaveBoundariesAsync([Code(4), Code(8), Code(12), Code(16)], TestPipeline.Monday, default);
        await pipeline.Functions.ScanDeadlinesAsync(null, default);
        var messages = await MessagesAsync(pipeline);
        Assert.Equal(5, messages.Count);

        var results = await Task.WhenAll(messages.Select(m => pipeline.Functions.ScanShardAsync(m, default)));

        Assert.Equal(2, reading.Most);
        Assert.Equal(ProcedureCount, Assert.Single(results, r => r is not null)!.Counts.Procedures);
    }

    /// <summary>Counts the requests it picks that are in flight at once, each held a moment so that overlaps show.</summary>
    private sealed class ConcurrentReads(Func<Request, bool> picks) : HttpPipelinePolicy
    {
        private int _now;

        public int Most { get; private set; }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (!picks(message.Request))
            {
                await ProcessNextAsync(message, pipeline);
                return;
            }

            lock (this)
            {
                Most = Math.Max(Most, ++_now);
            }

            try
            {
                await Task.Delay(100);
                await ProcessNextAsync(message, pipeline);
            }
            finally
            {
                lock (this)
                {
                    _now--;
                }
            }
        }
    }

    [Fact]
    public async Task A_shard_that_fails_is_tried_again_alone_and_the_day_comes_out_whole()
    {
        var queries = new ConcurrentBag<string>();
        var failed = 0;
        var failOneShard = new FailingRequests(r =>
        {
            var uri = Uri.UnescapeDataString(r.Uri.ToString());
            if (
                r.Method != RequestMethod.Get
                || !uri.Contains("PartitionKey ge", StringComparison.Ordinal)
                || !uri.Contains("/Procedures", StringComparison.Ordinal)
            )
            {
                return false;
            }

            queries.Add(uri[uri.IndexOf("$filter", StringComparison.Ordinal)..]);
            return Interlocked.Exchange(ref failed, 1) == 0;
        });
        await using var reference = await StartAsync(shardProcedures: 1_000_000);
        await using var pipeline = await StartAsync(shardProcedures: 4, failOneShard);

        var scan = await pipeline.ScanAsync();

        var tries = queries.GroupBy(q => q).Select(g => g.Count()).ToList();
        Assert.Equal(scan.Shards - 1, tries.Count); // every shard but the first (which has no lower bound) queried by range
        Assert.Single(tries, 2);
        Assert.All(tries, t => Assert.InRange(t, 1, 2));
        await reference.ScanAsync();
        Assert.Equal(await DigestsAsync(reference, TestPipeline.Monday), await DigestsAsync(pipeline, TestPipeline.Monday));
        Assert.Equal(0, await pipeline.CountAsync(pipeline.Storage.PoisonQueue(pipeline.Storage.ScanQueue)));
    }

    [Fact]
    public void Shards_are_cut_at_the_first_segment_past_the_target_and_cover_every_key()
    {
        Assert.Equal(["c", "e"], ShardRange.Cut([("a", 3), ("b", 2), ("c", 4), ("d", 1), ("e", 1)], target: 5));
        Assert.Empty(ShardRange.Cut([("a", 30)], target: 5));
        Assert.Equal([new ShardRange("", null)], ShardRange.Between([]));
        Assert.Equal([new ShardRange("", "c"), new ShardRange("c", "e"), new ShardRange("e", null)], ShardRange.Between(["e", "c", "c"]));
        Assert.Null(ShardRange.All.Filter);
        Assert.Equal("PartitionKey ge 'c' and PartitionKey lt 'e'", new ShardRange("c", "e").Filter);
    }

    /// <summary>Holds the responses to the requests it picks in pairs: each of the first <paramref name="pairs"/> pairs is answered to both only once
    /// both were answered by the store. Counts 412 answers.</summary>
    private sealed class PairedResponses(Func<Request, bool> picks, int pairs) : HttpPipelinePolicy
    {
        private readonly TaskCompletionSource[] _pairs = Enumerable
            .Range(0, pairs)
            .Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))
            .ToArray();
        private int _picked;
        private int _conflicts;

        public int Conflicts => _conflicts;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (message.Response.Status == 412)
            {
                Interlocked.Increment(ref _conflicts);
            }

            if (picks(message.Request) && Interlocked.Increment(ref _picked) - 1 is var n && n < _pairs.Length * 2)
            {
                if (n % 2 == 1)
                {
                    _pairs[n / 2].SetResult();
                }
                else
                {
                    await _pairs[n / 2].Task.WaitAsync(TimeSpan.FromSeconds(30));
                }
            }
        }
    }
}
