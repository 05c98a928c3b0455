using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

/// <summary>A year whose holiday notice is not loaded is reckoned from the holiday rules and marked, never left blind.</summary>
public class ProvisionalYearTests
{
    private static DateOnly D(string iso) => IsoDate.Parse(iso);

    private static readonly string[] Shipped =
    [
        "2025.csv", "2026.csv", "rules.csv",
        "xinjiang/2025.csv", "xinjiang/2026.csv", "xinjiang/rules.csv",
        "xinjiang/kizilsu/2025.csv", "xinjiang/kizilsu/2026.csv",
        "regions.csv", "office-hours.csv",
    ];

    private static CalendarSet Load(IEnumerable<string> files, Dictionary<string, string>? made = null) =>
        CalendarFolder
            .LoadAsync([.. files.Concat(made?.Keys.AsEnumerable() ?? []).Select(f => $"calendar/{f}")], name =>
                Task.FromResult<TextReader>(
                    made?.TryGetValue(name["calendar/".Length..], out var text) == true
                        ? new StringReader(text)
                        : new StreamReader(Path.Combine(OfficialCalendars.CalendarFolder, name["calendar/".Length..]))
                )
            )
            .GetAwaiter()
            .GetResult();

    private static readonly CalendarSet Calendars = Load(Shipped);

    private static IEnumerable<DateOnly> HolidaysOf(WorkingCalendar calendar, int year, string name) =>
        calendar.Exceptions.Where(d => d.Date.Year == year && d.Name == name && d.Kind == DayKind.Holiday).Select(d => d.Date);

    [Fact]
    public void The_national_2027_is_reckoned_from_the_holiday_rules_with_no_make_up_day()
    {
        var national = Calendars.NationalCalendar;

        Assert.True(national.IsProvisional(2027));
        Assert.False(national.IsProvisional(2026));
        Assert.Equal([D("2027-01-01")], HolidaysOf(national, 2027, "元旦"));
        Assert.Equal([D("2027-02-05"), D("2027-02-06"), D("2027-02-07"), D("2027-02-08")], HolidaysOf(national, 2027, "春节")); // 除夕 to 初三
        Assert.Equal([D("2027-04-05")], HolidaysOf(national, 2027, "清明节"));
        Assert.Equal([D("2027-05-01"), D("2027-05-02")], HolidaysOf(national, 2027, "劳动节"));
        Assert.Equal([D("2027-06-09")], HolidaysOf(national, 2027, "端午节"));
        Assert.Equal([D("2027-09-15")], HolidaysOf(national, 2027, "中秋节"));
        Assert.Equal([D("2027-10-01"), D("2027-10-02"), D("2027-10-03")], HolidaysOf(national, 2027, "国庆节"));
        Assert.DoesNotContain(national.Exceptions, d => d.Date.Year == 2027 && d.Kind == DayKind.WorkingDay);
        Assert.Contains(national.Sources[2027], s => s.Contains("全国年节及纪念日放假办法", StringComparison.Ordinal));
    }

    [Fact]
    public void Xinjiang_adds_its_festivals_by_its_own_rule_and_kizilsu_without_rules_keeps_them()
    {
        foreach (var name in new[] { "xinjiang", "kizilsu" })
        {
            var calendar = Calendars.Get(name);
            Assert.True(calendar.IsProvisional(2027));
            Assert.Equal([D("2027-03-09"), D("2027-03-10"), D("2027-03-11")], HolidaysOf(calendar, 2027, "肉孜节"));
            Assert.Equal(5, HolidaysOf(calendar, 2027, "古尔邦节").Count());
            Assert.Equal([D("2027-02-05"), D("2027-02-06"), D("2027-02-07"), D("2027-02-08")], HolidaysOf(calendar, 2027, "春节"));
        }

        Assert.False(Calendars.NationalCalendar.IsWorkingDay(D("2027-02-08")));
        Assert.True(Calendars.NationalCalendar.IsWorkingDay(D("2027-03-09")));
        Assert.False(Calendars.Get("xinjiang").IsWorkingDay(D("2027-03-09")));
    }

    [Theory]
    [InlineData(2024, "2024-04-04")]
    [InlineData(2025, "2025-04-04")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-04-05")]
    [InlineData(2028, "2028-04-04")]
    public void Qingming_falls_on_the_solar_term(int year, string day) => Assert.Equal(D(day), HolidayRules.Qingming(year));

    [Fact]
    public void The_rules_reckon_the_years_the_notices_gave_where_no_make_up_day_moved_them()
    {
        // 2026's notice, its make-up working days aside: the rules give the same holidays where the statutory days fall.
        var official = Load(Shipped.Where(f => f != "rules.csv" && !f.EndsWith("rules.csv", StringComparison.Ordinal))).NationalCalendar;
        var reckoned = HolidayRules.Parse("rules.csv", "national", new StreamReader(Path.Combine(OfficialCalendars.CalendarFolder, "rules.csv"))).Reckon(2026);
        foreach (var day in reckoned.Days)
        {
            Assert.False(official.IsWorkingDay(day.Date), $"{day.Date} {day.Name} is a working day in the official 2026");
        }
    }

    [Fact]
    public void A_due_date_across_the_new_year_is_measured_and_marked()
    {
        var national = Calendars.NationalCalendar;
        Assert.Equal(D("2027-01-04"), national.AddWorkingDays(D("2026-12-30"), 2));
        Assert.True(national.AnyProvisional(D("2026-12-30"), D("2027-01-04")));
        Assert.False(national.AnyProvisional(D("2026-11-02"), D("2026-11-30")));

        var procedure = new Procedure
        {
            ProjectCode = "2026-653001-48-01-00001X", ProjectName = "p", County = "阿图什市", ProcedureCode = "HC-01", Department = "housing",
            Status = ProcedureStatus.InReview, AcceptedOn = D("2026-12-07"), LimitDays = 20, HandlerEmail = "a@b.org", AsOf = DateTimeOffset.UnixEpoch,
        };
        var across = Assessment.Of(procedure, Calendars.Get("kizilsu"), D("2026-12-07"), 3);
        var within = Assessment.Of(procedure with { LimitDays = 10 }, Calendars.Get("kizilsu"), D("2026-12-07"), 3);

        Assert.Equal((D("2027-01-05"), true), (across.Deadline.DueOn, across.Provisional));
        Assert.Equal((D("2026-12-21"), false), (within.Deadline.DueOn, within.Provisional));
    }

    [Fact]
    public void The_official_notice_once_loaded_replaces_the_reckoning()
    {
        var notice = "# source: 国务院办公厅关于2027年部分节假日安排的通知\ndate,kind,name\n2027-01-01,holiday,元旦\n2027-01-02,holiday,元旦\n"
            + "2027-01-03,holiday,元旦\n2027-01-04,holiday,元旦\n";
        var loaded = Load(Shipped, new Dictionary<string, string> { ["2027.csv"] = notice }).NationalCalendar;

        Assert.False(loaded.IsProvisional(2027));
        Assert.Equal(D("2027-01-05"), loaded.AddWorkingDays(D("2026-12-30"), 2)); // the notice's day off counted
        Assert.True(Calendars.Get("xinjiang").IsProvisional(2027)); // a regional layer not yet loaded keeps its calendars provisional
    }

    [Fact]
    public void Without_the_national_rules_a_year_not_loaded_is_still_missing()
    {
        var set = Load(Shipped.Where(f => !f.EndsWith("rules.csv", StringComparison.Ordinal)));
        Assert.Throws<CalendarYearMissingException>(() => set.NationalCalendar.AddWorkingDays(D("2026-12-30"), 2));
    }

    [Fact]
    public void A_rule_without_its_source_or_of_an_unknown_calendar_is_refused()
    {
        var unsourced = new StringReader("name,calendar,month,day,days\n元旦,gregorian,1,1,1\n");
        Assert.Throws<FormatException>(() => HolidayRules.Parse("rules.csv", "national", unsourced));
        var unknown = Assert.Throws<FormatException>(() =>
            HolidayRules.Parse("rules.csv", "national", new StringReader("# source: x\nname,calendar,month,day,days\n元旦,julian,1,1,1\n"))
        );
        Assert.Contains("julian", unknown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-10-30", new int[0])]
    [InlineData("2026-11-02", new[] { 2027 })]
    [InlineData("2027-01-04", new[] { 2027 })]
    public void The_operator_is_told_from_the_first_of_november_until_the_notice_is_loaded(string today, int[] years)
    {
        var told = NoticesToLoad.On(Calendars, D(today), (11, 1));
        Assert.Equal(years, told.Select(p => p.Year).Distinct());
        Assert.Equal(years.Length == 0 ? [] : ["national", "kizilsu", "xinjiang"], told.Select(p => p.Calendar));
    }

    [Fact]
    public void A_missed_scan_is_a_missed_digest_only_for_a_reader_whose_calendar_worked_that_day()
    {
        var digest = new Digest(D("2026-03-23"), "a@b.org", "A", []);
        var missed = new[] { D("2026-03-19"), D("2026-03-20") }; // 03-20 is 肉孜节 in Xinjiang, a working day elsewhere

        var inKizilsu = DigestNotes.Annotate(digest, missed, [], Calendars.Get("kizilsu"));
        var inBeijing = DigestNotes.Annotate(digest, missed, [], Calendars.NationalCalendar);

        Assert.Equal([Reason.Of("digest.missed_days", "2026-03-19")], inKizilsu.Notes);
        Assert.Equal([Reason.Of("digest.missed_days", "2026-03-19、2026-03-20")], inBeijing.Notes);
    }

    [Fact]
    public void A_bulletin_of_a_month_in_a_reckoned_year_says_so()
    {
        Monthly.EfficiencyBulletin Of(int year) =>
            Monthly.BulletinCalculator.Compute(new Monthly.MonthlyInputs(new DateOnly(year, 2, 1), [], [], [], [], [], Calendars.NationalCalendar, e => e));

        var reckoned = Presentation.Monthly.BulletinRenderer.Render(Of(2027), d => d, "chart.png");

        Assert.True(Of(2027).Provisional);
        Assert.False(Of(2026).Provisional);
        Assert.Contains("暂定：本月所在年份的放假通知尚未发布", reckoned.Text, StringComparison.Ordinal);
        Assert.Contains("暂定：本月所在年份的放假通知尚未发布", reckoned.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weekly_report_of_a_week_in_a_reckoned_year_says_so()
    {
        Weekly.WeeklyReport Of(DateOnly sunday) =>
            Weekly.WeeklyCalculator.Compute(
                new Weekly.WeeklyInputs(Weekly.ReportWeek.Of(sunday), [], [], [], [], Calendars.NationalCalendar, new Weekly.LightRules())
            );

        var reckoned = Of(new DateOnly(2027, 3, 15));

        Assert.True(reckoned.Provisional);
        Assert.False(Of(new DateOnly(2026, 3, 16)).Provisional);
        Assert.Contains("暂定", Presentation.Weekly.WeeklyView.Of(reckoned, Domain.Staff.Language.Chinese, i => i).Intro, StringComparison.Ordinal);
    }

    [Fact]
    public void A_problems_days_left_across_a_reckoned_year_are_marked()
    {
        var national = Calendars.NationalCalendar;
        ProblemLine? Line(string due) =>
            ProblemLine.Of(
                new ProjectProblem
                {
                    ProjectCode = "A",
                    Id = "P1",
                    Text = "用地报批",
                    Department = "natural-resources",
                    RaisedOn = D("2026-12-01"),
                    DueOn = D(due),
                },
                "项目",
                national,
                D("2026-12-28"),
                warningWorkingDays: 3
            );

        Assert.True(Line("2027-01-05")!.Provisional); // 元旦 2027 reckoned
        Assert.False(Line("2026-12-30")!.Provisional);
    }
}
