using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Scanning;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

public class DayMeasurementTests
{
    private static readonly DateOnly Monday = new(2026, 3, 16);

    private static readonly ReferenceData Reference = new(
        new ProcedureCatalogue([new CatalogueEntry("HC-01", "施工图设计文件审查", "Construction drawing review", "housing", 2, 20, 15)]),
        new StaffDirectory([new Person("zhang@x.org", "张伟", "housing", Role.Handler)]),
        CalendarFolder
            .LoadAsync(
                Directory
                    .GetFiles(OfficialCalendars.CalendarFolder, "*.csv", SearchOption.AllDirectories)
                    .Select(f => "calendar/" + Path.GetRelativePath(OfficialCalendars.CalendarFolder, f)),
                name => Task.FromResult<TextReader>(File.OpenText(Path.Combine(OfficialCalendars.CalendarFolder, name["calendar/".Length..])))
            )
            .Result,
        []
    );

    private static Procedure Procedure(string project, DateOnly acceptedOn) => new()
    {
        ProjectCode = project,
        ProjectName = "阿图什市新城学校建设项目",
        ProcedureCode = "HC-01",
        Department = "housing",
        Status = ProcedureStatus.InReview,
        AcceptedOn = acceptedOn,
        LimitDays = 15,
        HandlerEmail = "zhang@x.org",
        AsOf = new DateTimeOffset(2026, 3, 13, 0, 0, 0, TimeSpan.FromHours(8)),
    };

    [Fact]
    public void A_red_procedure_becomes_a_line_with_its_three_lists_and_its_project_is_measured()
    {
        var measurement = new DayMeasurement(Monday, Reference, 3, new ProjectLimits { WholeProcessDays = 10, StageDays = new Dictionary<int, int>() });

        var assessment = measurement.Add(Procedure("2022-653001-48-01-00123X", new DateOnly(2026, 2, 2)))?.Assessment;
        var projects = measurement.MeasureProjects();

        Assert.Equal(Flag.Red, assessment!.Flag);
        var line = Assert.IsType<ProcedureLine>(measurement.Lines[0]);
        Assert.Equal(
            ("HC-01", "施工图设计文件审查", "张伟", 20, assessment.Deadline.DueOn!.Value, assessment.WorkingDaysLeft),
            (line.ProcedureCode, line.ChineseName, line.HandlerName, line.StatutoryDays, line.DueOn, line.WorkingDaysLeft)
        );
        var project = Assert.IsType<ProjectLine>(measurement.Lines[1]);
        Assert.Equal((0, "process", Stages.WholeProcessChineseName), (project.Stage, project.ItemCode, project.ChineseName));
        Assert.Equal(["housing"], project.HoldingDepartments);
        Assert.Equal(Flag.Red, Assert.Single(projects).Flag);
        Assert.Equal(1, measurement.Counts.Flags["housing"][Flag.Red]);
        Assert.Equal(1, measurement.Counts.ProjectFlags["process"][Flag.Red]);
    }

    [Fact]
    public void A_procedure_on_a_year_the_calendar_has_not_loaded_is_reported_not_guessed()
    {
        var measurement = new DayMeasurement(Monday, Reference, 3, ProjectLimits.Default);

        Assert.Null(measurement.Add(Procedure("2022-653001-48-01-00123X", new DateOnly(2023, 12, 1))));

        Assert.Contains("2022-653001-48-01-00123X HC-01", Assert.Single(measurement.Counts.Errors));
        Assert.Empty(measurement.Lines);
    }

    [Fact]
    public void Assessing_alone_measures_as_adding_does_and_counts_nothing_but_a_missing_year()
    {
        var measurement = new DayMeasurement(Monday, Reference, 3, ProjectLimits.Default);
        var procedure = Procedure("2022-653001-48-01-00123X", new DateOnly(2026, 2, 16));

        var assessed = measurement.Assess(procedure);
        var missing = measurement.Assess(Procedure("2022-653001-48-01-00124X", new DateOnly(2023, 12, 1)));

        Assert.Equal(new DayMeasurement(Monday, Reference, 3, ProjectLimits.Default).Add(procedure)!.Assessment, assessed);
        Assert.Null(missing);
        Assert.Empty(measurement.Lines);
        Assert.Equal(0, measurement.Counts.Procedures);
        Assert.Contains("2022-653001-48-01-00124X HC-01", Assert.Single(measurement.Counts.Errors));
    }
}
