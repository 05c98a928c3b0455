using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

public class CalendarSetTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static CalendarSet Load(params string[] files) => LoadWith(new Dictionary<string, string>(), files);

    // The shipped files named, plus hand-made ones (path under calendar/ → content).
    private static CalendarSet LoadWith(Dictionary<string, string> made, params string[] files) =>
        CalendarFolder
            .LoadAsync(files.Concat(made.Keys).Select(f => $"calendar/{f}"), name =>
                Task.FromResult<TextReader>(
                    made.TryGetValue(name["calendar/".Length..], out var text)
                        ? new StringReader(text)
                        : new StreamReader(Path.Combine(OfficialCalendars.CalendarFolder, name["calendar/".Length..]))
                )
            )
            .GetAwaiter()
            .GetResult();

    private static readonly string[] Shipped =
    [
        "2025.csv",
        "2026.csv",
        "xinjiang/2025.csv",
        "xinjiang/2026.csv",
        "xinjiang/kizilsu/2025.csv",
        "xinjiang/kizilsu/2026.csv",
        "regions.csv",
        "office-hours.csv",
    ];

    private static readonly CalendarSet Official = Load(Shipped);

    [Theory]
    [InlineData("2025-03-31")] // Monday, Eid al-Fitr 肉孜节 2025
    [InlineData("2025-06-06")] // Friday, Eid al-Adha 古尔邦节 2025
    [InlineData("2025-06-09")]
    [InlineData("2025-06-10")]
    [InlineData("2026-03-20")] // Friday, 肉孜节 2026
    [InlineData("2026-05-27")] // Wednesday, 古尔邦节 2026
    [InlineData("2026-05-29")]
    public void The_xinjiang_overlay_adds_the_eid_holidays_to_the_national_calendar(string date)
    {
        Assert.True(Official.NationalCalendar.IsWorkingDay(D(date)));
        Assert.False(Official.Get("xinjiang").IsWorkingDay(D(date)));
    }

    [Fact]
    public void The_xinjiang_calendar_keeps_the_national_holidays_and_swapped_days()
    {
        var xinjiang = Official.Get("xinjiang");
        Assert.False(xinjiang.IsWorkingDay(D("2026-02-16")));
        Assert.True(xinjiang.IsWorkingDay(D("2026-02-14")));
        Assert.Equal(248 - 4, xinjiang.WorkingDaysAfter(D("2026-01-01"), D("2026-12-31"))); // 20 March and 27-29 May are weekdays
    }

    [Theory]
    [InlineData("national", "2025-04-01")]
    [InlineData("xinjiang", "2025-04-02")]
    public void A_due_date_across_eid_depends_on_the_calendar(string calendar, string due) =>
        Assert.Equal(D(due), Official.Get(calendar).AddWorkingDays(D("2025-03-27"), 3));

    [Theory]
    [InlineData("653001", "kizilsu")] // Artux
    [InlineData("653024", "kizilsu")] // Ulugqat
    [InlineData("650102", "xinjiang")] // Urumqi, Tianshan district
    [InlineData("110101", "national")] // Beijing
    public void A_project_uses_the_calendar_of_its_region(string region, string calendar) =>
        Assert.Equal(calendar, Official.ForRegion(region).Name);

    [Fact]
    public void A_year_a_regional_layer_lacks_is_missing_for_that_calendar_and_names_it()
    {
        var set = Load("2025.csv", "2026.csv", "xinjiang/2025.csv");
        Assert.True(set.NationalCalendar.IsWorkingDay(D("2026-03-16")));
        var error = Assert.Throws<CalendarYearMissingException>(() => set.Get("xinjiang").IsWorkingDay(D("2026-03-16")));
        Assert.Equal(("xinjiang", 2026), (error.Calendar, error.Year));
        Assert.Contains("'xinjiang'", error.Message);
    }

    [Fact]
    public void A_region_assigned_to_a_calendar_without_files_is_refused()
    {
        var years = new[] { new CalendarYear(2026, CalendarSet.National, "test", []) };
        var error = Assert.Throws<InvalidOperationException>(() => CalendarSet.Build(years, [("65", "xinjiang")]));
        Assert.Contains("xinjiang", error.Message);
    }

    [Fact]
    public void Each_year_of_a_layered_calendar_records_both_notices()
    {
        var sources = Official.Get("xinjiang").Sources[2025];
        Assert.Equal(2, sources.Count);
        Assert.Contains(sources, s => s.Contains("国办发明电〔2024〕12号", StringComparison.Ordinal));
        Assert.Contains(sources, s => s.Contains("肉孜节", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-01-05", "10:00-14:00", "15:30-19:30")] // winter hours run on from the previous October
    [InlineData("2026-04-30", "10:00-14:00", "15:30-19:30")]
    [InlineData("2026-05-01", "10:00-14:00", "16:00-20:00")] // summer from 1 May
    [InlineData("2026-09-30", "10:00-14:00", "16:00-20:00")]
    [InlineData("2026-10-01", "10:00-14:00", "15:30-19:30")] // winter from 1 October
    public void Xinjiang_office_hours_follow_summer_and_winter(string date, string morning, string afternoon)
    {
        var hours = Official.HoursOf("xinjiang").On(D(date));
        Assert.Equal((morning, afternoon), (hours.Morning.ToString(), hours.Afternoon.ToString()));
    }

    [Theory]
    [InlineData("xinjiang", "2026-06-01T02:00:00Z")] // 10:00 Beijing time
    [InlineData("national", "2026-06-01T01:00:00Z")] // 09:00 Beijing time
    public void Digests_go_out_when_the_first_office_period_starts(string calendar, string utc) =>
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), Official.HoursOf(calendar).OpensAt(D("2026-06-01")));

    [Fact]
    public void A_regional_notice_can_cancel_a_national_make_up_working_day()
    {
        // As Xinjiang did in 2014: the region keeps a national make-up Saturday as a day off.
        var set = LoadWith(new() { ["xinjiang/2026.csv"] = "# source: test notice\ndate,kind,name\n2026-02-28,holiday,不调休\n" }, "2025.csv", "2026.csv");
        var saturday = D("2026-02-28");
        Assert.True(set.NationalCalendar.IsWorkingDay(saturday));
        var xinjiang = set.Get("xinjiang");
        Assert.False(xinjiang.IsWorkingDay(saturday));
        var day = xinjiang.Exception(saturday)!;
        Assert.Equal((DayKind.Holiday, DayKind.WorkingDay), (day.Kind, day.Overrides?.Kind));
        Assert.Equal(D("2026-03-02"), set.NationalCalendar.AddWorkingDays(D("2026-02-27"), 2));
        Assert.Equal(D("2026-03-03"), xinjiang.AddWorkingDays(D("2026-02-27"), 2));
    }

    [Theory]
    [InlineData("2026-06-01", "10:00-13:30", "16:30-20:00")] // summer from 1 May (克政办明电〔2022〕35号)
    [InlineData("2026-04-30", "10:00-14:00", "16:00-19:30")] // winter hours run on from the previous October
    [InlineData("2026-10-01", "10:00-14:00", "16:00-19:30")]
    public void The_kizilsu_layer_sits_on_xinjiang_with_the_prefecture_office_hours(string date, string morning, string afternoon)
    {
        Assert.Equal(["national", "xinjiang", "kizilsu"], Official.LayersOf("kizilsu"));
        var kizilsu = Official.Get("kizilsu");
        Assert.False(kizilsu.IsWorkingDay(D("2026-05-27"))); // 古尔邦节 from the region
        Assert.True(kizilsu.IsWorkingDay(D("2026-02-14"))); // the national make-up day
        var hours = Official.HoursOf("kizilsu").On(D(date));
        Assert.Equal((morning, afternoon), (hours.Morning.ToString(), hours.Afternoon.ToString()));
        Assert.Equal("kizilsu", Official.HoursAndLayerOf("kizilsu").Layer);
    }

    [Fact]
    public void A_prefecture_without_hours_of_its_own_keeps_its_region_s()
    {
        var set = LoadWith(new() { ["xinjiang/akto/2026.csv"] = "# source: test\ndate,kind,name\n" }, "2026.csv", "xinjiang/2026.csv");
        Assert.Equal((OfficeHours.Standard, (string?)null), set.HoursAndLayerOf("akto"));
        var withHours = LoadWith(
            new()
            {
                ["xinjiang/akto/2026.csv"] = "# source: test\ndate,kind,name\n",
                ["office-hours.csv"] = "calendar,from,morning,afternoon\nxinjiang,01-01,10:00-14:00,16:00-20:00\n",
            },
            "2026.csv",
            "xinjiang/2026.csv"
        );
        Assert.Equal("xinjiang", withHours.HoursAndLayerOf("akto").Layer);
        Assert.Equal(
            DateTimeOffset.Parse("2026-06-01T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            withHours.HoursOf("akto").OpensAt(D("2026-06-01"))
        );
    }

    [Fact]
    public void A_prefecture_year_its_region_lacks_is_missing_not_guessed()
    {
        var set = LoadWith(
            new() { ["xinjiang/kizilsu/2026.csv"] = "# source: test\ndate,kind,name\n" },
            "2025.csv",
            "2026.csv",
            "xinjiang/2025.csv",
            "xinjiang/kizilsu/2025.csv"
        );
        Assert.True(set.Get("kizilsu").IsWorkingDay(D("2025-03-28")));
        var error = Assert.Throws<CalendarYearMissingException>(() => set.Get("kizilsu").IsWorkingDay(D("2026-05-27")));
        Assert.Equal(("kizilsu", 2026), (error.Calendar, error.Year));
    }

    [Fact]
    public void A_layer_on_a_layer_without_files_or_hours_for_an_unknown_calendar_is_refused()
    {
        var orphan = Assert.Throws<InvalidOperationException>(() =>
            LoadWith(new() { ["xinjiang/kizilsu/2026.csv"] = "# source: test\ndate,kind,name\n" }, "2026.csv")
        );
        Assert.Contains("calendar/xinjiang/", orphan.Message);
        var typo = Assert.Throws<InvalidOperationException>(() =>
            LoadWith(new() { ["office-hours.csv"] = "calendar,from,morning,afternoon\nkizilsy,05-01,10:00-13:30,16:30-20:00\n" }, "2026.csv")
        );
        Assert.Contains("'kizilsy'", typo.Message);
    }
}
