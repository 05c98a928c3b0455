using ApprovalWatch.Cli.Commands;
using ApprovalWatch.Cli.Local;
using ApprovalWatch.DevTools.Commands;
using ApprovalWatch.DevTools.Local;
using ApprovalWatch.DevTools.Samples;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Submissions.Files;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Pipeline.Tests;

public class TimerScheduleTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 16, 12, 0, 30, TimeSpan.Zero);

    [Theory]
    [InlineData("0 */5 * * * *", "2026-03-16T12:05:00Z")]
    [InlineData("0 0 2 * * *", "2026-03-17T02:00:00Z")]
    [InlineData("0 0 2 * * 1-5", "2026-03-17T02:00:00Z")]
    [InlineData("0 30 1 * * 6", "2026-03-21T01:30:00Z")]
    [InlineData("*/20 * * * * *", "2026-03-16T12:00:40Z")]
    [InlineData("0 0 0 1 1 *", "2027-01-01T00:00:00Z")]
    public void The_next_occurrence_is_the_first_time_after_now_in_utc(string expression, string next) =>
        Assert.Equal(DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture), TimerSchedule.Parse(expression).Next(Noon));

    [Theory]
    [InlineData("0 */5 * * *")]
    [InlineData("0 61 * * * *")]
    [InlineData("0 x * * * *")]
    public void A_malformed_schedule_is_refused(string expression) => Assert.Throws<FormatException>(() => TimerSchedule.Parse(expression));
}

public class SampleTests
{
    [Fact]
    public async Task The_committed_samples_are_what_the_seeded_generator_writes()
    {
        var folder = new SampleFolder(Path.Combine(OfficialCalendars.RepositoryRoot, "samples"));
        var files = new SampleGenerator((await folder.Config.CalendarsAsync()).ForRegion("653001"), DemoCommand.SampleDate, 20260316).Generate();

        Assert.Equal(14, files.Count); // catalogue, directory, six department files, the register, three progress reports and two problem lists
        foreach (var (path, content) in files)
        {
            var committed = File.ReadAllBytes(Path.Combine(folder.Path, path));
            if (path.EndsWith(".xlsx", StringComparison.Ordinal))
            {
                // A workbook records when it was written: what a reader sees in it must be the same.
                Assert.Equal(Sheet(path, content), Sheet(path, committed));
            }
            else
            {
                Assert.Equal(content, committed);
            }
        }

        static List<string> Sheet(string name, byte[] content) =>
            SubmissionReader
                .Open(name, new MemoryStream(content), SubmissionLimits.Default)
                .Rows.Select(r => $"{r.Line}: {string.Join('|', r.Fields)}")
                .ToList();
    }

    [Fact]
    public void The_scenario_has_258_projects_with_the_prefecture_investment_totals()
    {
        var folder = Path.Combine(OfficialCalendars.RepositoryRoot, "samples", "submissions", Department.DevelopmentReform);
        var projects = File.ReadAllLines(Path.Combine(folder, "register-2026-03-13.csv")).Skip(2).Select(l => l.Split(',')).ToList();
        var progress = File.ReadAllLines(Path.Combine(folder, "progress-2026-03-13.csv")).Skip(1).Select(l => l.Split(',')).ToList();

        Assert.Equal(258, projects.Count);
        Assert.Equal(1_260_000, projects.Sum(p => long.Parse(p[6], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(507_000, progress.Sum(p => long.Parse(p[3], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(projects, p => p[1] == "阿图什市新城学校建设项目" && p[6] == "20000");
        Assert.Equal(projects.Count, projects.Select(p => p[0]).Distinct().Count());
    }
}

[Collection(AzuriteCollection.Name)]
public class DemoTests
{
    [Fact]
    public async Task The_demo_mails_every_handler_who_has_due_soon_or_overdue_procedures()
    {
        // Its own out/ folder: the demo writes beside the mail folder (reports, notices, chats, screenshots).
        var root = Path.Combine(Path.GetTempPath(), "approvalwatch-demo-" + Guid.NewGuid().ToString("N"));
        var mail = Path.Combine(root, "mail");
        var output = new StringWriter();
        var samples = Path.Combine(OfficialCalendars.RepositoryRoot, "samples");

        var exit = await DemoCommand.RunAsync(new Cli.CliSettings(null, null, mail, false), samples, output, default);

        Assert.True(exit == 0, output.ToString());
        var text = output.ToString();
        Assert.Matches(@"paused \(clock stopped\): [1-9]\d*; extended: [1-9]\d*; past the statutory limit: [1-9]", text);
        Assert.Matches(@"whole process +\d+ green +\d+ yellow +[1-9]\d* red", text);
        Assert.Contains("Weekly report 2026-W12 (as of 2026-03-15): 258 projects, planned 126.00 亿元, completed 50.70 亿元", text);
        Assert.Contains("GatherSubmissions: 12 file(s) queued", text);
        Assert.Contains("[EE-09]", text);
        var handlersMailed = Directory.GetFiles(mail, "*.eml").Select(f => Path.GetFileNameWithoutExtension(f)[5..]).ToHashSet();
        var handlersWithAlerts = text.Split('\n')
            .Where(line => line.Contains("(Handler ", StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf('<') + 1)..line.IndexOf('>')])
            .ToList();
        Assert.InRange(handlersWithAlerts.Count, 10, SampleDirectory.People.Count(p => p.Role == Role.Handler));
        Assert.Subset(handlersMailed, handlersWithAlerts.ToHashSet());

        // Every role gets its digest, summary first, in the reader's one language.
        var coordinatorMails = Directory.GetFiles(mail, "*xu.ming@kizilsu.example.org.html").Select(File.ReadAllText).ToList();
        var coordinator = coordinatorMails.Single(m => m.Contains("概览", StringComparison.Ordinal));
        Assert.Contains(coordinatorMails, m =>
            m.Contains("重点项目周调度报告 2026-W12", StringComparison.Ordinal) && m.Contains("cid:county.png", StringComparison.Ordinal)
        );
        var reports = Path.Combine(Path.GetDirectoryName(mail)!, "reports");
        Assert.True(File.Exists(Path.Combine(reports, "2026-W12.xlsx")));
        using (var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(reports, "2026-W12.json"))))
        {
            // The headline recomputed from the stored rows equals the sample register and its last progress report exactly.
            var headline = json.RootElement.GetProperty("headline");
            Assert.Equal(
                (258, 1_260_000m, 507_000m),
                (
                    headline.GetProperty("projects").GetInt32(),
                    headline.GetProperty("plannedWan").GetDecimal(),
                    headline.GetProperty("completedWan").GetDecimal()
                )
            );
        }
        Assert.True(coordinator.IndexOf("概览", StringComparison.Ordinal) < coordinator.IndexOf("各部门持续超期的事项", StringComparison.Ordinal));

        // Accountability: the deputy's digest carries the absent handler's lines; a notice's documents, the bulletin and the chats' posts are left in out/.
        var outFolder = Path.GetDirectoryName(mail)!;
        Assert.Contains("his lines go to 阿依古丽·吐尔逊", text);
        Assert.Contains(Directory.GetFiles(mail, "*ayigul.tursun@kizilsu.example.org.html").Select(File.ReadAllText), m =>
            m.Contains("代 张伟", StringComparison.Ordinal)
        );
        Assert.DoesNotContain(Directory.GetFiles(mail, "*zhang.wei@kizilsu.example.org.html").Select(File.ReadAllText), m =>
            m.Contains("审批时限提醒", StringComparison.Ordinal)
        );
        var notice = Path.Combine(outFolder, "notices", "克发改督〔2026〕1号");
        Assert.Contains("克发改督〔2026〕1号", string.Join('\n', Presentation.Notices.NoticeDocument.ReadText(File.ReadAllBytes(notice + ".docx"))));
        Assert.True(File.Exists(notice + ".html"));
        Assert.Contains("replied to 克发改督〔2026〕1号 through the link in his mail", text);
        Assert.True(File.Exists(Path.Combine(reports, "monthly", "2026-02.xlsx")));
        Assert.Contains("Efficiency bulletin 2026-02:", text);
        var posts = Directory.GetFiles(Path.Combine(outFolder, "chat"), "*.md");
        Assert.Contains(posts, p => p.Contains("DingTalk-natural-resources", StringComparison.Ordinal)); // signed, accepted
        Assert.Contains(posts, p => p.Contains("WeCom-housing", StringComparison.Ordinal) && File.ReadAllText(p).Contains("最紧急", StringComparison.Ordinal));
        var english = File.ReadAllText(Directory.GetFiles(mail, "*wang.lei@kizilsu.example.org.html").Single());
        Assert.Contains("Dear 王磊,", english);
        Assert.DoesNotContain("您好", english);

        var preview = new StringWriter();
        var html = Path.Combine(mail, "preview.html");
        Assert.Equal(
            0,
            await MailPreviewCommand.RunAsync(
                new Cli.CliSettings(null, DemoCommand.SampleDate, mail, false),
                "xu.ming@kizilsu.example.org",
                html,
                preview,
                default
            )
        );
        Assert.StartsWith("Subject: 【审批时限提醒】", preview.ToString());
        Assert.Contains("== 概览 ==", preview.ToString());
        Assert.Contains("<table role=\"presentation\"", File.ReadAllText(html));
        Directory.Delete(root, recursive: true);
    }
}

public class CalendarCommandTests
{
    private static readonly string Config = Path.Combine(OfficialCalendars.RepositoryRoot, "samples", "config");

    [Fact]
    public async Task Due_prints_the_due_date_and_the_days_that_were_not_counted()
    {
        var output = new StringWriter();
        await CalendarCommands.DueAsync(
            Config,
            "xinjiang",
            new DateOnly(2026, 3, 16),
            5,
            0,
            [new Domain.Deadlines.Pause(new DateOnly(2026, 3, 17), new DateOnly(2026, 3, 18), "补正")],
            output
        );

        var text = output.ToString();
        Assert.Contains("limit 5 working days on the xinjiang calendar: due 2026-03-26 (Thursday)", text);
        Assert.Contains("paused working days not counted: 2", text);
        Assert.Contains("2026-03-20 Friday    holiday  肉孜节", text);
    }

    [Fact]
    public async Task Calendar_show_lists_the_days_of_a_year_with_their_notices()
    {
        var output = new StringWriter();
        await CalendarCommands.ShowAsync(Config, "national", 2026, output);

        var text = output.ToString();
        Assert.Contains("Calendar national (national), 2026: 248 working days", text);
        Assert.Contains("source: 国务院办公厅关于2026年部分节假日安排的通知", text);
        Assert.Contains("2026-02-14 Saturday  working  春节调休上班", text);
        Assert.Contains("office hours (Beijing time, set by national): from 01-01 09:00-12:00 and 14:00-18:00", text);
    }

    [Fact]
    public async Task Calendar_show_prints_the_prefecture_layer_on_the_region_with_its_office_hours()
    {
        var output = new StringWriter();
        await CalendarCommands.ShowAsync(Config, "kizilsu", 2026, output);

        var text = output.ToString();
        Assert.Contains("Calendar kizilsu (national + xinjiang + kizilsu), 2026: 244 working days", text);
        Assert.Contains("克政办明电〔2022〕35号", text);
        Assert.Contains("2026-05-27 Wednesday holiday  古尔邦节", text);
        Assert.Contains("office hours (Beijing time, set by kizilsu): from 05-01 10:00-13:30 and 16:30-20:00; from 10-01 10:00-14:00 and 16:00-19:30", text);
    }

    [Fact]
    public async Task A_year_not_loaded_is_shown_and_counted_as_provisional_and_one_past_the_horizon_named()
    {
        var shown = new StringWriter();
        await CalendarCommands.ShowAsync(Config, "xinjiang", 2027, shown);
        var due = new StringWriter();
        await CalendarCommands.DueAsync(Config, "national", new DateOnly(2026, 12, 30), 2, 0, [], due);

        Assert.Contains("Calendar xinjiang (national + xinjiang), 2027: ", shown.ToString());
        Assert.Contains("provisional (暂定)", shown.ToString());
        Assert.Contains("2027-03-09 Tuesday   holiday  肉孜节", shown.ToString());
        Assert.Contains("due 2027-01-04 (Monday) — provisional (暂定)", due.ToString());
        var beyond = 2026 + Domain.Calendar.CalendarSet.ProvisionalHorizon + 1;
        var error = await Assert.ThrowsAsync<Domain.Calendar.CalendarYearMissingException>(() =>
            CalendarCommands.ShowAsync(Config, "xinjiang", beyond, new StringWriter())
        );
        Assert.Equal(("xinjiang", beyond), (error.Calendar, error.Year));
    }
}

public class QueueTriggerSettingsTests
{
    [Fact]
    public void The_local_queue_pump_retries_as_the_host_json_that_ships_with_the_app()
    {
        var shipped = QueueTriggerSettings.FromHostJson(Path.Combine(OfficialCalendars.RepositoryRoot, "host.json"));

        Assert.Equal(shipped, QueueTriggerSettings.FromHostJson());
        Assert.Equal(new QueueTriggerSettings(5, TimeSpan.FromMinutes(1), BatchSize: 8), shipped);
    }

    [Fact]
    public void A_host_json_without_queue_settings_means_the_hosts_defaults()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{ "version": "2.0", "extensions": { "queues": { "maxDequeueCount": 3 } } }""");
            Assert.Equal(new QueueTriggerSettings(3, TimeSpan.Zero), QueueTriggerSettings.FromHostJson(file));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
