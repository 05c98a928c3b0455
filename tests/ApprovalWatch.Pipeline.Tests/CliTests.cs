using ApprovalWatch.Cli.Commands;
using ApprovalWatch.Cli.LocalHost;
using ApprovalWatch.Cli.Samples;
using ApprovalWatch.Staff;

namespace ApprovalWatch.Tests;

public class CronScheduleTests
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
        Assert.Equal(DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture), CronSchedule.Parse(expression).Next(Noon));

    [Theory]
    [InlineData("0 */5 * * *")]
    [InlineData("0 61 * * * *")]
    [InlineData("0 x * * * *")]
    public void A_malformed_schedule_is_refused(string expression) => Assert.Throws<FormatException>(() => CronSchedule.Parse(expression));
}

public class SampleTests
{
    [Fact]
    public async Task The_committed_samples_are_what_the_seeded_generator_writes()
    {
        var folder = new SampleFolder(Path.Combine(OfficialCalendars.RepositoryRoot, "samples"));
        var files = new SampleGenerator((await folder.CalendarsAsync()).ForRegion("653001"), DemoCommand.SampleDate, 20260316).Generate();

        Assert.Equal(9, files.Count); // catalogue, directory, projects and six department files
        foreach (var (path, content) in files)
        {
            Assert.Equal(content, File.ReadAllText(Path.Combine(folder.Path, path)));
        }
    }

    [Fact]
    public void The_scenario_has_258_projects_with_the_prefecture_investment_totals()
    {
        var folder = new SampleFolder(Path.Combine(OfficialCalendars.RepositoryRoot, "samples"));
        var projects = File.ReadAllLines(Path.Combine(folder.Path, "config", "projects.csv")).Skip(1).Select(l => l.Split(',')).ToList();

        Assert.Equal(258, projects.Count);
        Assert.Equal(1_260_000, projects.Sum(p => long.Parse(p[3], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(507_000, projects.Sum(p => long.Parse(p[4], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(projects, p => p[1] == "阿图什市新城学校建设项目" && p[3] == "20000");
        Assert.Equal(projects.Count, projects.Select(p => p[0]).Distinct().Count());
    }
}

[Collection(AzuriteCollection.Name)]
public class DemoTests
{
    [Fact]
    public async Task The_demo_mails_every_handler_who_has_due_soon_or_overdue_procedures()
    {
        var mail = Path.Combine(Path.GetTempPath(), "approvalwatch-demo-" + Guid.NewGuid().ToString("N"));
        var output = new StringWriter();
        var samples = Path.Combine(OfficialCalendars.RepositoryRoot, "samples");

        var exit = await DemoCommand.RunAsync(new Cli.CliSettings(null, null, mail, false), samples, output, default);

        Assert.True(exit == 0, output.ToString());
        var text = output.ToString();
        Assert.Contains("Key projects: 258", text);
        Assert.Contains("GatherSubmissions: 6 file(s) queued", text);
        Assert.Contains("[EE-09]", text);
        var handlersMailed = Directory.GetFiles(mail, "*.eml").Select(f => Path.GetFileNameWithoutExtension(f)[5..]).ToHashSet();
        var handlersWithAlerts = text.Split('\n')
            .Where(line => line.Contains("(Handler ", StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf('<') + 1)..line.IndexOf('>')])
            .ToList();
        Assert.InRange(handlersWithAlerts.Count, 10, SampleDirectory.People.Count(p => p.Role == Role.Handler));
        Assert.Subset(handlersMailed, handlersWithAlerts.ToHashSet());
        Directory.Delete(mail, recursive: true);
    }
}
