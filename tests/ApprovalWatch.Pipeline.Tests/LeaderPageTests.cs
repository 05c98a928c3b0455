namespace ApprovalWatch.Pipeline.Tests;

/// <summary>What a leader in charge reads in a minute: his own projects, why each is late, and the item by name with today's figure.</summary>
[Collection(AzuriteCollection.Name)]
public class LeaderPageTests
{
    private const string Leader = "zhao.deming@kizilsu.example.org";
    private const string Other = "zhou.lixin@kizilsu.example.org";
    private const string Coordinator = "xu.ming@kizilsu.example.org";

    [Fact]
    public async Task A_leader_lands_on_his_own_projects_red_first_each_late_item_by_name_with_todays_days_late()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync(
            "housing/2026-03-13.csv",
            ScanAndSendTests.Header + ",paused_from,pause_reason\n"
                + $"2025-653024-50-02-123456,乌恰县幼儿园项目,乌恰县,HC-01,in_review,2026-02-05,{ScanAndSendTests.Zhang},2026-03-13,,\n"
                + $"2023-653022-48-01-004175,阿克陶县城区基础设施配套建设项目,阿克陶县,HC-01,paused,2026-02-05,{ScanAndSendTests.Zhang},2026-03-13,"
                + "2026-03-02,补正材料：申请人需补充供水设计图纸\n"
                + $"2022-653001-48-01-00123X,阿图什市新城学校建设项目,阿图什市,HC-01,in_review,2026-02-05,{ScanAndSendTests.Zhang},2026-03-13,,\n"
        );
        await pipeline.IngestAsync("development-reform/register.csv", $"""
            project_code,project_name,county,nature,total_investment_wan,annual_plan_wan,leader_email,responsible_unit
            2025-653024-50-02-123456,乌恰县幼儿园项目,乌恰县,continuing,900,300,{Leader},housing
            2023-653022-48-01-004175,阿克陶县城区基础设施配套建设项目,阿克陶县,continuing,900,300,{Leader},housing
            2022-653001-48-01-00123X,阿图什市新城学校建设项目,阿图什市,continuing,9000,3000,{Other},housing
            """);
        await pipeline.ScanAsync();
        await pipeline.Functions.WeeklyReportAsync(new Domain.Weekly.ReportWeek(2026, 12), default);

        Assert.Equal("/mine", (await pipeline.Board.GetAsync("/", Leader)).Headers["Location"]);
        Assert.Equal("/board", (await pipeline.Board.GetAsync("/", Coordinator)).Headers["Location"]);
        var mine = (await pipeline.Board.GetAsync("/mine", Leader)).Text;
        Assert.Contains("乌恰县幼儿园项目", mine);
        Assert.DoesNotContain("阿图什市新城学校建设项目", mine); // another leader's
        Assert.Contains("施工图设计文件审查", mine); // the item by name, not HC-01
        Assert.DoesNotContain(">HC-01", mine);
        Assert.Contains("超期 8 个工作日", mine); // today's figure (Monday), as the digest says it
        Assert.Contains("负责人 刘建国", mine);
        Assert.Contains("暂停：补正材料：申请人需补充供水设计图纸", mine); // the clerk's pause reason
        Assert.True(mine.IndexOf("乌恰县幼儿园项目", StringComparison.Ordinal) < mine.IndexOf("阿克陶县城区", StringComparison.Ordinal)); // the latest first

        await pipeline.NotifyPump().DrainAsync(default);
        Assert.All(pipeline.Mail.Received.Where(m => m.Html.Length > 0), m => Assert.Contains("name=\"viewport\"", m.Html));
        var head = pipeline.Mail.Received.First(m => m.To == "liu.jianguo@kizilsu.example.org" && m.Subject.Contains("审批时限提醒", StringComparison.Ordinal));
        Assert.Contains("张伟", head.Html);
        Assert.DoesNotContain(ScanAndSendTests.Zhang, head.Html); // the handler by name, not his address
    }

    [Fact]
    public async Task Chinese_pages_name_procedures_and_never_leave_a_bare_code_in_running_text()
    {
        await using var pipeline = await NoticeTests.StartAsync();
        await pipeline.IngestAsync("development-reform/register.csv", $"""
            project_code,project_name,county,nature,total_investment_wan,annual_plan_wan,leader_email,responsible_unit
            2025-653024-50-02-123456,乌恰县幼儿园项目,乌恰县,continuing,900,300,{Leader},housing
            """);
        await pipeline.ScanAsync();
        await pipeline.Functions.WeeklyReportAsync(new Domain.Weekly.ReportWeek(2026, 12), default);

        (string Path, string Who)[] pages =
            [("/mine", Leader), ("/board", Coordinator), ("/checks", Coordinator), ("/notices/2026/1", Leader), ("/notices", Leader)];
        foreach (var (path, who) in pages)
        {
            var page = await pipeline.Board.GetAsync(path, who);
            Assert.Equal(200, page.Status);
            // What a reader reads: the text outside tags, and outside the muted notes where a code stands beside its name.
            var text = System.Text.RegularExpressions.Regex.Replace(page.Text, "<span class=\"muted\">[^<]*</span>|<[^>]+>", " ");
            Assert.DoesNotMatch(@"\b[A-Z]{2}-[0-9]{2}\b", text);
        }
    }
}
