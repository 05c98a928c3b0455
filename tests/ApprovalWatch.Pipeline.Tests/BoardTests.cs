using System.Text.RegularExpressions;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Board;
using ApprovalWatch.DevTools.Local;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Pipeline.Tests;

[Collection(AzuriteCollection.Name)]
public partial class BoardTests
{
    private const string Zhang = ScanAndSendTests.Zhang;
    private const string Head = "liu.jianguo@kizilsu.example.org";
    private const string Coordinator = "xu.ming@kizilsu.example.org";

    internal static Task<BoardAnswer> GetAsync(TestPipeline pipeline, string pathAndQuery, string? principal) =>
        pipeline.Board.GetAsync(pathAndQuery, principal);

    private static Task<BoardAnswer> PostAsync(TestPipeline pipeline, string path, string principal, Dictionary<string, string> form) =>
        pipeline.Board.PostAsync(path, principal, form);

    private static string Body(BoardAnswer response) => response.Text;

    [Fact]
    public async Task Who_sees_what_comes_from_the_directory()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);
        await pipeline.ScanAsync();

        Assert.Equal(403, (await GetAsync(pipeline, "/board", "stranger@example.org")).Status);
        Assert.Equal(403, (await GetAsync(pipeline, "/board", null)).Status);
        Assert.Equal(403, (await GetAsync(pipeline, "/board", "ma.li@kizilsu.example.org")).Status); // a department contact sends files, sees no board
        var foreign = await GetAsync(pipeline, "/projects/2022-653001-48-01-00123X", "he.li@kizilsu.example.org"); // a finance handler: a housing project
        var missing = await GetAsync(pipeline, "/projects/2022-653001-48-01-99999X", "he.li@kizilsu.example.org");
        Assert.Equal((404, Body(missing)), (foreign.Status, Body(foreign))); // not his and not there are one answer

        var own = await GetAsync(pipeline, "/projects/2022-653001-48-01-00123X", Zhang);
        Assert.Equal(200, own.Status);
        Assert.Contains("<svg", Body(own));
        var financeList = Body(await GetAsync(pipeline, "/procedures?department=housing", "he.li@kizilsu.example.org"));
        Assert.DoesNotContain("HC-01", financeList); // held to his own department whatever he asks
        var board = Body(await GetAsync(pipeline, "/board", Coordinator));
        Assert.Contains("/procedures?county=", board);
        var headers = (await GetAsync(pipeline, "/board", Coordinator)).Headers.ToDictionary();
        Assert.Equal(Answer.ContentSecurityPolicy, headers["Content-Security-Policy"]);
        Assert.StartsWith("max-age=", headers["Strict-Transport-Security"]);
    }

    [Fact]
    public async Task Chinese_pages_say_reasons_scopes_people_and_history_in_chinese_and_english_ones_in_english()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);
        await pipeline.IngestAsync("development-reform/register.csv", """
            project_code,project_name,county,nature,total_investment_wan,annual_plan_wan,leader_email,responsible_unit
            2025-653024-50-02-123456,乌恰县幼儿园项目,乌恰县,continuing,900,300,zhou.lixin@kizilsu.example.org,housing
            2022-653001-48-01-00123X,阿图什市新城学校建设项目,阿图什市,continuing,9000,3000,zheng.hai@kizilsu.example.org,housing
            """);
        await pipeline.IngestAsync("development-reform/problems.csv", """
            项目代码,问题编号,问题描述,责任部门,提出日期,办理时限（工作日）
            2022-653001-48-01-00123X,WT-1,施工图审查意见未回复,住房和城乡建设局,2026-02-24,5
            """);
        await pipeline.ScanAsync();
        await pipeline.Functions.WeeklyReportAsync(new Domain.Weekly.ReportWeek(2026, 13), default);

        var chinese = Body(await GetAsync(pipeline, "/projects/2022-653001-48-01-00123X", Coordinator));
        Assert.Contains("包联领导 郑海", chinese);
        Assert.Contains("<td>审批全流程（首次受理至施工许可）</td>", chinese);
        Assert.Contains("HC-01 ", chinese);
        Assert.Contains("标识：— → 超期", chinese);
        Assert.Contains("项目数据：— → 性质 续建，年度计划（万元） 3000，总投资（万元） 9000，包联领导 郑海，责任单位 住房和城乡建设局", chinese);
        Assert.Contains("办理状态：— → 审查中", chinese);
        foreach (var word in new[] { "zheng.hai@", ">process<", "stage-", "flag:", "key-project", "in_review", "overdue" })
        {
            Assert.DoesNotContain(word, chinese);
        }

        var board = Body(await GetAsync(pipeline, "/board", Coordinator));
        Assert.Matches("超期 [0-9]+ 个工作日", board);
        Assert.DoesNotContain("working days", board);
        var list = Body(await GetAsync(pipeline, "/procedures?department=housing", Coordinator));
        Assert.Matches("<td>HC-01 [^<a-zA-Z]+</td>", list);

        var english = Body(await GetAsync(pipeline, "/projects/2022-653001-48-01-00123X?lang=en", Coordinator));
        Assert.Contains("leader in charge 郑海", english);
        Assert.Contains("whole approval process", english);
        Assert.Contains("flag: — → overdue", english);
        Assert.Matches("overdue [0-9]+ working days", Body(await GetAsync(pipeline, "/board?lang=en", Coordinator)));
    }

    [Fact]
    public async Task The_list_pages_on_the_server_and_a_page_follows_from_the_last()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var rows = Enumerable.Range(0, 130).Select(i => $"2026-653001-48-01-{i:D5}{i % 10},项目{i},阿图什市,HC-01,in_review,2026-03-0{2 + i % 5},{Zhang},2026-03-13");
        await pipeline.IngestAsync("housing/many.csv", ScanAndSendTests.Header + "\n" + string.Join('\n', rows) + "\n");

        var seen = new List<string>();
        string? next = "/api/procedures?department=housing";
        var pages = 0;
        while (next is not null)
        {
            var page = System.Text.Json.JsonDocument.Parse((await GetAsync(pipeline, next, Coordinator)).Body).RootElement;
            var codes = page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("projectCode").GetString()!).ToList();
            Assert.InRange(codes.Count, 1, ProcedureListPage.PageSize);
            seen.AddRange(codes);
            pages++;
            next =
                page.TryGetProperty("next", out var more) && more.GetString() is { } token
                    ? $"/api/procedures?department=housing&page={Uri.EscapeDataString(token)}"
                    : null;
        }

        Assert.Equal(3, pages);
        Assert.Equal(130, seen.Distinct().Count());
        Assert.Equal(130, seen.Count);
    }

    [Fact]
    public async Task A_leaders_list_holds_every_project_of_his_however_many_across_pages_and_the_export()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        const string leader = "zheng.hai@kizilsu.example.org";
        var codes = Enumerable.Range(0, 33).Select(i => $"2026-653001-48-01-{i:D5}{i % 10}").ToList();
        await pipeline.IngestAsync(
            "housing/leader.csv",
            ScanAndSendTests.Header
                + "\n"
                + string.Join('\n', codes.Select((c, i) => $"{c},项目{i},阿图什市,HC-01,in_review,2026-03-02,{Zhang},2026-03-13"))
                + "\n"
        );
        foreach (var code in codes.Take(30))
        {
            await pipeline.Storage.KeyProjects.AddEntityAsync(
                KeyProjectEntity.From(
                    new Domain.Projects.RegisteredProject
                    {
                        Code = code,
                        Name = code,
                        County = "阿图什市",
                        Nature = Domain.Projects.ProjectNature.Continuing,
                        LeaderEmail = leader,
                        ResponsibleUnit = "housing",
                        AsOf = TestPipeline.Monday,
                    },
                    "register.csv"
                )
            );
        }

        var seen = new List<string>();
        string? next = $"/api/procedures?leader={leader}";
        while (next is not null)
        {
            var page = System.Text.Json.JsonDocument.Parse((await GetAsync(pipeline, next, Coordinator)).Body).RootElement;
            seen.AddRange(page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("projectCode").GetString()!));
            next =
                page.TryGetProperty("next", out var more) && more.GetString() is { } token
                    ? $"/api/procedures?leader={leader}&page={Uri.EscapeDataString(token)}"
                    : null;
        }

        Assert.Equal(codes.Take(30).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        var export = await pipeline.Get<ProcedureListPage>().ExportAsync(new ProcedureListPage.Filters(null, null, null, leader, null), default);
        var exported = new List<string>();
        using (var reader = ExcelDataReader.ExcelReaderFactory.CreateReader(new MemoryStream(export)))
        {
            reader.Read(); // the header
            while (reader.Read())
            {
                exported.Add(reader.GetString(0));
            }
        }

        Assert.Equal(codes.Take(30).Order(StringComparer.Ordinal), exported.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_acknowledgement_holds_the_line_and_tells_the_superior_and_a_bad_token_changes_nothing()
    {
        var (pipeline, path) = await AckLinkOfZhangAsync();
        await using var _ = pipeline;

        Assert.Equal(403, (await GetAsync(pipeline, path, "wang.lei@kizilsu.example.org")).Status); // foreign: another's link
        Assert.Equal(400, (await GetAsync(pipeline, path[..^3] + "AAA", Zhang)).Status); // tampered
        var form = await GetAsync(pipeline, path, Zhang);
        Assert.Equal(200, form.Status);
        Assert.Contains("type=\"date\"", Body(form));
        Assert.Equal(400, (await PostAsync(pipeline, path, Zhang, new() { ["promised"] = "2026-03-21" })).Status); // a Saturday
        var recorded = await PostAsync(pipeline, path, Zhang, new() { ["promised"] = "2026-03-18", ["note"] = "<b>图审已补正</b>" });
        Assert.Equal(200, recorded.Status);
        Assert.Equal(409, (await PostAsync(pipeline, path, Zhang, new() { ["promised"] = "2026-03-19" })).Status); // replayed: nothing changes

        var row = (await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>(e => e.AckBy == Zhang).ToListAsync()).Single();
        Assert.Equal(("2026-03-18", "<b>图审已补正</b>"), (row.PromisedOn, row.AckNote));
        Assert.Contains(await pipeline.Storage.History.QueryAsync<HistoryEntity>(h => h.Kind == "ack").ToListAsync(), h =>
            h.To.StartsWith("promised=2026-03-18; by=" + Zhang, StringComparison.Ordinal)
        );
        var project = Body(await GetAsync(pipeline, $"/projects/{row.PartitionKey}", Coordinator));
        Assert.Contains("&lt;b&gt;图审已补正&lt;/b&gt;", project); // the history shows the note, encoded
        Assert.Contains("张伟 已确认，承诺 2026-03-18 前办结", project); // and the time-limit list the promise

        pipeline.Clock.Now = pipeline.Clock.Now.AddDays(1);
        var tuesday = await pipeline.ScanAsync(TestPipeline.Monday.AddDays(1));
        var head = await pipeline.Get<Scanning.DigestStore>().ReadAsync(tuesday.Date, Head, default);
        var line = Assert.IsType<Domain.Digests.ProcedureLine>(head.Lines.Single(l => l.ProjectCode == row.PartitionKey && l.ItemCode == row.RowKey));
        Assert.Equal((new DateOnly(2026, 3, 18), "张伟"), (line.PromisedOn, line.AcknowledgedBy));
        Assert.Contains("张伟 已确认，承诺 2026-03-18 前办结", Presentation.Digests.DigestText.Chinese.State(line));
    }

    [Fact]
    public async Task An_acknowledgement_that_meets_a_changed_procedure_records_nothing_and_leaves_no_audit_row()
    {
        var changedMeanwhile = new FailingRequests(
            r => r.Method == Azure.Core.RequestMethod.Patch && r.Uri.ToString().Contains("/Procedures", StringComparison.Ordinal),
            status: 412,
            errorCode: "UpdateConditionNotSatisfied"
        );
        var (pipeline, path) = await AckLinkOfZhangAsync(changedMeanwhile);
        await using var _ = pipeline;

        var answer = await PostAsync(pipeline, path, Zhang, new() { ["promised"] = "2026-03-18" });

        Assert.Equal(409, answer.Status);
        Assert.Empty(await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>(e => e.AckBy == Zhang).ToListAsync());
        Assert.Empty(await pipeline.Storage.History.QueryAsync<HistoryEntity>(h => h.Kind == "ack").ToListAsync());
    }

    [Fact]
    public async Task A_fault_anywhere_behind_a_page_is_a_page_that_says_so_never_a_bare_500()
    {
        var breaking = new FailingRequestsWhen();
        await using var pipeline = await TestPipeline.StartAsync(tablePolicy: breaking);
        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);

        breaking.Throw = () => new InvalidOperationException("a fault nobody foresaw");
        var fault = await pipeline.Board.GetAsync("/procedures", "xu.ming@kizilsu.example.org");
        breaking.Throw = () => new Azure.RequestFailedException(503, "the store is busy");
        var busy = await pipeline.Board.GetAsync("/procedures", "xu.ming@kizilsu.example.org");

        Assert.Equal(500, fault.Status);
        Assert.Matches("出错了[\\s\\S]*编号 [0-9a-f]{12}", fault.Text);
        Assert.DoesNotContain("a fault nobody foresaw", fault.Text);
        Assert.Equal(503, busy.Status);
        Assert.Contains("暂时无法访问", busy.Text);
    }

    /// <summary>Throws what it is told on every table request while told to.</summary>
    private sealed class FailingRequestsWhen : Azure.Core.Pipeline.HttpPipelinePolicy
    {
        public Func<Exception>? Throw { get; set; }

        public override void Process(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
        {
            if (Throw is { } fault)
            {
                throw fault();
            }

            await ProcessNextAsync(message, pipeline);
        }
    }

    /// <summary>A pipeline after Monday's scan and mails, and the path of the first acknowledgement link in 张伟's digest.</summary>
    internal static async Task<(TestPipeline Pipeline, string Path)> AckLinkOfZhangAsync(Azure.Core.Pipeline.HttpPipelinePolicy? tablePolicy = null)
    {
        var pipeline = await TestPipeline.StartAsync(tablePolicy: tablePolicy);
        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);
        await pipeline.ScanAsync();
        await pipeline.NotifyPump().DrainAsync(default);
        var mail = pipeline.Mail.Received.Single(m => m.To == Zhang).Html;
        var link = AckLinkPattern().Matches(mail).Select(m => m.Groups[1].Value).First(l => l.Length > 0);
        return (pipeline, link[TestPipeline.BoardUrl.Length..]);
    }

    /// <summary>The acknowledgement links of a mail's HTML.</summary>
    [GeneratedRegex("href=\"(http://board\\.test/ack/[^\"]+)\"")]
    internal static partial Regex AckLinkPattern();
}
