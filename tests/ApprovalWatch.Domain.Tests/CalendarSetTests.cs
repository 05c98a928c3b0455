using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

public class CalendarSetTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static CalendarSet Load(params string[] files) => CalendarFolder.LoadAsync(
        files.Select(f => $"calendar/{f}"),
        name => Task.FromResult<TextReader>(new StreamReader(Path.Combine(OfficialCalendars.CalendarFolder, name["calendar/".Length..])))).GetAwaiter().GetResult();

    private static readonly CalendarSet Official = Load("2025.csv", "2026.csv", "xinjiang/2025.csv", "xinjiang/2026.csv", "regions.csv", "office-hours.csv");

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
    [InlineData("653001", "xinjiang")] // Artux
    [InlineData("653024", "xinjiang")] // Ulugqat
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
}
