namespace ApprovalWatch.Architecture.Tests;

/// <summary>The layers of the house, checked on every build of the tests: what the README's layout promises.</summary>
public class ShapeTests
{
    private static SourceGraph Graph => SourceGraph.Shipped;

    [Fact]
    public void No_namespace_depends_on_itself_through_others()
    {
        var cycles = Graph.Cycles();

        Assert.True(cycles.Count == 0, "Namespaces in a loop:\n" + string.Join("\n", cycles.Select(c => string.Join(", ", c) + "\n" + Graph.Describe(c))));
    }

    [Fact]
    public void The_domain_depends_on_nothing_but_itself() =>
        AssertNone(Graph.Breaking(ns => Under(ns, "ApprovalWatch.Domain"), to => Under(to, "ApprovalWatch.Domain")));

    [Fact]
    public void Presentation_depends_on_the_domain_only() =>
        AssertNone(
            Graph.Breaking(
                ns => Under(ns, "ApprovalWatch.Presentation"),
                to => Under(to, "ApprovalWatch.Domain") || Under(to, "ApprovalWatch.Presentation")
            )
        );

    [Fact]
    public void Mail_storage_links_and_events_depend_on_no_feature()
    {
        string[] bottom =
        [
            "ApprovalWatch.Pipeline.Storage",
            "ApprovalWatch.Pipeline.Mail",
            "ApprovalWatch.Pipeline.Links",
            "ApprovalWatch.Pipeline.Events",
            "ApprovalWatch.Pipeline.Telemetry",
        ];
        AssertNone(Graph.Breaking(
            ns => bottom.Contains(ns),
            to => Under(to, "ApprovalWatch.Domain") || Under(to, "ApprovalWatch.Presentation") || bottom.Contains(to)));
    }

    [Fact]
    public void The_pipeline_holds_no_pages_and_depends_on_no_host()
    {
        Assert.DoesNotContain(Graph.Namespaces, ns => Under(ns, "ApprovalWatch.Pipeline.Web"));
        AssertNone(Graph.Breaking(
            ns => Under(ns, "ApprovalWatch.Pipeline"),
            to => !Under(to, "ApprovalWatch.Board") && !Under(to, "ApprovalWatch.Functions") && !Under(to, "ApprovalWatch.Cli")));
    }

    /// <summary>
    /// In what ships: the development tool's benchmarks read the raw tables on purpose, beside the app's own reads, and the
    /// backup copies every table whole, row for row, whatever its rows mean. A table whose partitions hold different things
    /// names the owner of each (the ledger and the claims; the days scanned and the runs; the outbox's queueing and its sending).
    /// </summary>
    [Theory]
    [InlineData("Procedures", "ApprovalWatch.Pipeline.Storage.ProcedureTable")]
    [InlineData("KeyProjects", "ApprovalWatch.Pipeline.Storage.KeyProjectTable")]
    [InlineData("History", "ApprovalWatch.Pipeline.Storage.HistoryLog")]
    [InlineData("Projects", "ApprovalWatch.Pipeline.Storage.ProjectMeasureTable")]
    [InlineData("NoticeBook", "ApprovalWatch.Pipeline.Notices.NoticeBook")]
    [InlineData("Leave", "ApprovalWatch.Pipeline.Staff.LeaveRegister")]
    [InlineData("SubmissionLedger", "ApprovalWatch.Pipeline.Ingestion.IngestClaims", "ApprovalWatch.Pipeline.Ingestion.SubmissionLedger")]
    [InlineData("Scans", "ApprovalWatch.Pipeline.Scanning.ScanLog", "ApprovalWatch.Pipeline.Scanning.ScanRuns")]
    [InlineData("NotificationLedger", "ApprovalWatch.Pipeline.Mail.NotificationQueue", "ApprovalWatch.Pipeline.Mail.NotificationSender")]
    public void A_table_is_touched_by_its_owner_only(string table, params string[] owners) =>
        Assert.Equal(
            owners,
            Graph.MemberUses[$"StorageAccount.{table}"]
                .Where(user =>
                    !user.EndsWith(".StorageAccount", StringComparison.Ordinal)
                    && !Under(user, "ApprovalWatch.DevTools")
                    && user != "ApprovalWatch.Pipeline.Backup.TableBackup"
                )
        );

    [Fact]
    public void What_ships_depends_on_no_development_tool() =>
        AssertNone(
            Graph.Breaking(
                ns => !Under(ns, "ApprovalWatch.DevTools"),
                to => !Under(to, "ApprovalWatch.DevTools") && !Under(to, "ApprovalWatch.Testing")
            )
        );

    [Fact]
    public void The_operators_tool_holds_no_demo_bench_chaos_fuzz_sample_or_stand_in()
    {
        var cli = Path.Combine(Folders.Functions, "ApprovalWatch.Cli");
        string[] development = ["Demo", "Bench", "Chaos", "Fuzz", "Sample", "LocalSendGrid", "LocalChat", "LocalBoard", "Screenshot"];

        AssertNone(Directory.EnumerateFiles(cli, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .Where(name => development.Any(d => name!.Contains(d, StringComparison.Ordinal)))
            .OfType<string>()
            .ToList());
    }

    [Fact]
    public void The_graph_finds_a_loop_written_as_qualified_names_without_a_using()
    {
        var folder = Directory.CreateTempSubdirectory("shape-").FullName;
        try
        {
            File.WriteAllText(
                Path.Combine(folder, "A.cs"),
                "namespace ApprovalWatch.Sample.A;\npublic sealed class First { public ApprovalWatch.Sample.B.Second? Other { get; init; } }\n"
            );
            File.WriteAllText(
                Path.Combine(folder, "B.cs"),
                "namespace ApprovalWatch.Sample.B;\npublic sealed class Second { public static int Count() => new A.First().GetHashCode(); }\n"
            );

            var graph = SourceGraph.Read(folder);

            Assert.Equal(["ApprovalWatch.Sample.A", "ApprovalWatch.Sample.B"], Assert.Single(graph.Cycles()));
            Assert.Equal(["First"], graph.Edges[("ApprovalWatch.Sample.B", "ApprovalWatch.Sample.A")]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A namespace at or below <paramref name="root"/>; a project's top-level statements count as its root's.</summary>
    private static bool Under(string ns, string root) =>
        ns.Replace("global::", "", StringComparison.Ordinal) is var name && (name == root || name.StartsWith(root + ".", StringComparison.Ordinal));

    private static void AssertNone(IReadOnlyList<string> found) => Assert.True(found.Count == 0, string.Join("\n", found));
}
