using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

public class DeadlineTests
{
    private static readonly Domain.Calendar.WorkingCalendar Calendar = OfficialCalendars.National;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Without_pauses_the_due_date_is_the_nth_working_day_after_acceptance()
    {
        var deadline = Deadline.Compute(Calendar, D("2026-03-02"), 20);
        Assert.Equal(D("2026-03-30"), deadline.DueOn);
        Assert.Equal(0, deadline.PausedWorkingDays);
    }

    [Fact]
    public void A_closed_pause_moves_the_due_date_by_the_working_days_inside_it()
    {
        // Paused Wednesday 4 to Tuesday 10 March: 5 working days (4, 5, 6, 9, 10) do not count.
        var deadline = Deadline.Compute(Calendar, D("2026-03-02"), 20, [new Pause(D("2026-03-04"), D("2026-03-10"), "补正")]);
        Assert.Equal(D("2026-04-07"), deadline.DueOn); // 30 March + 5 working days, skipping 4-6 April (Qingming)
        Assert.Equal(5, deadline.PausedWorkingDays);
    }

    [Fact]
    public void A_pause_across_a_holiday_counts_only_its_working_days()
    {
        // 12 to 25 February 2026 holds 12, 13, 14 (swapped Saturday), 24, 25: 5 working days.
        var deadline = Deadline.Compute(Calendar, D("2026-02-10"), 10, [new Pause(D("2026-02-12"), D("2026-02-25"), "专家评审")]);
        Assert.Equal(5, deadline.PausedWorkingDays);
        Assert.Equal(Calendar.AddWorkingDays(D("2026-02-10"), 15), deadline.DueOn);
    }

    [Fact]
    public void Overlapping_and_repeated_pauses_count_once()
    {
        var once = Deadline.Compute(Calendar, D("2026-03-02"), 20, [new Pause(D("2026-03-04"), D("2026-03-12"), "补正")]);
        var overlapping = Deadline.Compute(Calendar, D("2026-03-02"), 20,
        [
            new Pause(D("2026-03-04"), D("2026-03-10"), "补正"),
            new Pause(D("2026-03-04"), D("2026-03-10"), "补正"),
            new Pause(D("2026-03-09"), D("2026-03-12"), "听证"),
        ]);
        Assert.Equal(once, overlapping);
        Assert.Equal(7, overlapping.PausedWorkingDays);
    }

    [Fact]
    public void Separate_pauses_add_up()
    {
        var deadline = Deadline.Compute(Calendar, D("2026-03-02"), 20,
        [
            new Pause(D("2026-03-03"), D("2026-03-03"), "补正"),
            new Pause(D("2026-03-10"), D("2026-03-11"), "检测"),
        ]);
        Assert.Equal(3, deadline.PausedWorkingDays);
        Assert.Equal(Calendar.AddWorkingDays(D("2026-03-02"), 23), deadline.DueOn);
    }

    [Fact]
    public void An_open_pause_stops_the_clock_and_keeps_the_days_left()
    {
        // Accepted 2 March with 20 days; 5 working days counted (3-6, 9) before the pause from 10 March.
        var deadline = Deadline.Compute(Calendar, D("2026-03-02"), 20, [new Pause(D("2026-03-10"), null, "专家评审")]);
        Assert.Null(deadline.DueOn);
        Assert.Equal(15, deadline.RemainingWhenPaused);
    }

    [Fact]
    public void A_pause_that_starts_after_the_due_date_changes_nothing()
    {
        var deadline = Deadline.Compute(Calendar, D("2026-03-02"), 5, [new Pause(D("2026-03-20"), null, "公示")]);
        Assert.Equal(D("2026-03-09"), deadline.DueOn);
    }

    [Fact]
    public void Pause_days_on_or_before_acceptance_do_not_count()
    {
        var deadline = Deadline.Compute(Calendar, D("2026-03-02"), 20, [new Pause(D("2026-02-25"), D("2026-03-02"), "补正")]);
        Assert.Equal(D("2026-03-30"), deadline.DueOn);
    }

    [Fact]
    public void An_extension_adds_its_working_days()
    {
        Assert.Equal(Calendar.AddWorkingDays(D("2026-03-02"), 30), Deadline.Compute(Calendar, D("2026-03-02"), 20, extensionDays: 10).DueOn);
    }

    [Fact]
    public void A_pause_cannot_end_before_it_starts_but_may_end_the_day_it_starts()
    {
        var start = new DateOnly(2026, 3, 10);

        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => new Pause(start, start.AddDays(-1), "补正"));

        Assert.Contains("cannot end (2026-03-09) before it starts (2026-03-10)", refused.Message);
        Assert.Equal(start, new Pause(start, start, "补正").To);
    }
}
