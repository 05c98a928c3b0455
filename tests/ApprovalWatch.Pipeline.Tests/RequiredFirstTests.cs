using ApprovalWatch.Testing;
namespace ApprovalWatch.Pipeline.Tests;

/// <summary>An approval whose required procedure was not accepted is applied, and its file's receipt says so.</summary>
[Collection(AzuriteCollection.Name)]
public class RequiredFirstTests
{
    [Fact]
    public async Task A_construction_permit_approved_before_the_works_planning_permit_was_accepted_is_told_in_the_receipt()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        const string header = ScanAndSendTests.Header + ",completed_on\n";

        var permit = await pipeline.IngestAsync("housing/2026-03-13.csv", header
            + $"2022-653001-48-01-00123X,学校,阿图什市,HC-01,approved,2026-02-02,{ScanAndSendTests.Zhang},2026-03-13,2026-02-20\n"
            + $"2022-653001-48-01-00123X,学校,阿图什市,HC-02,approved,2026-02-23,{ScanAndSendTests.Zhang},2026-03-13,2026-03-04\n");

        Assert.Equal((2, 0), (permit.Applied, permit.Rejected));
        var note = Assert.Single(permit.Notes, n => n.Both().Contains("前置事项", StringComparison.Ordinal));
        Assert.StartsWith("第 3 行：2022-653001-48-01-00123X HC-02 2026-03-04 办结时，其前置事项 NR-03 尚未受理", note.Chinese()); // HC-01 is there, and before

        var planning = await pipeline.IngestAsync("natural-resources/2026-03-13.csv", header
            + $"2022-653001-48-01-00123X,学校,阿图什市,NR-03,approved,2026-02-09,li.na@kizilsu.example.org,2026-03-13,2026-02-16\n");
        // The works permit needs the land-use permit first.
        Assert.Contains(planning.Notes, n => n.Both().Contains("NR-03 2026-02-16 办结时，其前置事项 NR-02 尚未受理", StringComparison.Ordinal));
        var lateWorksPermit = await pipeline.IngestAsync("natural-resources/2026-03-15.csv", header
            + $"2022-653001-48-01-00123X,学校,阿图什市,NR-02,approved,2026-03-09,li.na@kizilsu.example.org,2026-03-13,2026-03-12\n");
        // On this department's receipt too.
        Assert.Contains(lateWorksPermit.Notes, n => n.Both().Contains("NR-03 2026-02-16 办结时，其前置事项 NR-02 尚未受理", StringComparison.Ordinal));
        var inOrder = await pipeline.IngestAsync("natural-resources/2026-03-14.csv", header
            + $"2024-653023-52-01-000882,市场,阿合奇县,NR-01,approved,2026-01-05,li.na@kizilsu.example.org,2026-03-13,2026-01-20\n"
            + $"2024-653023-52-01-000882,市场,阿合奇县,NR-02,approved,2026-01-21,li.na@kizilsu.example.org,2026-03-13,2026-02-02\n");
        Assert.DoesNotContain(inOrder.Notes, n => n.Both().Contains("前置事项", StringComparison.Ordinal));
    }
}
