using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Reports;

namespace ApprovalWatch.Domain.Tests;

public class ReportDecisionTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static Procedure Report(DateTimeOffset asOf, ProcedureStatus status = ProcedureStatus.InReview, params Pause[] pauses) => new()
    {
        ProjectCode = "2022-653001-48-01-00123X",
        ProcedureCode = "HC-01",
        Department = "housing",
        Status = status,
        AcceptedOn = D("2026-03-02"),
        LimitDays = 20,
        HandlerEmail = "zhang.wei@kizilsu.example.org",
        AsOf = asOf,
        Pauses = pauses,
    };

    private static DateTimeOffset On(string iso, int hour = 0) => new(D(iso).ToDateTime(new TimeOnly(hour, 0)), Beijing);

    [Fact]
    public void A_new_procedure_is_added_with_its_first_status_for_the_audit_trail()
    {
        var report = Report(On("2026-03-13"));
        var decision = ReportDecision.Decide(null, false, report);
        Assert.Equal(new ReportDecision(ReportOutcome.Added, report, StatusChanged: true, StatusBefore: null), decision);
        Assert.True(decision.IsApplied);
    }

    [Fact]
    public void A_report_older_than_what_is_known_is_stale_and_changes_nothing()
    {
        var known = Report(On("2026-03-13"), ProcedureStatus.Approved);
        Assert.Equal(new ReportDecision(ReportOutcome.Stale), ReportDecision.Decide(known, false, Report(On("2026-03-12"))));
    }

    [Fact]
    public void The_same_facts_are_unchanged_from_another_file_and_applied_from_the_same_file()
    {
        var known = Report(On("2026-03-13"));
        Assert.Equal(ReportOutcome.Unchanged, ReportDecision.Decide(known, knownFromSameFile: false, known).Outcome);
        Assert.Equal(ReportOutcome.AlreadyApplied, ReportDecision.Decide(known, knownFromSameFile: true, known).Outcome);
        Assert.True(ReportDecision.Decide(known, true, known).IsApplied);
        Assert.False(ReportDecision.Decide(known, false, known).IsApplied);
    }

    [Fact]
    public void A_new_status_is_a_change_that_names_the_status_before()
    {
        var known = Report(On("2026-03-13"));
        var decision = ReportDecision.Decide(known, false, Report(On("2026-03-16"), ProcedureStatus.Approved));
        Assert.Equal(
            (ReportOutcome.Changed, true, ProcedureStatus.InReview, ProcedureStatus.Approved),
            (decision.Outcome, decision.StatusChanged, decision.StatusBefore, decision.NewState!.Status)
        );
    }

    [Fact]
    public void Pauses_add_up_across_reports_and_the_same_pause_reported_again_counts_once()
    {
        var first = Report(On("2026-03-06"), ProcedureStatus.InReview, new Pause(D("2026-03-03"), D("2026-03-04"), "补正"));
        var second = Report(On("2026-03-13"), ProcedureStatus.InReview, new Pause(D("2026-03-09"), D("2026-03-10"), "专家评审"));

        var merged = ReportDecision.Decide(first, false, second).NewState!;
        Assert.Equal([new Pause(D("2026-03-03"), D("2026-03-04"), "补正"), new Pause(D("2026-03-09"), D("2026-03-10"), "专家评审")], merged.Pauses);

        var again = Report(On("2026-03-16"), ProcedureStatus.InReview, new Pause(D("2026-03-09"), D("2026-03-10"), "专家评审"));
        Assert.Equal(merged.Pauses, ReportDecision.Decide(merged, false, again).NewState!.Pauses);
    }

    [Fact]
    public void An_open_pause_ends_the_day_before_the_report_that_no_longer_says_paused()
    {
        var paused = Report(On("2026-03-09"), ProcedureStatus.Paused, new Pause(D("2026-03-09"), null, "补正"));
        var resumed = ReportDecision.Decide(paused, false, Report(On("2026-03-13", hour: 10)));
        Assert.Equal([new Pause(D("2026-03-09"), D("2026-03-12"), "补正")], resumed.NewState!.Pauses);
    }

    [Fact]
    public void A_file_dropped_at_seven_in_the_morning_Beijing_time_closes_an_open_pause_on_the_Beijing_day()
    {
        // 07:00 on Friday 13 March in Beijing is 23:00 UTC on Thursday 12 March: the pause still ran on Thursday.
        var paused = Report(On("2026-03-09"), ProcedureStatus.Paused, new Pause(D("2026-03-09"), null, "补正"));
        var dropped = new DateTimeOffset(2026, 3, 12, 23, 0, 0, TimeSpan.Zero);

        var resumed = ReportDecision.Decide(paused, false, Report(dropped));

        Assert.Equal([new Pause(D("2026-03-09"), D("2026-03-12"), "补正")], resumed.NewState!.Pauses);
    }

    [Theory]
    [InlineData("2026-03-13", null, ReportOutcome.Backwards)] // the same data date: refused
    [InlineData("2026-03-13", "误报办结", ReportOutcome.Changed)] // a correction with its reason: applied
    [InlineData("2026-03-16", null, ReportOutcome.Changed)] // a later data date: applied
    [InlineData("2026-03-12", null, ReportOutcome.Stale)]
    public void A_report_that_moves_a_finished_procedure_back_needs_a_later_date_or_a_reason(string asOf, string? correction, ReportOutcome outcome)
    {
        var approved = Report(On("2026-03-13"), ProcedureStatus.Approved) with { CompletedOn = D("2026-03-11") };

        var decision = ReportDecision.Decide(approved, false, Report(On(asOf)), correction);

        Assert.Equal(outcome, decision.Outcome);
        Assert.True(ReportDecision.MovesBack(approved, approved with { CompletedOn = D("2026-03-12") })); // a completion moved
        Assert.False(ReportDecision.MovesBack(Report(On("2026-03-13")), approved)); // forward is no move back
    }
}
