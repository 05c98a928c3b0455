using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Monthly;
using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

/// <summary>The monthly efficiency bulletin's figures on cases counted by hand (national calendar, March 2026), and its ranks.</summary>
public class BulletinTests
{
    private static readonly DateOnly March = new(2026, 3, 1);

    private static ProcedureFacts Procedure(
        string project,
        string code,
        string department,
        string handler,
        string accepted,
        string? due,
        string? completed,
        bool late = false
    ) =>
        new(
            project,
            project,
            code,
            department,
            "阿图什市",
            handler,
            null,
            DateOnly.Parse(accepted),
            due is null ? null : DateOnly.Parse(due),
            completed is null ? null : DateOnly.Parse(completed),
            late
        );

    private static SupervisionNotice Notice(string department, string issued, string replyBy, string? replied) =>
        TestNotices.Notice(
            department,
            DateOnly.Parse(issued),
            DateOnly.Parse(replyBy),
            TestNotices.Item(
                reply: replied is null ? null : new NoticeReply("h@x.org", "H", DateOnly.Parse(replied), "r", "m", DateOnly.Parse(replied))
            )
        );

    private static MonthlyInputs Inputs(
        IReadOnlyList<ProcedureFacts> procedures,
        IReadOnlyList<FlagEvent>? flags = null,
        IReadOnlyList<AckEvent>? acks = null,
        IReadOnlyList<SupervisionNotice>? notices = null,
        IReadOnlyList<ProjectProblem>? problems = null
    ) =>
        new(March, procedures, flags ?? [], acks ?? [], notices ?? [], problems ?? [], OfficialCalendars.National, email => email.ToUpperInvariant());

    [Fact]
    public void A_departments_month_counts_finished_on_time_early_days_used_and_overdue_days_as_counted_by_hand()
    {
        var bulletin = BulletinCalculator.Compute(Inputs(
        [
            // Accepted Mon 2 March, due Fri 13 March (9 working days after), done Wed 11 March: early, 7 working days used.
            Procedure("P1", "HC-01", "housing", "a@x.org", "2026-03-02", "2026-03-13", "2026-03-11"),
            // Due Tue 10 March, done Tue 17 March: late; 5 working days overdue in March (11, 12, 13, 16, 17).
            Procedure("P2", "HC-02", "housing", "a@x.org", "2026-03-02", "2026-03-10", "2026-03-17", late: true),
            // Still open, due Fri 27 February: overdue all of March's 22 working days.
            Procedure("P3", "HC-03", "housing", "b@x.org", "2026-02-02", "2026-02-27", null),
            // Finished in February: not this month's.
            Procedure("P4", "HC-01", "housing", "b@x.org", "2026-02-02", "2026-02-20", "2026-02-19"),
            // Done on its due day: on time, not early.
            Procedure("P5", "NR-01", "natural-resources", "c@x.org", "2026-03-02", "2026-03-06", "2026-03-06"),
        ]));

        var housing = bulletin.Departments.Single(d => d.Key == "housing").Figures;
        Assert.Equal((2, 1, 1), (housing.Finished, housing.OnTime, housing.Early));
        Assert.Equal(0.5m, housing.OnTimeRate);
        Assert.Equal((9m, 7.5m), (housing.AverageUsedDays, housing.AverageLimitDays)); // used (7 + 11) / 2, given (9 + 6) / 2
        Assert.Equal(27, housing.OverdueWorkingDays); // 5 + 22
        var resources = bulletin.Departments.Single(d => d.Key == "natural-resources");
        Assert.Equal((1, 1, 0, 1), (resources.Figures.Finished, resources.Figures.OnTime, resources.Figures.Early, resources.Rank));
        Assert.Equal(2, bulletin.Departments.Single(d => d.Key == "housing").Rank);
        Assert.Equal(3, bulletin.Total.Finished);
        Assert.Equal(["c@x.org", "a@x.org", "b@x.org"], bulletin.Handlers.Select(h => h.Key)); // b finished nothing: listed after the ranked
        Assert.Equal(0, bulletin.Handlers[2].Rank);
        Assert.Equal("B@X.ORG", bulletin.Handlers[2].Name);
    }

    [Fact]
    public void Only_those_with_enough_finished_are_ranked_the_rest_listed_with_their_figures()
    {
        var inputs = Inputs(
        [
            Procedure("P1", "HC-01", "housing", "a@x.org", "2026-03-02", "2026-03-20", "2026-03-10"),
            Procedure("P2", "HC-01", "housing", "a@x.org", "2026-03-02", "2026-03-20", "2026-03-11"),
            Procedure("P3", "HC-01", "housing", "a@x.org", "2026-03-02", "2026-03-06", "2026-03-12"),
            Procedure("P4", "HC-01", "housing", "b@x.org", "2026-03-02", "2026-03-20", "2026-03-10"), // one, on time: no measure
        ]) with { RankMinFinished = 3 };

        var bulletin = BulletinCalculator.Compute(inputs);

        Assert.Equal([("a@x.org", 1), ("b@x.org", 0)], bulletin.Handlers.Select(h => (h.Key, h.Rank)));
        Assert.Equal((1, 1m), (bulletin.Handlers[1].Figures.Finished, bulletin.Handlers[1].Figures.OnTimeRate));
        Assert.Equal(3, bulletin.RankMinFinished);
    }

    [Fact]
    public void Flags_acknowledgements_notices_and_problems_count_in_their_month()
    {
        var procedures = new[] { Procedure("P1", "HC-01", "housing", "a@x.org", "2026-02-02", "2026-03-31", null) };
        var bulletin = BulletinCalculator.Compute(
            Inputs(
                procedures,
                flags:
                [
                    new("P1", "HC-01", Flag.Yellow, new(2026, 2, 27)),
                    new("P1", "HC-01", Flag.Red, new(2026, 3, 4)),
                    new("P1", "HC-01", Flag.Red, new(2026, 3, 20)),
                    new("P9", "HC-01", Flag.Red, new(2026, 3, 4)),
                ],
                acks: [new("P1", "HC-01", new(2026, 3, 9)), new("P1", "HC-01", new(2026, 3, 26)), new("P1", "HC-01", new(2026, 2, 27))],
                notices:
                [
                    Notice("housing", "2026-03-02", "2026-03-05", "2026-03-05"),
                    Notice("housing", "2026-03-10", "2026-03-13", "2026-03-16"),
                    Notice("housing", "2026-03-20", "2026-03-25", null),
                    Notice("housing", "2026-02-20", "2026-02-25", "2026-03-02"),
                ],
                problems:
                [
                    new ProjectProblem
                    {
                        ProjectCode = "P1",
                        Id = "W1",
                        Text = "t",
                        Department = "housing",
                        RaisedOn = March,
                        DueOn = March,
                        SignedOn = new(2026, 3, 3),
                        SolvedOn = new(2026, 3, 20),
                    },
                    new ProjectProblem
                    {
                        ProjectCode = "P1",
                        Id = "W2",
                        Text = "t",
                        Department = "housing",
                        RaisedOn = March,
                        DueOn = March,
                        SignedOn = new(2026, 2, 27),
                    },
                ]
            )
        );

        var housing = bulletin.Departments.Single().Figures;
        // Red twice in March is one procedure; P9 is not housing's; yellow in February by History, and in March's last days by its due date.
        Assert.Equal((1, 1), (housing.Yellow, housing.Red));
        Assert.Equal(3.5m, housing.MedianAckWorkingDays); // red 4 March → acknowledged 9 March: 3; red again 20 March → 26 March: 4
        Assert.Equal((3, 1), (housing.NoticesReceived, housing.NoticesAnsweredOnTime));
        Assert.Equal((1, 1), (housing.ProblemsSigned, housing.ProblemsClosed));
        Assert.Equal(0, bulletin.Departments.Single().Rank); // nothing finished, nothing overdue: not ranked
    }

    [Fact]
    public void Ranks_change_against_last_months_bulletin()
    {
        var inputs = Inputs(
        [
            Procedure("P1", "HC-01", "housing", "a@x.org", "2026-03-02", "2026-03-13", "2026-03-11"),
            Procedure("P2", "NR-01", "natural-resources", "c@x.org", "2026-03-02", "2026-03-06", "2026-03-10", late: true),
        ]);
        var february = BulletinCalculator.Compute(inputs) with
        {
            Departments =
            [
                new RankedRow("natural-resources", "n", "natural-resources", new EfficiencyFigures(), 1, null),
                new RankedRow("housing", "h", "housing", new EfficiencyFigures(), 2, null),
            ],
        };

        var bulletin = BulletinCalculator.Compute(inputs, february);

        Assert.Equal([("housing", 1, (int?)1), ("natural-resources", 2, -1)], bulletin.Departments.Select(d => (d.Key, d.Rank, d.RankChange)));
    }

    [Fact]
    public void Days_before_the_first_scan_count_by_their_dates_never_as_zero()
    {
        // No scan ran in March: History holds no flag, the dates still say what each procedure was.
        var bulletin = BulletinCalculator.Compute(
            Inputs(
            [
                Procedure("P1", "HC-01", "housing", "a@x.org", "2026-02-16", "2026-03-10", null), // yellow its last days, red from the 11th
                Procedure("P2", "HC-01", "housing", "a@x.org", "2026-03-02", "2026-04-20", null), // not due within three working days in March
                Procedure("P3", "HC-01", "housing", "a@x.org", "2026-03-02", "2026-04-01", null), // yellow from 27 March
                Procedure("P4", "HC-01", "housing", "a@x.org", "2026-02-02", "2026-03-10", "2026-03-02"), // finished before it was due
            ])
        );

        var housing = bulletin.Departments.Single().Figures;
        Assert.Equal((2, 1), (housing.Yellow, housing.Red)); // P1 yellow on its last days, then red; P3 yellow
    }

    [Fact]
    public void Acceptances_by_law_and_reform_clocks_late_are_counted_in_their_month()
    {
        var bulletin = BulletinCalculator.Compute(
            Inputs(
            [
                Procedure("P1", "HC-01", "housing", "a@x.org", "2026-03-02", "2026-03-20", null) with { DeemedAccepted = true },
                Procedure("P2", "HC-03", "housing", "a@x.org", "2026-03-02", "2026-03-20", null) with
                {
                    ReformDays =
                    [
                        new(ReformClock.Tolerance, new DateOnly(2026, 3, 10), null),
                        new(ReformClock.Commitment, new DateOnly(2026, 3, 12), new DateOnly(2026, 3, 11)),
                    ],
                },
                Procedure("P3", "HC-02", "housing", "a@x.org", "2026-02-02", "2026-02-20", "2026-02-18") with
                {
                    DeemedAccepted = true, // February's
                    ReformDays = [new(ReformClock.Commitment, new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 18))], // verified two days late
                },
            ])
        );

        var housing = bulletin.Departments.Single().Figures;
        Assert.Equal((1, 2), (housing.DeemedAccepted, housing.ReformClocksLate));
    }
}
