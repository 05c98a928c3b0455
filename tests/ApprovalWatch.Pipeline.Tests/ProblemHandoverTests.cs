using System.Text.RegularExpressions;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.DevTools.Local;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>A problem assigned to a department is signed for (签收) or sent back (退单); sent back, the coordinator assigns it again.</summary>
[Collection(AzuriteCollection.Name)]
public partial class ProblemHandoverTests
{
    private const string Head = "liu.jianguo@kizilsu.example.org"; // housing's head
    private const string FinanceHead = "lin.tao@kizilsu.example.org";
    private const string Coordinator = "xu.ming@kizilsu.example.org";
    private const string Project = "2022-653001-48-01-00123X";

    private static Task<BoardAnswer> PostAsync(TestPipeline pipeline, string path, string principal, Dictionary<string, string> form) =>
        pipeline.Board.PostAsync(path, principal, form);

    private static string Body(BoardAnswer response) => response.Text;

    private static async Task<TestPipeline> TwoProblemsAsync()
    {
        var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("development-reform/register.csv", $"""
            project_code,project_name,county,nature,total_investment_wan,annual_plan_wan,leader_email,responsible_unit
            {Project},阿图什市新城学校建设项目,阿图什市,continuing,9000,3000,zheng.hai@kizilsu.example.org,housing
            """);
        await pipeline.IngestAsync("development-reform/problems.csv", $"""
            项目代码,问题编号,问题描述,责任部门,提出日期,办理时限（工作日）
            {Project},WT-1,施工图审查意见未回复,住房和城乡建设局,2026-03-13,20
            {Project},WT-2,配套资金未到位,住房和城乡建设局,2026-03-13,20
            """);
        return pipeline;
    }

    private static async Task<Dictionary<string, string>> LinksAsync(TestPipeline pipeline, string recipient)
    {
        await pipeline.NotifyPump().DrainAsync(default);
        var mail = pipeline.Mail.Received.Last(m => m.To == recipient).Html;
        return ProblemLinkPattern()
            .Matches(mail)
            .Select(m => m.Groups[1].Value[TestPipeline.BoardUrl.Length..])
            .Where(path => !path.Contains('?', StringComparison.Ordinal))
            .ToDictionary(path =>
                pipeline.Board.GetAsync(path, recipient).Result is var page && Body(page).Contains("WT-1", StringComparison.Ordinal) ? "WT-1" : "WT-2"
            );
    }

    [Fact]
    public async Task A_problem_far_from_due_reaches_its_head_to_sign_for_and_signed_it_leaves_his_digest()
    {
        await using var pipeline = await TwoProblemsAsync();
        await pipeline.ScanAsync();
        var links = await LinksAsync(pipeline, Head);

        var mail = pipeline.Mail.Received.Last(m => m.To == Head).Html;
        Assert.Contains(">签收</a>", mail);
        Assert.Matches("\\?return=1\" style=\"display:inline-block;[^\"]*\">退单</a>", mail); // two buttons: sign for it, or send it back
        Assert.Equal(403, (await pipeline.Board.GetAsync(links["WT-1"], FinanceHead)).Status); // another's link
        var signed = await PostAsync(pipeline, links["WT-1"], Head, new() { ["action"] = "sign" });
        Assert.Equal(200, signed.Status);
        Assert.Equal(409, (await PostAsync(pipeline, links["WT-1"], Head, new() { ["action"] = "return", ["reason"] = "x" })).Status); // once

        var row = (await pipeline.Storage.KeyProjects.GetEntityAsync<KeyProjectEntity>(Project, KeyProjectEntity.ProblemKey("WT-1"))).Value;
        Assert.Equal(("刘建国", "2026-03-16"), (row.SignedBy, row.SignedOn));
        Assert.Contains(
            await pipeline.Storage.History.QueryAsync<HistoryEntity>(h => h.PartitionKey == Project && h.Kind == "sign").ToListAsync(),
            h => h.To.Contains(Head, StringComparison.Ordinal)
        );
        Assert.Contains("签收：— → 经手人 刘建国", Body(await BoardTests.GetAsync(pipeline, "/projects/" + Project, Coordinator)));

        pipeline.Clock.Now = pipeline.Clock.Now.AddDays(1);
        var tuesday = await pipeline.ScanAsync(TestPipeline.Monday.AddDays(1));
        var digest = await pipeline.Get<Scanning.DigestStore>().ReadAsync(tuesday.Date, Head, default);
        Assert.DoesNotContain(digest.Lines, l => l.ItemCode == "problem|WT-1"); // signed, and not yet due soon
        var unsigned = Assert.IsType<Domain.Digests.ProblemLine>(digest.Lines.Single(l => l.ItemCode == "problem|WT-2"));
        Assert.True(unsigned.AwaitsSignature);
    }

    [Fact]
    public async Task A_problem_sent_back_goes_to_the_coordinator_who_assigns_it_again_and_the_report_counts_both()
    {
        await using var pipeline = await TwoProblemsAsync();
        await pipeline.ScanAsync();
        var links = await LinksAsync(pipeline, Head);

        Assert.Equal(400, (await PostAsync(pipeline, links["WT-2"], Head, new() { ["action"] = "return", ["reason"] = "  " })).Status); // a reason is needed
        Assert.Equal(200, (await PostAsync(pipeline, links["WT-2"], Head, new() { ["action"] = "return", ["reason"] = "配套资金属财政局" })).Status);

        var report = await pipeline.Functions.WeeklyReportAsync(new Domain.Weekly.ReportWeek(2026, 13), default);
        var housing = report.Report.Problems.ByDepartment.Single(d => d.Department == "housing");
        Assert.Equal((1, 1), (housing.Unsigned, housing.Returned));

        pipeline.Clock.Now = pipeline.Clock.Now.AddDays(1);
        var tuesday = await pipeline.ScanAsync(TestPipeline.Monday.AddDays(1));
        var digests = pipeline.Get<Scanning.DigestStore>();
        Assert.DoesNotContain((await digests.ReadAsync(tuesday.Date, Head, default)).Lines, l => l.ItemCode == "problem|WT-2");
        Assert.Contains((await digests.ReadAsync(tuesday.Date, Coordinator, default)).Lines, l => l.ItemCode == "problem|WT-2");

        var board = Body(await BoardTests.GetAsync(pipeline, "/board", Coordinator));
        Assert.Contains("配套资金属财政局", board);
        Assert.Equal(
            409,
            (
                await PostAsync(
                    pipeline,
                    "/problems/reassign",
                    Head,
                    new()
                    {
                        ["project"] = Project,
                        ["id"] = "WT-2",
                        ["department"] = "finance",
                    }
                )
            ).Status
        ); // not his to assign
        Assert.Equal(
            303,
            (
                await PostAsync(
                    pipeline,
                    "/problems/reassign",
                    Coordinator,
                    new()
                    {
                        ["project"] = Project,
                        ["id"] = "WT-2",
                        ["department"] = "finance",
                    }
                )
            ).Status
        );
        var row = (
            await pipeline.Storage.KeyProjects.GetEntityAsync<KeyProjectEntity>(Project, KeyProjectEntity.ProblemKey("WT-2"))
        ).Value.ToProblem();
        Assert.Equal(("finance", true, new DateOnly(2026, 3, 17)), (row.Department, row.AwaitsSignature, row.AssignedOn));
        Assert.Contains("to sign", Body(await BoardTests.GetAsync(pipeline, "/board?lang=en", FinanceHead)), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(await pipeline.Storage.History.QueryAsync<HistoryEntity>(h => h.PartitionKey == Project).ToListAsync(), h =>
            h.Kind == "reassign" && h.To.StartsWith("unit=finance", StringComparison.Ordinal)
        );
    }

    [GeneratedRegex("href=\"(http://board\\.test/problem/[^\"]+)\"")]
    private static partial Regex ProblemLinkPattern();
}
