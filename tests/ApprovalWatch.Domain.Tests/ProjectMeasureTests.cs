using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

public class ProjectMeasureTests
{
    private static readonly Domain.Calendar.WorkingCalendar Calendar = OfficialCalendars.National;
    private static readonly DateOnly Today = new(2026, 3, 16);
    private static readonly ProjectLimits Limits = new()
    {
        WholeProcessDays = 120,
        StageDays = new Dictionary<int, int> { [1] = 50, [3] = 30 },
        WarningWorkingDays = 10,
    };

    private static (Procedure, int) P(string code, int stage, DateOnly accepted, DateOnly? completed = null, string department = "housing") =>
        (
            new Procedure
            {
                ProjectCode = "2022-653001-48-01-00123X",
                ProcedureCode = code,
                Department = department,
                Status = completed is null ? ProcedureStatus.InReview : ProcedureStatus.Approved,
                AcceptedOn = accepted,
                CompletedOn = completed,
                LimitDays = 20,
                HandlerEmail = "a@b.org",
                AsOf = new DateTimeOffset(2026, 3, 13, 0, 0, 0, TimeSpan.FromHours(8)),
            },
            stage
        );

    private static ProjectMeasure Process(params (Procedure, int)[] procedures) =>
        ProjectMeasure.Of("2022-653001-48-01-00123X", procedures, Calendar, Today, Limits).Single(m => m.Scope == ProjectMeasure.WholeProcess);

    [Theory]
    [InlineData(100, Flag.Green, 20)]
    [InlineData(110, Flag.Yellow, 10)]
    [InlineData(120, Flag.Yellow, 0)]
    [InlineData(125, Flag.Red, -5)]
    public void The_whole_process_runs_120_working_days_from_the_first_acceptance(int elapsed, Flag flag, int left)
    {
        var first = Calendar.AddWorkingDays(new DateOnly(2025, 1, 2), 0);
        var start = Enumerable
            .Range(0, 400)
            .Select(first.AddDays)
            .First(d => Calendar.IsWorkingDay(d) && Calendar.WorkingDaysAfter(d, Today) == elapsed);

        var measure = Process(P("DR-01", 1, start, start.AddDays(10), Department.DevelopmentReform), P("HC-01", 2, Today.AddDays(-5)));

        Assert.Equal((flag, left, start), (measure.Flag, measure.WorkingDaysLeft, measure.StartedOn));
        Assert.Equal(Calendar.AddWorkingDays(start, 120), measure.DueOn);
        Assert.Equal(["housing"], measure.HoldingDepartments);
    }

    [Fact]
    public void The_whole_process_ends_when_the_construction_permit_stage_is_finished()
    {
        var start = new DateOnly(2025, 9, 1);
        var onTime = Process(P("DR-01", 1, start, start.AddDays(20)), P("HC-02", 3, start.AddDays(60), start.AddDays(70)));
        var late = Process(P("DR-01", 1, start, start.AddDays(20)), P("HC-02", 3, start.AddDays(60), Calendar.AddWorkingDays(start, 121)));

        Assert.Equal((Flag.Finished, false), (onTime.Flag, onTime.FinishedLate));
        Assert.Equal((Flag.Finished, true), (late.Flag, late.FinishedLate));
    }

    [Fact]
    public void A_project_with_no_construction_permit_stage_reported_is_not_finished()
    {
        var measure = Process(P("DR-01", 1, new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 20)));
        Assert.Equal(Flag.Green, measure.Flag);
        Assert.Empty(measure.HoldingDepartments);
    }

    [Fact]
    public void Each_stage_with_a_limit_is_measured_from_its_own_first_acceptance()
    {
        var measures = ProjectMeasure
            .Of(
                "2022-653001-48-01-00123X",
                [
                    P("DR-01", 1, new DateOnly(2025, 10, 9), new DateOnly(2025, 11, 3)),
                    P("NR-01", 1, new DateOnly(2025, 10, 20), new DateOnly(2026, 1, 5)),
                    P("NR-03", 2, new DateOnly(2026, 1, 6)),
                    P("HC-02", 3, new DateOnly(2026, 2, 2), department: "housing"),
                    P("PS-01", 3, new DateOnly(2026, 2, 9), department: "power"),
                ],
                Calendar,
                Today,
                Limits
            )
            .ToDictionary(m => m.Scope);

        Assert.Equal(["process", "stage-1", "stage-3"], measures.Keys.Order());
        Assert.Equal((Flag.Finished, true), (measures["stage-1"].Flag, measures["stage-1"].FinishedLate)); // 9 Oct to 5 Jan is more than 50 working days
        Assert.Equal(new DateOnly(2026, 2, 2), measures["stage-3"].StartedOn);
        Assert.Equal((Flag.Yellow, 4), (measures["stage-3"].Flag, measures["stage-3"].WorkingDaysLeft));
        Assert.Equal(["housing", "power"], measures["stage-3"].HoldingDepartments);
    }
}
