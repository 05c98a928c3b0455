using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = OfficialCalendars.National;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2025-01-26")] // Sunday, Spring Festival
    [InlineData("2025-02-08")] // Saturday, Spring Festival
    [InlineData("2025-04-27")] // Sunday, Labour Day
    [InlineData("2025-09-28")] // Sunday, National Day
    [InlineData("2025-10-11")] // Saturday, National Day
    [InlineData("2026-01-04")] // Sunday, New Year
    [InlineData("2026-02-14")] // Saturday, Spring Festival
    [InlineData("2026-02-28")] // Saturday, Spring Festival
    [InlineData("2026-05-09")] // Saturday, Labour Day
    [InlineData("2026-09-20")] // Sunday, National Day
    [InlineData("2026-10-10")] // Saturday, National Day
    public void Swapped_weekend_days_are_working_days(string date) => Assert.True(Calendar.IsWorkingDay(D(date)));

    [Theory]
    [InlineData("2025-01-01", "2025-01-01")]
    [InlineData("2025-01-28", "2025-02-04")]
    [InlineData("2025-04-04", "2025-04-06")]
    [InlineData("2025-05-01", "2025-05-05")]
    [InlineData("2025-05-31", "2025-06-02")]
    [InlineData("2025-10-01", "2025-10-08")]
    [InlineData("2026-01-01", "2026-01-03")]
    [InlineData("2026-02-15", "2026-02-23")]
    [InlineData("2026-04-04", "2026-04-06")]
    [InlineData("2026-05-01", "2026-05-05")]
    [InlineData("2026-06-19", "2026-06-21")]
    [InlineData("2026-09-25", "2026-09-27")]
    [InlineData("2026-10-01", "2026-10-07")]
    public void Every_day_of_a_holiday_run_is_off(string from, string to)
    {
        for (var day = D(from); day <= D(to); day = day.AddDays(1))
        {
            Assert.False(Calendar.IsWorkingDay(day), $"{day} should be a holiday");
        }

        Assert.True(Calendar.IsWorkingDay(D(to).AddDays(1)), "work resumes the day after the run");
    }

    [Fact]
    public void Ordinary_weekdays_work_and_weekends_rest()
    {
        Assert.True(Calendar.IsWorkingDay(D("2026-03-16")));
        Assert.False(Calendar.IsWorkingDay(D("2026-03-14")));
        Assert.False(Calendar.IsWorkingDay(D("2026-03-15")));
    }

    [Theory]
    // 2025: 365 days - 104 weekend days - 18 weekday holidays + 5 swapped weekend days (国办发明电〔2024〕12号).
    [InlineData(2025, 248)]
    // 2026: 365 days - 104 weekend days - 19 weekday holidays + 6 swapped weekend days (notice of 4 November 2025).
    [InlineData(2026, 248)]
    public void Each_year_has_the_working_days_of_its_notice(int year, int workingDays)
    {
        var newYear = new DateOnly(year, 1, 1);
        Assert.False(Calendar.IsWorkingDay(newYear));
        Assert.Equal(workingDays, Calendar.WorkingDaysAfter(newYear, new DateOnly(year, 12, 31)));
    }

    [Theory]
    [InlineData("2026-03-02", 20, "2026-03-30")] // plain weeks
    [InlineData("2026-02-12", 5, "2026-02-26")] // crosses the Spring Festival, counts Saturday 14 February
    [InlineData("2026-02-13", 1, "2026-02-14")] // the swapped Saturday is the next working day
    [InlineData("2025-12-31", 1, "2026-01-04")] // year boundary: 1-3 January off, Sunday 4 January works
    [InlineData("2025-12-26", 5, "2026-01-05")] // year boundary
    [InlineData("2025-09-26", 3, "2025-09-30")] // Sunday 28 September works
    [InlineData("2025-09-29", 3, "2025-10-10")] // 1-8 October off
    [InlineData("2026-03-16", 0, "2026-03-16")]
    public void Due_date_is_the_nth_working_day_after_acceptance(string accepted, int limit, string due) =>
        Assert.Equal(D(due), Calendar.AddWorkingDays(D(accepted), limit));

    [Fact]
    public void The_day_of_acceptance_is_not_counted()
    {
        var monday = D("2026-03-16");
        Assert.Equal(D("2026-03-17"), Calendar.AddWorkingDays(monday, 1));
        Assert.Equal(D("2026-03-16"), Calendar.AddWorkingDays(D("2026-03-14"), 1)); // accepted on a Saturday
    }

    [Fact]
    public void Working_days_between_two_dates_exclude_the_first()
    {
        Assert.Equal(5, Calendar.WorkingDaysAfter(D("2026-03-13"), D("2026-03-20")));
        Assert.Equal(-5, Calendar.WorkingDaysAfter(D("2026-03-20"), D("2026-03-13")));
        Assert.Equal(0, Calendar.WorkingDaysAfter(D("2026-02-14"), D("2026-02-23")));
    }

    [Fact]
    public void A_date_outside_the_loaded_years_names_the_missing_year()
    {
        var before = Assert.Throws<CalendarYearMissingException>(() => Calendar.IsWorkingDay(D("2024-12-31")));
        Assert.Equal(2024, before.Year);
        Assert.Contains("2024", before.Message);
        var after = Assert.Throws<CalendarYearMissingException>(() => Calendar.AddWorkingDays(D("2026-12-20"), 20));
        Assert.Equal(2027, after.Year);
        Assert.Equal("national", after.Calendar);
    }

    [Fact]
    public void A_gap_between_loaded_years_is_refused_naming_the_year()
    {
        var year = new CalendarYear(2025, "national", "test", []);
        var later = new CalendarYear(2027, "national", "test", []);
        var error = Assert.Throws<CalendarYearMissingException>(() => WorkingCalendar.Build("national", [year, later]));
        Assert.Equal(2026, error.Year);
    }

    [Fact]
    public void A_calendar_file_without_its_source_notice_is_refused()
    {
        var error = Assert.Throws<FormatException>(() =>
            CalendarFile.Parse("2027.csv", "national", new StringReader("date,kind,name\n2027-01-01,holiday,元旦\n"))
        );
        Assert.Contains("source", error.Message);
    }

    [Fact]
    public void A_calendar_file_records_its_notice()
    {
        Assert.Contains("国办发明电〔2024〕12号", Calendar.Sources[2025].Single());
        Assert.Contains("2026年部分节假日安排", Calendar.Sources[2026].Single());
    }

    [Fact]
    public void Prefix_count_arithmetic_equals_a_day_by_day_count()
    {
        var random = new Random(7);
        for (var i = 0; i < 5_000; i++)
        {
            var accepted = D("2025-01-01").AddDays(random.Next(600));
            var limit = random.Next(0, 60);
            var expected = accepted;
            for (var counted = 0; counted < limit;)
            {
                expected = expected.AddDays(1);
                counted += IsWorkingByReference(expected) ? 1 : 0;
            }

            Assert.Equal(expected, Calendar.AddWorkingDays(accepted, limit));
        }
    }

    private static bool IsWorkingByReference(DateOnly day) => Calendar.Exception(day) is { } exception
        ? exception.Kind == DayKind.WorkingDay
        : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}
