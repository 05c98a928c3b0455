using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Weekly;
using ApprovalWatch.Presentation.Weekly;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

public class WeeklyReportTests
{
    private static readonly ReportWeek W12 = new(2026, 12); // made Monday 2026-03-16, as of Sunday 2026-03-15

    private static RegisteredProject Project(
        string code,
        decimal plan,
        ProjectNature nature = ProjectNature.Continuing,
        string county = "阿图什市",
        DateOnly? plannedStart = null,
        DateOnly? startedOn = null,
        DateOnly? convertedOn = null,
        string name = "项目"
    ) =>
        new()
        {
            Code = code,
            Name = name,
            County = county,
            Nature = nature,
            AnnualPlan = plan,
            TotalInvestment = plan * 3,
            PlannedStart = plannedStart,
            StartedOn = startedOn,
            ConvertedOn = convertedOn,
            LeaderEmail = "zhao.deming@kizilsu.example.org",
            ResponsibleUnit = "housing",
        };

    private static WeeklyInputs Inputs(
        IReadOnlyList<RegisteredProject> projects,
        IReadOnlyList<ProgressReport>? progress = null,
        IReadOnlyList<ProcedureFacts>? procedures = null,
        IReadOnlyList<ProjectProblem>? problems = null,
        ReportWeek? week = null,
        string pace = PaceRule.WorkingDays
    ) => new(week ?? W12, projects, progress ?? [], procedures ?? [], problems ?? [], OfficialCalendars.National, new LightRules(Pace: pace));

    [Fact]
    public void A_week_before_any_progress_was_reported_is_a_gap_in_the_trend_not_a_zero_and_the_report_says_since_when()
    {
        var report = WeeklyCalculator.Compute(
            Inputs(
                [Project("2026-653001-48-01-00001X", 1000)],
                progress: [new ProgressReport("2026-653001-48-01-00001X", new DateOnly(2026, 2, 27), 300)]
            ),
            null
        );
        var view = WeeklyView.Of(report, Language.Chinese, name => name);

        Assert.All(report.Trend.Where(p => p.AsOf < new DateOnly(2026, 2, 27)), p => Assert.Null(p.CompletionRate));
        Assert.All(report.Trend.Where(p => p.AsOf >= new DateOnly(2026, 2, 27)), p => Assert.Equal(0.3m, p.CompletionRate));
        Assert.Contains(report.Trend, p => p.CompletionRate is null);
        Assert.Equal(new DateOnly(2026, 2, 27), report.ProgressSince);
        Assert.Contains("投资进度数据自 2026-02-27 起", view.Sections[0].Paragraphs[2]);
    }

    [Fact]
    public void The_headline_says_how_much_of_the_completed_investment_the_checks_doubt_and_a_doubted_project_below_pace_says_so()
    {
        var report = WeeklyCalculator.Compute(
            Inputs(
                [
                    Project("A", 1000, name: "甲"),
                    Project("B", 1000, ProjectNature.NewStart, plannedStart: new DateOnly(2026, 6, 1), name: "乙"), // not started
                ],
                progress: [new ProgressReport("A", new DateOnly(2026, 3, 13), 300), new ProgressReport("B", new DateOnly(2026, 3, 13), 100)]
            )
        );

        // By hand: 400 of 2,000 done (20%); B's 100 reported before its start is doubted: 25% of it; 300 / 2,000 = 15% without.
        var h = report.Headline;
        Assert.Equal((400m, 0.2m, 100m, 0.25m, 0.15m), (h.CompletedWan, h.CompletionRate, h.DoubtedWan, h.DoubtedShare, h.CompletionRateUndoubted));
        var behind = Assert.Single(report.BehindPace);
        Assert.Equal(("B", Plausibility.NotStarted), (behind.Code, behind.Doubt));
        var view = WeeklyView.Of(report, Language.Chinese, name => name);
        Assert.Contains("其中 0.01 亿元（占已完成的 25.00%）来自数据核查存疑的填报", view.Sections[0].Paragraphs[1]);
        Assert.Contains("不计这部分，完成率为 15.00%", view.Sections[0].Paragraphs[1]);
        Assert.Contains(view.Sections.SelectMany(x => x.Tables).SelectMany(t => t.Rows), r => r.Cells.Any(c => c.Contains("乙 B（数据存疑：未开工即报投资）")));
        // Nothing doubted: nothing said.
        var clean = WeeklyCalculator.Compute(Inputs([Project("A", 1000)], progress: [new ProgressReport("A", new DateOnly(2026, 3, 13), 300)]));
        Assert.Equal((0m, null, null), (clean.Headline.DoubtedWan, clean.Headline.DoubtedShare, clean.Headline.CompletionRateUndoubted));
    }

    [Fact]
    public void A_leaders_mail_opens_with_his_own_red_and_yellow_projects_and_a_heads_with_his_departments()
    {
        var report = WeeklyCalculator.Compute(
            Inputs(
                [Project("A", 1000, name: "甲学校"), Project("B", 1000, name: "乙医院")],
                progress: [new ProgressReport("A", new DateOnly(2026, 3, 13), 10), new ProgressReport("B", new DateOnly(2026, 3, 13), 900)]
            )
        );

        var leader = WeeklyView.Of(report, Language.Chinese, n => n, new WeeklyReader(LeaderName: "zhao.deming@kizilsu.example.org"));
        Assert.Equal("zhao.deming@kizilsu.example.org 包联的项目", leader.Sections[0].Title); // no directory here: the address
        var rows = leader.Sections[0].Tables.Single().Rows;
        Assert.Equal(["甲学校（阿图什市）"], rows.Select(r => r.Cells[0])); // the one behind pace, not the green one
        Assert.Equal("住房和城乡建设局 负责的项目", WeeklyView.Of(report, Language.Chinese, n => n, new WeeklyReader(Department: "housing")).Sections[0].Title);
        var whole = WeeklyView.Of(report, Language.Chinese, n => n).Sections[0].Title;
        Assert.Equal(whole, WeeklyView.Of(report, Language.Chinese, n => n, new WeeklyReader()).Sections[0].Title); // the coordinator: the whole
    }

    [Fact]
    public void A_gap_to_pace_is_rounded_once_from_the_exact_figures()
    {
        // 6,001 of 20,000 is 30.005%; the pace, 47 of 248 working days, 18.9516…%: 11.0534 points, 11.05 — not 30.01 − 18.95 = 11.06.
        var report = WeeklyCalculator.Compute(
            Inputs([Project("A", 20_000)], progress: [new ProgressReport("A", new DateOnly(2026, 3, 13), 6_001)])
        );

        Assert.Equal(11.05m, report.Headline.GapPoints);
    }

    [Fact]
    public void The_week_is_measured_as_of_the_sunday_before_its_monday()
    {
        Assert.Equal(new DateOnly(2026, 3, 16), W12.Monday);
        Assert.Equal(new DateOnly(2026, 3, 15), W12.AsOf);
        Assert.Equal(new DateOnly(2026, 3, 9), W12.From);
        Assert.True(ReportWeek.TryParse("2026-W12", out var parsed) && parsed == W12);
        Assert.False(ReportWeek.TryParse("2026-W54", out _));
        Assert.Equal(W12, ReportWeek.Of(new DateOnly(2026, 3, 17)));
    }

    [Fact]
    public void Pace_is_the_share_of_the_years_working_days_on_the_calendar_or_of_whole_months()
    {
        // 2026 has 248 working days (the State Council's notice: New Year, Spring Festival and the swapped Saturdays); 47 of them by 15 March.
        Assert.Equal(47m / 248m, PaceRule.On(new DateOnly(2026, 3, 15), PaceRule.WorkingDays, OfficialCalendars.National));
        Assert.Equal(2m / 12m, PaceRule.On(new DateOnly(2026, 3, 15), PaceRule.Months, OfficialCalendars.National));
        Assert.Equal(3m / 12m, PaceRule.On(new DateOnly(2026, 3, 31), PaceRule.Months, OfficialCalendars.National));
        Assert.Equal(0.1895m, WeeklyCalculator.Compute(Inputs([Project("A", 100)])).Headline.Pace);
    }

    [Fact]
    public void Completion_sums_each_projects_latest_figure_of_the_year_as_decimals()
    {
        var report = WeeklyCalculator.Compute(Inputs(
            [Project("A", 1000), Project("B", 3000)],
            [
                new ProgressReport("A", new DateOnly(2025, 12, 26), 990), // last year's: not this year's figure
                new ProgressReport("A", new DateOnly(2026, 3, 6), 100),
                new ProgressReport("A", new DateOnly(2026, 3, 13), 250),
                new ProgressReport("B", new DateOnly(2026, 3, 13), 900.1m),
                new ProgressReport("B", new DateOnly(2026, 3, 16), 5000), // after the week
            ]));

        Assert.Equal(4000m, report.Headline.PlannedWan);
        Assert.Equal(1150.1m, report.Headline.CompletedWan);
        Assert.Equal(0.2875m, report.Headline.CompletionRate); // 1150.1 / 4000 = 0.287525
        Assert.Equal(0.12m, report.Headline.CompletedYi);
        Assert.Equal(9.80m, report.Headline.GapPoints); // 28.75% − 18.95%
    }

    [Fact]
    public void A_project_that_started_late_counts_as_started_once_it_has_and_a_missed_start_is_named()
    {
        var projects = new[]
        {
            Project("LATE", 100, ProjectNature.NewStart, plannedStart: new(2026, 1, 1), startedOn: new(2026, 3, 10)),
            Project("MISSED", 100, ProjectNature.NewStart, plannedStart: new(2026, 3, 1)),
            Project("APRIL", 100, ProjectNature.NewStart, plannedStart: new(2026, 4, 1)),
        };

        var week12 = WeeklyCalculator.Compute(Inputs(projects)).Starts;
        var week10 = WeeklyCalculator.Compute(Inputs(projects, week: new ReportWeek(2026, 11))).Starts;

        Assert.Equal((2, 1, 0.5m), (week12.PlannedByNow, week12.Started, week12.StartRate));
        Assert.Equal(["MISSED"], week12.NotStarted.Select(p => p.Code));
        Assert.Equal((2, 0), (week10.PlannedByNow, week10.Started)); // planned by the end of March, neither started by 8 March
    }

    [Fact]
    public void A_reserve_project_converted_in_december_does_not_count_for_the_new_year_one_converted_in_january_does()
    {
        var report = WeeklyCalculator.Compute(Inputs(
        [
            Project("DEC", 100, ProjectNature.NewStart, startedOn: new(2025, 12, 20), convertedOn: new(2025, 12, 20)),
            Project("JAN", 100, ProjectNature.NewStart, startedOn: new(2026, 1, 5), convertedOn: new(2026, 1, 5)),
            Project("STILL", 100, ProjectNature.Reserve),
        ]));

        Assert.Equal((2, 1, 0.5m), (report.Starts.ReserveAtYearStart, report.Starts.Converted, report.Starts.ConversionRate));
        Assert.Equal(["JAN"], report.Starts.ConvertedProjects.Select(p => p.Code));
    }

    [Fact]
    public void A_lowered_year_to_date_figure_is_listed_and_the_latest_is_taken()
    {
        var report = WeeklyCalculator.Compute(Inputs(
            [Project("A", 1000)],
            [new ProgressReport("A", new DateOnly(2026, 3, 6), 500), new ProgressReport("A", new DateOnly(2026, 3, 13), 450)]));

        var lowered = Assert.Single(report.Lowered);
        Assert.Equal((new DateOnly(2026, 3, 13), 450m, 500m), (lowered.ReportedOn, lowered.YearToDate, lowered.Before));
        Assert.Equal(450m, report.Headline.CompletedWan);
    }

    [Fact]
    public void A_problem_solved_the_day_it_was_due_is_on_time_and_one_open_past_its_due_date_is_overdue()
    {
        ProjectProblem Problem(string id, DateOnly due, DateOnly? solved = null) =>
            new()
            {
                ProjectCode = "A",
                Id = id,
                Text = "征地",
                Department = "natural-resources",
                RaisedOn = new(2026, 3, 2),
                DueOn = due,
                SolvedOn = solved,
                SolvedBy = solved is null ? "" : "孙强",
            };

        var report = WeeklyCalculator.Compute(
            Inputs(
                [Project("A", 1000)],
                problems:
                [
                    Problem("ON-TIME", new(2026, 3, 12), solved: new(2026, 3, 12)),
                    Problem("LATE", new(2026, 3, 12)),
                    Problem("LATER", new(2026, 3, 20)),
                ]
            )
        );

        var p = report.Problems;
        Assert.Equal((1, 2, 1), (p.SolvedThisWeek, p.Open, p.Overdue));
        Assert.Equal("LATE", Assert.Single(p.OverdueList).Id);
        Assert.Equal(-1, p.OverdueList[0].WorkingDaysLeft); // due Thursday 12 March; Friday 13 March is one working day past it
        Assert.Contains(LightReason.OverdueProblem("LATE", "征地", 1), report.Lights.Single().Reasons);
    }

    [Fact]
    public void The_on_time_rate_counts_procedures_finished_within_their_promised_limit()
    {
        ProcedureFacts Finished(string code, DateOnly on, bool late) =>
            new("A", "项目", code, "housing", "阿图什市", "zhang.wei@kizilsu.example.org", Flag.Green, new(2026, 1, 5), on, on, late);
        var report = WeeklyCalculator.Compute(
            Inputs(
                [Project("A", 1000)],
                procedures:
                [
                    Finished("HC-01", new(2026, 2, 2), late: true),
                    Finished("HC-02", new(2026, 2, 3), late: false),
                    Finished("HC-03", new(2026, 3, 10), late: false),
                    Finished("HC-04", new(2025, 12, 1), late: true),
                ]
            )
        );

        Assert.Equal((1, 1, 1m), (report.Procedures.FinishedThisWeek, report.Procedures.OnTimeThisWeek, report.Procedures.OnTimeRateWeek));
        Assert.Equal((3, 2, 0.6667m), (report.Procedures.FinishedThisYear, report.Procedures.OnTimeThisYear, report.Procedures.OnTimeRateYear));
    }

    [Fact]
    public void Projects_are_lit_by_their_investment_against_pace()
    {
        // Pace 18.95%: 15% done is 3.95 points below (green), 5% is 13.95 (yellow at 10), none is 18.95 (yellow; red only at 15 points or more).
        var inputs = Inputs(
            [Project("G", 100), Project("Y", 100), Project("R", 100)],
            [new ProgressReport("G", new(2026, 3, 13), 15), new ProgressReport("Y", new(2026, 3, 13), 5)]
        );

        string[] Lights(WeeklyInputs i) => WeeklyCalculator.Compute(i).Lights.OrderBy(l => l.Code).Select(l => l.Light).ToArray();

        Assert.Equal(["green", "yellow", "yellow"], Lights(inputs));
        Assert.Equal(["green", "red", "yellow"], Lights(inputs with { Rules = new LightRules(RedPoints: 15) }));
    }

    [Fact]
    public void Changes_are_told_against_last_weeks_report()
    {
        var projects = new[] { Project("A", 1000) };
        var before = WeeklyCalculator.Compute(Inputs(projects, week: new ReportWeek(2026, 11))); // nothing done: yellow against pace
        var now = WeeklyCalculator.Compute(Inputs(projects, [new ProgressReport("A", new(2026, 3, 13), 300)]), before);

        Assert.Equal("2026-W11", now.Changes!.Since);
        Assert.Equal(300m, now.Changes.CompletedWan);
        Assert.Equal(30m, now.Changes.CompletionPoints);
        Assert.Equal(-1, now.Changes.Yellow);
        Assert.Equal(["A"], now.Changes.TurnedGreen);
    }

    [Fact]
    public async Task The_workbook_has_a_summary_and_the_three_lists_with_their_headers()
    {
        var inputs = Inputs(
            [Project("2026-653001-48-01-00123X", 1000, name: "阿图什市新城学校建设项目")],
            procedures:
            [
                new ProcedureFacts(
                    "2026-653001-48-01-00123X",
                    "阿图什市新城学校建设项目",
                    "HC-01",
                    "housing",
                    "阿图什市",
                    "zhang.wei@kizilsu.example.org",
                    Flag.Red,
                    new(2026, 2, 2),
                    new(2026, 3, 2),
                    null,
                    false
                )
                {
                    // A 容缺受理 day passed with the materials missing, and a commitment already checked.
                    ReformDays = [new(ReformClock.Tolerance, new(2026, 3, 10), null), new(ReformClock.Commitment, new(2026, 3, 12), new(2026, 3, 11))],
                },
            ]
        );
        var bytes = await WeeklyWorkbook.WriteAsync(WeeklyCalculator.Compute(inputs), inputs);

        var rows = new List<(string Sheet, object?[] Values, string[] Formats)>();
        using (var reader = ExcelDataReader.ExcelReaderFactory.CreateReader(new MemoryStream(bytes)))
        {
            do
            {
                while (reader.Read())
                {
                    rows.Add(
                        (
                            reader.Name,
                            Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue).ToArray(),
                            Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetNumberFormatString(i) ?? "").ToArray()
                        )
                    );
                }
            }
            while (reader.NextResult());
        }

        Assert.Equal(
            [
                WeeklyWorkbook.SummarySheet,
                WeeklyWorkbook.TaskSheet,
                WeeklyWorkbook.ResponsibilitySheet,
                WeeklyWorkbook.TimeLimitSheet,
                WeeklyWorkbook.LeaderSheet,
                WeeklyWorkbook.BehindSheet,
                WeeklyWorkbook.CheckSheet,
                WeeklyWorkbook.NoticeSheet,
            ],
            rows.Select(r => r.Sheet).Distinct()
        );
        Assert.Equal(
            ["zhao.deming@kizilsu.example.org", 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 0.0, 0.0],
            rows.Where(r => r.Sheet == WeeklyWorkbook.LeaderSheet).Skip(1).Single().Values
        ); // no directory here: the address; yellow, behind pace, one overdue procedure
        object? Summary(string label) => rows.Single(r => r.Sheet == WeeklyWorkbook.SummarySheet && Equals(r.Values[0], label)).Values[1];
        string SummaryFormat(string label) => rows.Single(r => r.Sheet == WeeklyWorkbook.SummarySheet && Equals(r.Values[0], label)).Formats[1];
        // Numbers are numbers with their formats: they sum, sort and filter.
        Assert.Equal(0.1, Summary("年度计划投资（亿元）"));
        Assert.Equal("#,##0.00", SummaryFormat("年度计划投资（亿元）"));
        Assert.IsType<double>(Summary("完成率"));
        Assert.Equal("0.00%", SummaryFormat("序时进度"));
        Assert.Equal(1.0, Summary("在库项目（个）"));
        Assert.Equal(new DateTime(2026, 3, 15), Summary("数据截至"));
        Assert.Equal(["项目代码", "项目名称", "县市", "类别", "事项", "状态", "说明"], rows.First(r => r.Sheet == WeeklyWorkbook.TaskSheet).Values.Select(v => v?.ToString()));
        var limits = rows.Where(r => r.Sheet == WeeklyWorkbook.TimeLimitSheet).Skip(1).ToList();
        Assert.Equal(2, limits.Count);
        Assert.Equal(
            ["2026-653001-48-01-00123X", "阿图什市新城学校建设项目", "HC-01", new DateTime(2026, 2, 2), new DateTime(2026, 3, 2), -9.0],
            limits[0].Values
        ); // 3 to 13 March: 9 working days past
        Assert.Equal("yyyy-mm-dd", limits[0].Formats[3]);
        // The reform clock still running is a task of its own, in all three lists; the checked commitment is not.
        Assert.Equal(
            ["2026-653001-48-01-00123X", "阿图什市新城学校建设项目", "HC-01 补齐容缺材料", new DateTime(2026, 2, 2), new DateTime(2026, 3, 10), -3.0],
            limits[1].Values
        );
        var task = rows.Where(r => r.Sheet == WeeklyWorkbook.TaskSheet).Skip(1).ToList();
        Assert.Equal("容缺受理", task[1].Values[3]);
        Assert.Equal("超期", task[1].Values[5]);
    }

    [Fact]
    public void The_charts_are_pngs_with_something_drawn()
    {
        var report = WeeklyCalculator.Compute(Inputs([Project("A", 1000), Project("B", 500, county: "乌恰县")], [new ProgressReport("A", new(2026, 3, 13), 300)]));

        var charts = WeeklyCharts.Render(report, Language.Chinese);

        Assert.Equal([WeeklyCharts.CountyChart, WeeklyCharts.TrendChart], charts.Keys.Order());
        Assert.All(charts.Values, png =>
        {
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            Assert.True(png.Length > 5_000, $"{png.Length} bytes");
        });
    }

    [Fact]
    public void Names_in_the_report_are_html_encoded()
    {
        var report = WeeklyCalculator.Compute(
            Inputs([Project("A", 1000, ProjectNature.NewStart, plannedStart: new(2026, 3, 1), name: "<script>alert(1)</script>学校")])
        ); // named among the missed starts

        foreach (var language in new[] { Language.Chinese, Language.English })
        {
            var html = WeeklyRenderer.Render(report, language, name => "cid:" + name).Html;
            Assert.DoesNotContain("<script>", html);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;学校", html);
        }
    }

    [Fact]
    public void A_red_project_s_reasons_are_said_in_the_reader_s_language_with_procedure_names()
    {
        var project = Project("2026-653001-48-01-00001X", 1000, ProjectNature.NewStart, plannedStart: new DateOnly(2026, 1, 1));
        var late = new ProcedureFacts(
            project.Code,
            "项目",
            "NR-02",
            "natural-resources",
            "阿图什市",
            "li.na@kizilsu.example.org",
            Flag.Red,
            new(2026, 1, 5),
            new(2026, 2, 27),
            null,
            false
        );
        var problem = new ProjectProblem
        {
            ProjectCode = project.Code,
            Id = "P1",
            Text = "施工用电接入滞后",
            Department = "power",
            RaisedOn = new(2026, 3, 2),
            DueOn = new(2026, 3, 5),
        };
        var catalogue = new Catalogue.ProcedureCatalogue([
            new Catalogue.CatalogueEntry("NR-02", "建设用地规划许可证", "Land-use planning permit", "natural-resources", 1, 20, 15),
        ]);
        var report = WeeklyCalculator.Compute(Inputs([project], procedures: [late], problems: [problem]) with { Catalogue = catalogue });

        Assert.Equal(
            [LightReason.BelowPace, LightReason.StartMissed, LightReason.ProcedureOverdue, LightReason.ProblemOverdue],
            report.Lights.Single().Reasons.Select(r => r.Kind)
        );
        string Why(Language language) =>
            WeeklyView
                .Of(report, language, name => name)
                .Sections.SelectMany(s => s.Tables)
                .Single(t => t.Headers[^1] is "原因" or "Why")
                .Rows.Single()
                .Cells[^1];
        var chinese = Why(Language.Chinese);
        Assert.Contains("建设用地规划许可证超期 11 个工作日", chinese);
        Assert.Contains("计划 2026-01 开工，尚未开工", chinese);
        Assert.Contains("问题“施工用电接入滞后”超期 6 个工作日", chinese);
        Assert.Matches("^投资完成低于序时进度 [0-9.]+ 个百分点；", chinese);
        Assert.DoesNotMatch("[A-Za-z]{2,}", chinese);
        Assert.Contains("Land-use planning permit overdue 11 working days", Why(Language.English));
    }

    [Fact]
    public void Reasons_round_trip_as_data_and_a_report_archived_with_text_reasons_still_reads()
    {
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        var reasons = new[] { LightReason.InvestmentBelowPace(12.5m), LightReason.OverdueProcedure("HC-03", 11) };
        Assert.Equal(reasons, System.Text.Json.JsonSerializer.Deserialize<LightReason[]>(System.Text.Json.JsonSerializer.Serialize(reasons, options), options));

        var archived = System.Text.Json.JsonSerializer.Deserialize<LightReason[]>("""["NR-02 overdue 10 working days"]""", options)!;
        Assert.Equal(new LightReason(LightReason.Legacy, Text: "NR-02 overdue 10 working days"), Assert.Single(archived));
        Assert.Equal("NR-02 overdue 10 working days", ReasonText.Say(archived[0], new Dictionary<string, ProcedureName>(), Presentation.Words.Chinese));
    }

    [Fact]
    public void The_meeting_by_leader_names_whose_projects_are_behind_and_why_and_ranks_every_project_below_pace()
    {
        RegisteredProject Of(string code, string leader, ProjectNature nature = ProjectNature.Continuing, DateOnly? plannedStart = null) =>
            Project(code, 1000, nature, plannedStart: plannedStart) with { LeaderEmail = leader };
        var zheng = "zheng.hai@kizilsu.example.org";
        var zhou = "zhou.lixin@kizilsu.example.org";
        var projects = new[]
        {
            Of("2026-653001-48-01-00001X", zheng, ProjectNature.NewStart, plannedStart: new(2026, 1, 1)), // a missed start
            Of("2026-653001-48-01-00002X", zheng, ProjectNature.NewStart, plannedStart: new(2026, 2, 1)), // another
            Of("2026-653001-48-01-00003X", zhou),
            Of("2026-653001-48-01-00004X", zhou),
        };
        var progress = new[]
        {
            new ProgressReport(projects[2].Code, new(2026, 3, 13), 150), // 15% against a pace of about 19%: behind, but no light
            new ProgressReport(projects[3].Code, new(2026, 3, 13), 250), // ahead
        };
        var inputs = Inputs(projects, progress) with { NameOf = email => email == zheng ? "郑海" : "周立新" };

        var report = WeeklyCalculator.Compute(inputs);

        var first = report.Leaders[0];
        Assert.Equal(("郑海", 2, 2), (first.Leader, first.Projects, first.MissedStarts)); // the missed starts are one leader's, and say so
        var second = report.Leaders.Single(l => l.Leader == "周立新");
        Assert.Equal((0, 0, 1), (second.Red, second.Yellow, second.BehindPace));
        Assert.Equal((2, 2), (first.BehindLastWeek, second.BehindLastWeek)); // a week before nobody had reported: all four behind
        Assert.Equal(projects[2].Code, Assert.Single(second.Behind).Code);
        Assert.Equal([projects[0].Code, projects[1].Code, projects[2].Code], report.BehindPace.Select(b => b.Code).Take(3)); // 0% before 15%
        Assert.Equal(decimal.Round((report.Headline.Pace - 0.15m) * 100, 2), report.BehindPace.Single(b => b.Code == projects[2].Code).GapPoints);
        var basis = report.PaceBasis!;
        Assert.Equal((47, 248), (basis.Elapsed, basis.Total)); // the national calendar here: 47 working days by 15 March
        var view = WeeklyView.Of(report, Language.Chinese, name => name);
        Assert.Contains("47/248 个工作日", view.Sections.Single(s => s.Title == "按包联领导").Paragraphs[0]);

        var json = System.Text.Json.JsonSerializer.Serialize(report);
        var back = System.Text.Json.JsonSerializer.Deserialize<WeeklyReport>(json)!;
        Assert.Equal(report.Leaders.Select(l => (l.Leader, l.MissedStarts, l.BehindPace)), back.Leaders.Select(l => (l.Leader, l.MissedStarts, l.BehindPace)));
    }

    [Fact]
    public void A_start_its_open_procedures_cannot_allow_is_at_risk_weeks_before_it_is_missed()
    {
        var april = Project("2026-653001-48-01-00001X", 1000, ProjectNature.NewStart, plannedStart: new(2026, 4, 1));
        var fine = Project("2026-653001-48-01-00002X", 1000, ProjectNature.NewStart, plannedStart: new(2026, 4, 1));
        var paused = Project("2026-653001-48-01-00003X", 1000, ProjectNature.NewStart, plannedStart: new(2026, 5, 1));
        var july = Project("2026-653001-48-01-00004X", 1000, ProjectNature.NewStart, plannedStart: new(2026, 7, 1)); // beyond three months
        ProcedureFacts Open(RegisteredProject p, string code, DateOnly? due) =>
            new(p.Code, p.Name, code, "housing", p.County, "a@b.org", Flag.Green, new(2026, 3, 2), due, null, false);
        var catalogue = new Catalogue.ProcedureCatalogue([
            new("HC-01", "施工图审查", "Construction drawings review", "housing", 1, 20, 15),
            new("NR-03", "建设工程规划许可证", "Construction works planning permit", "natural-resources", 2, 20, 15),
            new("EE-09", "竣工环保验收", "Completion environmental acceptance", "ecology", 4, 20, 15),
        ]);
        var procedures = new[]
        {
            Open(april, "HC-01", new(2026, 3, 20)),
            Open(april, "NR-03", new(2026, 5, 8)),
            Open(april, "EE-09", new(2026, 9, 1)), // acceptance comes after the start
            Open(fine, "HC-01", new(2026, 4, 30)),
            Open(paused, "HC-01", null),
            Open(july, "NR-03", new(2026, 8, 1)),
        };

        var risks = WeeklyCalculator.Compute(Inputs([april, fine, paused, july], procedures: procedures) with { Catalogue = catalogue }).StartRisks;

        Assert.Equal([april.Code, paused.Code], risks.Select(r => r.Code));
        Assert.Equal(["NR-03"], risks[0].Blocking);
        Assert.Equal(new DateOnly(2026, 5, 9), risks[0].EarliestStart); // the working day after 8 May: Saturday 9 May is worked
        Assert.Equal(["HC-01"], risks[1].Blocking);
        Assert.Null(risks[1].EarliestStart); // paused: no date yet
    }

    [Fact]
    public void A_start_sees_what_was_never_applied_for_each_step_from_today_at_its_limit_in_the_catalogues_order()
    {
        var march = Project("2026-653001-48-01-00005X", 1000, ProjectNature.NewStart, plannedStart: new(2026, 3, 20), name: "三月开工项目");
        var catalogue = new Catalogue.ProcedureCatalogue([
            new("NR-02", "建设用地规划许可证", "Land-use planning permit", "natural-resources", 1, 20, 7),
            new("NR-03", "建设工程规划许可证", "Construction works planning permit", "natural-resources", 2, 20, 10) { Requires = ["NR-02"] },
            new("HC-01", "施工图审查", "Construction drawings review", "housing", 2, 15, 15) { Kind = Catalogue.ProcedureKind.Review },
            new("HC-02", "建筑工程施工许可证", "Construction permit", "housing", 3, 7, 7) { Requires = ["NR-03", "HC-01"] },
        ]);

        var risk = Assert.Single(WeeklyCalculator.Compute(Inputs([march]) with { Catalogue = catalogue }).StartRisks);

        // By hand on the 2026 calendar, nothing applied for, from Sunday 15 March: NR-02 in 7 working days, 24 March; NR-03
        // 10 after it, 8 April (清明 4–6 April off); HC-01 15 from the 15th, 3 April; HC-02 7 after both, 17 April: the
        // earliest start is Monday 20 April, past March.
        Assert.Equal(new DateOnly(2026, 4, 20), risk.EarliestStart);
        Assert.Equal(["HC-01", "NR-03", "HC-02"], risk.Blocking); // NR-02 ends in March: not blocking
        Assert.Equal(["HC-01", "NR-03", "HC-02"], risk.NotApplied);
        var view = WeeklyView.Of(WeeklyCalculator.Compute(Inputs([march]) with { Catalogue = catalogue }), Language.Chinese, n => n);
        var row = view.Sections.Single(x => x.Title == "开工风险").Tables.Single().Rows.Single();
        Assert.Equal("2026-04-20", row.Cells[3]);
        Assert.Contains("建筑工程施工许可证（尚未申请）", row.Cells[4]);
    }
}
