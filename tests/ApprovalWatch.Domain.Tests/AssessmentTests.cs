using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

public class AssessmentTests
{
    private static readonly Domain.Calendar.WorkingCalendar Calendar = OfficialCalendars.National;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static Procedure Accepted(string acceptedOn, int limit, ProcedureStatus status = ProcedureStatus.InReview, string? completedOn = null) => new()
    {
        ProjectCode = "2022-653001-48-01-00123X",
        ProcedureCode = "HC-01",
        Department = "housing",
        Status = status,
        AcceptedOn = D(acceptedOn),
        LimitDays = limit,
        HandlerEmail = "zhang.wei@kizilsu.example.org",
        CompletedOn = completedOn is null ? null : D(completedOn),
        AsOf = new DateTimeOffset(2026, 3, 13, 0, 0, 0, TimeSpan.FromHours(8)),
    };

    // Due Monday 30 March 2026 (accepted 2 March, 20 working days).
    [Theory]
    [InlineData("2026-03-24", Flag.Green, 4)]
    [InlineData("2026-03-25", Flag.Yellow, 3)]
    [InlineData("2026-03-27", Flag.Yellow, 1)]
    [InlineData("2026-03-30", Flag.Yellow, 0)]
    [InlineData("2026-03-31", Flag.Red, -1)]
    [InlineData("2026-04-07", Flag.Red, -5)] // 4-6 April, the Qingming holiday, do not count
    public void Flags_follow_the_working_days_left(string today, Flag flag, int left)
    {
        var assessment = Assessment.Of(Accepted("2026-03-02", 20), Calendar, D(today), warningWorkingDays: 3);
        Assert.Equal(flag, assessment.Flag);
        Assert.Equal(left, assessment.WorkingDaysLeft);
        Assert.Equal(D("2026-03-30"), assessment.Deadline.DueOn);
    }

    [Fact]
    public void A_procedure_finished_after_its_due_date_counts_as_finished_late()
    {
        var late = Assessment.Of(Accepted("2026-03-02", 20, ProcedureStatus.Approved, "2026-03-31"), Calendar, D("2026-04-10"), 3);
        var onTime = Assessment.Of(Accepted("2026-03-02", 20, ProcedureStatus.Approved, "2026-03-30"), Calendar, D("2026-04-10"), 3);
        Assert.Equal(Flag.Finished, late.Flag);
        Assert.True(late.FinishedLate);
        Assert.False(onTime.FinishedLate);
    }

    [Fact]
    public void A_procedure_paused_before_its_due_date_is_never_red()
    {
        var paused = Accepted("2026-03-02", 20, ProcedureStatus.Paused) with { Pauses = [new Pause(D("2026-03-20"), null, "专家评审")] };
        var assessment = Assessment.Of(paused, Calendar, D("2026-05-20"), 3);
        Assert.Equal(Flag.Paused, assessment.Flag);
        Assert.Equal(7, assessment.WorkingDaysLeft);
    }

    [Fact]
    public void A_procedure_already_overdue_when_paused_stays_red()
    {
        var paused = Accepted("2026-03-02", 5, ProcedureStatus.Paused) with { Pauses = [new Pause(D("2026-03-20"), null, "专家评审")] };
        Assert.Equal(Flag.Red, Assessment.Of(paused, Calendar, D("2026-03-23"), 3).Flag);
    }

    [Fact]
    public void Past_the_promised_limit_but_within_the_statutory_one_is_red_but_not_past_statutory()
    {
        var assessment = Assessment.Of(Accepted("2026-03-02", 20), Calendar, D("2026-03-31"), 3, statutoryDays: 30);
        Assert.Equal((Flag.Red, -1, false), (assessment.Flag, assessment.WorkingDaysLeft, assessment.PastStatutory));
        Assert.Equal(Calendar.AddWorkingDays(D("2026-03-02"), 30), assessment.StatutoryDueOn);
    }

    [Fact]
    public void Past_the_statutory_limit_is_always_red_even_when_the_file_promises_longer()
    {
        // The department's file promised 40 working days where the law allows 30.
        var assessment = Assessment.Of(Accepted("2026-03-02", 40), Calendar, D("2026-04-16"), 3, statutoryDays: 30);
        Assert.True(assessment.PastStatutory);
        Assert.Equal(Flag.Red, assessment.Flag);
        Assert.Equal(-2, assessment.WorkingDaysLeft); // 14 April was the statutory due date
    }

    [Fact]
    public void A_paused_and_an_extended_procedure_both_move_the_statutory_due_date()
    {
        var procedure = Accepted("2026-03-02", 20) with { ExtensionDays = 10, Pauses = [new Pause(D("2026-03-04"), D("2026-03-10"), "补正")] };
        var assessment = Assessment.Of(procedure, Calendar, D("2026-03-16"), 3, statutoryDays: 30);
        Assert.Equal(Calendar.AddWorkingDays(D("2026-03-02"), 35), assessment.Deadline.DueOn);
        Assert.Equal(Calendar.AddWorkingDays(D("2026-03-02"), 45), assessment.StatutoryDueOn);
    }

    [Fact]
    public void The_facts_as_they_stood_on_a_past_day_reopen_what_finished_later_and_leave_out_what_came_after()
    {
        var now = Accepted("2026-03-02", 20, ProcedureStatus.Approved, "2026-03-20") with
        {
            Pauses = [new Pause(D("2026-03-05"), D("2026-03-09"), "补正"), new Pause(D("2026-03-16"), D("2026-03-17"), "专家评审")],
            ExtensionDays = 10,
            ExtensionApprovedOn = D("2026-03-18"),
        };

        var before = now.AsOn(D("2026-02-27"));
        var midPause = now.AsOn(D("2026-03-06"))!;
        var between = now.AsOn(D("2026-03-12"))!;
        var after = now.AsOn(D("2026-03-25"))!;

        Assert.Null(before);
        Assert.Equal((ProcedureStatus.Paused, null, 0), (midPause.Status, midPause.CompletedOn, midPause.ExtensionDays));
        Assert.Equal([new Pause(D("2026-03-05"), null, "补正")], midPause.Pauses);
        Assert.Equal((ProcedureStatus.InReview, 1), (between.Status, between.Pauses.Count));
        Assert.True(after.SameFactsAs(now));
    }

    // Received Monday 2 March 2026: the fifth working day after it is Monday 9 March.
    [Theory]
    [InlineData("2026-03-09", null, null, false, "2026-03-30")] // day 5, still pending: not yet deemed, counted from receipt at most
    [InlineData("2026-03-10", null, null, true, "2026-03-30")] // day 6: accepted by law on 2 March
    [InlineData("2026-03-16", "2026-03-09", null, false, "2026-04-07")] // accepted on day 5: its own acceptance
    [InlineData("2026-03-16", "2026-03-12", null, true, "2026-03-30")] // accepted late: the clock ran from receipt
    [InlineData("2026-03-16", "2026-03-12", "2026-03-06", false, "2026-04-10")] // told what to correct in time: from acceptance
    public void An_application_neither_accepted_nor_answered_in_five_working_days_is_accepted_by_law_on_the_day_received(
        string today,
        string? accepted,
        string? told,
        bool deemed,
        string due
    )
    {
        var procedure = Accepted(accepted ?? "2026-03-02", 20) with
        {
            ReceivedOn = D("2026-03-02"),
            AcceptancePending = accepted is null,
            CorrectionNotifiedOn = told is null ? null : D(told),
        };

        var assessment = Assessment.Of(procedure, Calendar, D(today), 3);

        Assert.Equal((deemed, D(due)), (assessment.Deemed, assessment.Deadline.DueOn));
    }

    [Fact]
    public void Told_in_time_and_not_accepted_yet_no_clock_runs()
    {
        var procedure = Accepted("2026-03-02", 20) with { ReceivedOn = D("2026-03-02"), AcceptancePending = true, CorrectionNotifiedOn = D("2026-03-04") };

        var assessment = Assessment.Of(procedure, Calendar, D("2026-03-20"), 3);

        Assert.Equal((Flag.Paused, null, false), (assessment.Flag, assessment.Deadline.DueOn, assessment.Deemed));
    }
}
