using System.Globalization;
using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Domain.Weekly;

namespace ApprovalWatch.Presentation.Weekly;

/// <summary>A table of the report: headers, rows of text, and a light per row (for its colour) where it has one.</summary>
public sealed record ViewTable(IReadOnlyList<string> Headers, IReadOnlyList<ViewRow> Rows);

public sealed record ViewRow(IReadOnlyList<string> Cells, string Light = "");

public sealed record ViewSection(string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<ViewTable> Tables, IReadOnlyList<ViewImage> Images);

public sealed record ViewImage(string Source, string Alt);

/// <summary>
/// Who a report's mail is for, so that it opens with what is his: a leader in charge his own projects (by the name the
/// report gives leaders), a head his department's; anyone else (the coordinator) the whole.
/// </summary>
public sealed record WeeklyReader(string? LeaderName = null, string? Department = null);

/// <summary>The weekly report as a reader sees it, in Chinese or English: every figure formatted, in sections of paragraphs, charts and tables.</summary>
public sealed record WeeklyView(string Subject, string Title, string Intro, IReadOnlyList<ViewSection> Sections)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="image">Where a chart's image is found, by its name (a content id in a mail, a file beside the archived page).</param>
    public static WeeklyView Of(WeeklyReport report, Language language, Func<string, string> image, WeeklyReader? reader = null)
    {
        var zh = language != Language.English;
        var w = Words.Of(zh);
        string Dept(string id) => w.Department(id);
        string NoticeState(NoticeLine n) =>
            n.State switch
            {
                Domain.Notices.NoticeState.Replied => w.Format("weekly.notice_replied", Date(n.RepliedOn!.Value)),
                Domain.Notices.NoticeState.RepliedLate => w.Format("weekly.notice_replied_late", Date(n.RepliedOn!.Value)),
                Domain.Notices.NoticeState.ReplyOverdue => n.ClimbedOn is { } climbed
                    ? w.Format("weekly.notice_overdue_climbed", Date(climbed))
                    : w["weekly.notice_overdue"],
                _ => w["weekly.notice_awaiting"],
            };
        string County(string name) => zh ? name : Counties.English(name);
        var h = report.Headline;
        var natures = string.Join(
            w["digest.list_separator"],
            h.ByNature.Select(n => $"{(zh ? ProjectNatures.FromCode(n.Key).ChineseName() : n.Key.Replace('_', ' '))} {n.Value}")
        );
        var ahead = h.GapPoints >= 0;
        var sections = new List<ViewSection>
        {
            new(
                w["weekly.headline"],
                [
                    w.Format(
                        "weekly.headline_text",
                        h.Projects,
                        natures,
                        Yi(h.PlannedWan),
                        Yi(h.CompletedWan),
                        Pct(h.CompletionRate),
                        Pct(h.Pace),
                        PaceRule.Describe(h.PaceRule, zh),
                        w[ahead ? "weekly.ahead_of" : "weekly.behind"],
                        Math.Abs(h.GapPoints).ToString("0.00", Invariant)
                    ),
                    .. (
                        h.DoubtedShare is { } share
                            ? [w.Format("weekly.doubted_text", Yi(h.DoubtedWan), Pct(share), Pct(h.CompletionRateUndoubted ?? 0))]
                            : Array.Empty<string>()
                    ),
                    w.Format(
                        "weekly.lights_text",
                        report.Count(WeeklyCalculator.Red),
                        report.Count(WeeklyCalculator.Yellow),
                        report.Count(WeeklyCalculator.Green)
                    ),
                    report.ProgressSince is { } since ? w.Format("weekly.progress_since", Date(since)) : w["weekly.no_progress_yet"],
                ],
                report.Changes is { } c
                    ?
                    [
                        new ViewTable(
                            [w["weekly.figure"], w.Format("weekly.since_last_week", c.Since)],
                            [
                                new([w["weekly.completed_investment"], $"{Signed(c.CompletedWan / 10_000m)} {w["weekly.yi"]}"]),
                                new([w["weekly.completion_rate"], $"{Signed(c.CompletionPoints)} {w["weekly.points"]}"]),
                                new([w["weekly.gap_to_pace"], $"{Signed(c.GapPoints)} {w["weekly.points"]}"]),
                                new([w["weekly.new_start_rate"], $"{Signed(c.StartRatePoints)} {w["weekly.points"]}"]),
                                new([w["weekly.reserve_conversion"], $"{Signed(c.ConversionRatePoints)} {w["weekly.points"]}"]),
                                new([w["weekly.on_time_rate_this_year"], c.OnTimeYearPoints is { } p ? $"{Signed(p)} {w["weekly.points"]}" : "—"]),
                                new([w["weekly.red_projects"], Signed(c.Red)]),
                                new([w["weekly.yellow_projects"], Signed(c.Yellow)]),
                                new([w["weekly.open_problems"], Signed(c.OpenProblems)]),
                                new([w["weekly.turned_red"], c.TurnedRed.Count == 0 ? "—" : string.Join(", ", c.TurnedRed)]),
                                new([w["weekly.turned_green"], c.TurnedGreen.Count == 0 ? "—" : string.Join(", ", c.TurnedGreen)]),
                            ]
                        ),
                    ]
                    : [],
                [
                    new ViewImage(image(WeeklyCharts.CountyChart), w["weekly.completion_against_pace_by_county"]),
                    new ViewImage(image(WeeklyCharts.TrendChart), w["weekly.completion_pace_and_start_rate_over_the_last_weeks"]),
                ]
            ),
        };

        var s = report.Starts;
        sections.Add(
            new ViewSection(
                w["weekly.new_starts_and_reserve_conversion"],
                [
                    w.Format("weekly.starts_text", s.PlannedByNow, s.Started, Pct(s.StartRate)),
                    w.Format("weekly.conversion_text", s.ReserveAtYearStart, s.Converted, Pct(s.ConversionRate)),
                ],
                [
                    new ViewTable(
                        [w["weekly.not_started_as_planned"], w["weekly.county"], w["weekly.leader_in_charge"], w["weekly.planned_start"]],
                        s.NotStarted.Select(p => new ViewRow([$"{p.Name} {p.Code}", County(p.County), p.Leader, p.Note], WeeklyCalculator.Yellow))
                            .ToList()
                    ),
                ],
                []
            )
        );

        sections.Add(
            new ViewSection(
                w["weekly.start_risk"],
                [
                    w.Format(
                        "weekly.start_risk_text",
                        report.StartRisks.Count(r => r.EarliestStart is not null),
                        report.StartRisks.Count(r => r.EarliestStart is null)
                    ),
                ],
                report.StartRisks.Count == 0
                    ? []
                    :
                    [
                        new ViewTable(
                            [
                                w["weekly.project"],
                                w["weekly.leader_in_charge"],
                                w["weekly.planned_start"],
                                w["weekly.earliest_start"],
                                w["weekly.blocking"],
                            ],
                            report
                                .StartRisks.Select(r => new ViewRow(
                                    [
                                        $"{r.Name} {r.Code}",
                                        r.Leader,
                                        r.PlannedStart.ToString("yyyy-MM", Invariant),
                                        r.EarliestStart is { } e ? Date(e) : w["weekly.paused_unknown"],
                                        string.Join(
                                            w["reason.separator"],
                                            r.Blocking.Select(b =>
                                                ReasonText.Procedure(report.ProcedureNames, b, w) + (r.NotApplied.Contains(b) ? w["weekly.not_applied"] : "")
                                            )
                                        ),
                                    ],
                                    WeeklyCalculator.Yellow
                                ))
                                .ToList()
                        ),
                    ],
                []
            )
        );

        var pr = report.Procedures;
        sections.Add(
            new ViewSection(
                w["weekly.approval_procedures"],
                [
                    w.Format(
                        "weekly.finished_text",
                        pr.FinishedThisWeek,
                        pr.OnTimeThisWeek,
                        PctOrDash(pr.OnTimeRateWeek),
                        pr.FinishedThisYear,
                        pr.OnTimeThisYear,
                        PctOrDash(pr.OnTimeRateYear)
                    ),
                ],
                [
                    new ViewTable(
                        [w["weekly.department"], w["weekly.yellow"], w["weekly.red"]],
                        pr.ByDepartment.Select(o => new ViewRow(
                                [Dept(o.Name), $"{o.Yellow}", $"{o.Red}"],
                                o.Red > 0 ? WeeklyCalculator.Red
                                    : o.Yellow > 0 ? WeeklyCalculator.Yellow
                                    : ""
                            ))
                            .ToList()
                    ),
                    new ViewTable(
                        [w["weekly.county"], w["weekly.yellow"], w["weekly.red"]],
                        pr.ByCounty.Select(o => new ViewRow(
                                [County(o.Name), $"{o.Yellow}", $"{o.Red}"],
                                o.Red > 0 ? WeeklyCalculator.Red
                                    : o.Yellow > 0 ? WeeklyCalculator.Yellow
                                    : ""
                            ))
                            .ToList()
                    ),
                    new ViewTable(
                        [
                            w["weekly.the_ten_longest_overdue"],
                            w["weekly.department"],
                            w["weekly.handler"],
                            w["weekly.due"],
                            w["weekly.overdue_working_days"],
                        ],
                        pr.Worst.Select(o => new ViewRow(
                                [
                                    $"{o.ProjectName} {ReasonText.Procedure(report.ProcedureNames, o.Procedure, w)}",
                                    Dept(o.Department),
                                    o.Handler,
                                    Date(o.DueOn),
                                    $"{o.WorkingDaysOverdue}",
                                ],
                                WeeklyCalculator.Red
                            ))
                            .ToList()
                    ),
                ],
                []
            )
        );

        var pb = report.Problems;
        sections.Add(
            new ViewSection(
                w["weekly.problem_list"],
                [w.Format("weekly.problems_text", pb.OpenedThisWeek, pb.SolvedThisWeek, pb.Open, pb.Overdue)],
                [
                    new ViewTable(
                        [
                            w["weekly.responsible_department"],
                            w["weekly.raised"],
                            w["weekly.closed"],
                            w["weekly.open"],
                            w["weekly.overdue"],
                            w["weekly.unsigned"],
                            w["weekly.returned"],
                        ],
                        pb.ByDepartment.Select(d => new ViewRow(
                                [Dept(d.Department), $"{d.Opened}", $"{d.Solved}", $"{d.Open}", $"{d.Overdue}", $"{d.Unsigned}", $"{d.Returned}"],
                                d.Overdue > 0 ? WeeklyCalculator.Red
                                    : d.Unsigned + d.Returned > 0 ? WeeklyCalculator.Yellow
                                    : ""
                            ))
                            .ToList()
                    ),
                    new ViewTable(
                        [
                            w["weekly.overdue_problems"],
                            w["weekly.responsible_department"],
                            w["weekly.raised_on"],
                            w["weekly.due_to_solve"],
                            w["weekly.overdue_working_days"],
                        ],
                        pb.OverdueList.Select(p => new ViewRow(
                                [
                                    $"{p.ProjectName}：{p.Text}（{p.Id}）",
                                    Dept(p.Department),
                                    Date(p.RaisedOn),
                                    Date(p.DueOn),
                                    $"{-p.WorkingDaysLeft}",
                                ],
                                WeeklyCalculator.Red
                            ))
                            .ToList()
                    ),
                ],
                []
            )
        );

        sections.Add(
            new ViewSection(
                w["weekly.red_projects"],
                [],
                [
                    new ViewTable(
                        [
                            w["weekly.project"],
                            w["weekly.county"],
                            w["weekly.leader_in_charge"],
                            w["weekly.responsible_unit"],
                            w["weekly.completion"],
                            w["weekly.why"],
                        ],
                        report
                            .Lights.Where(l => l.Light == WeeklyCalculator.Red)
                            .Select(l => new ViewRow(
                                [
                                    $"{l.Name} {l.Code}",
                                    County(l.County),
                                    l.Leader,
                                    Dept(l.Unit),
                                    PctOrDash(l.CompletionRate),
                                    ReasonText.Join(l.Reasons, report.ProcedureNames, w),
                                ],
                                WeeklyCalculator.Red
                            ))
                            .ToList()
                    ),
                ],
                []
            )
        );

        var groups = CheckGroups.Of(report.DataChecks);
        sections.Add(
            new ViewSection(
                w["weekly.data_checks"],
                [w.Format("weekly.data_checks_text", report.DataChecks.Count)],
                groups.Count == 0
                    ? []
                    :
                    [
                        new ViewTable(
                            [w["weekly.check"], w["weekly.count"], w["weekly.amount_wan"]],
                            [.. groups.Select(g => new ViewRow([w["check_kind." + g.Check], $"{g.Count}", g.Sum > 0 ? Wan(g.Sum) : "—"]))]
                        ),
                        .. groups.Select(g => new ViewTable(
                            // Each kind's largest few; the rest are in the workbook.
                            [
                                w["check_kind." + g.Check]
                                    + $"（{(g.Count > CheckGroups.Shown ? w.Format("weekly.checks_top", CheckGroups.Shown, g.Count) : $"{g.Count}")}）",
                                w["weekly.check"],
                                w["weekly.first_reported"],
                                w["weekly.department"],
                            ],
                            [
                                .. g.Items.Take(CheckGroups.Shown).Select(c => new ViewRow(
                                    [
                                        c.ProjectName,
                                        CheckText.Say(c, w, report.ProcedureNames),
                                        c.FirstReported is { } first ? Date(first) : "—",
                                        Dept(c.Department),
                                    ],
                                    WeeklyCalculator.Yellow
                                )),
                            ]
                        )),
                    ],
                []
            )
        );

        if (report.Notices.Count > 0)
        {
            sections.Add(
                new ViewSection(
                    w["weekly.notices"],
                    [
                        w.Format(
                            "weekly.notices_text",
                            report.Notices.Count(n => n.State == Domain.Notices.NoticeState.ReplyOverdue),
                            report.Notices.Count(n => n.State == Domain.Notices.NoticeState.AwaitingReply)
                        ),
                    ],
                    [
                        new ViewTable(
                            [
                                w["weekly.notice_number"],
                                w["weekly.department"],
                                w["weekly.project"],
                                w["weekly.notice_issued"],
                                w["weekly.notice_reply_by"],
                                w["weekly.notice_state"],
                            ],
                            report
                                .Notices.Select(n => new ViewRow(
                                    [
                                        n.Number,
                                        Dept(n.Department),
                                        language == Language.English ? $"{n.ProjectName}: {n.ItemEnglish}" : $"{n.ProjectName}：{n.Item}",
                                        Date(n.IssuedOn),
                                        Date(n.ReplyBy),
                                        NoticeState(n),
                                    ],
                                    n.State == Domain.Notices.NoticeState.ReplyOverdue ? WeeklyCalculator.Red
                                        : n.State == Domain.Notices.NoticeState.AwaitingReply ? WeeklyCalculator.Yellow
                                        : ""
                                ))
                                .ToList()
                        ),
                    ],
                    []
                )
            );
        }

        if (report.LateReports.Count > 0)
        {
            sections.Add(
                new ViewSection(
                    w["weekly.late_reports"],
                    [w.Format("weekly.late_reports_text", report.LateReports.Count)],
                    [
                        new ViewTable(
                            [w["weekly.project"], w["weekly.department"], w["weekly.late_what"], w["weekly.late_earlier"], w["weekly.late_file"]],
                            report
                                .LateReports.Select(l => new ViewRow(
                                    [
                                        $"{l.ProjectCode} {ReasonText.Procedure(report.ProcedureNames, l.Procedure, w)}",
                                        Dept(l.Department),
                                        w.Format("weekly.late_" + l.What, Date(l.Reported)),
                                        $"{l.EarlierFile}（{Date(l.EarlierAsOf)}）",
                                        $"{l.File}（{Date(l.RecordedOn)}）",
                                    ],
                                    WeeklyCalculator.Yellow
                                ))
                                .ToList()
                        ),
                    ],
                    []
                )
            );
        }

        const int BehindShown = 30;
        var basis = report.PaceBasis;
        sections.Add(
            new ViewSection(
                w["weekly.by_leader"],
                [
                    h.PaceRule == PaceRule.Curve
                        ? w.Format("weekly.by_leader_curve_text", Pct(h.Pace))
                        : w.Format(
                            "weekly.by_leader_text",
                            Pct(h.Pace),
                            basis?.Elapsed,
                            basis?.Total,
                            w[h.PaceRule == PaceRule.Months ? "weekly.months" : "weekly.working_days"]
                        ),
                ],
                [
                    new ViewTable(
                        [
                            w["weekly.leader_in_charge"],
                            w["weekly.projects_column"],
                            w["weekly.red"],
                            w["weekly.yellow"],
                            w["weekly.below_pace"],
                            w["weekly.below_pace_change"],
                            w["weekly.missed_starts"],
                            w["weekly.overdue_procedures"],
                            w["weekly.overdue_problems_count"],
                            w["weekly.stale_checks"],
                            w["weekly.furthest_behind"],
                        ],
                        report
                            .Leaders.Select(l => new ViewRow(
                                [
                                    l.Leader,
                                    $"{l.Projects}",
                                    $"{l.Red}",
                                    $"{l.Yellow}",
                                    $"{l.BehindPace}",
                                    l.BehindLastWeek is { } last ? Signed(l.BehindPace - last) : "—",
                                    $"{l.MissedStarts}",
                                    $"{l.OverdueProcedures}",
                                    $"{l.OverdueProblems}",
                                    $"{l.StaleChecks}",
                                    l.Behind.FirstOrDefault() is { } worst ? $"{worst.Name}（{Gap(worst.GapPoints)}）" : "—",
                                ],
                                l.Red > 0 ? WeeklyCalculator.Red
                                    : l.Yellow > 0 || l.MissedStarts > 0 ? WeeklyCalculator.Yellow
                                    : ""
                            ))
                            .ToList()
                    ),
                    new ViewTable(
                        [
                            w["weekly.rank"],
                            w["weekly.behind_pace_ranked"],
                            w["weekly.leader_in_charge"],
                            w["weekly.completion"],
                            w["weekly.gap_points"],
                        ],
                        report
                            .BehindPace.Take(BehindShown)
                            .Select((b, i) =>
                                new ViewRow(
                                    [
                                        $"{i + 1}",
                                        $"{b.Name} {b.Code}" + (b.Doubt is { } doubt ? w.Format("weekly.doubted_row", w["check_kind." + doubt]) : ""),
                                        b.Leader,
                                        Pct(b.CompletionRate),
                                        Gap(b.GapPoints),
                                    ]
                                )
                            )
                            .ToList()
                    ),
                ],
                []
            )
        );

        ViewTable Ranking(string name, IReadOnlyList<AreaRank> ranks, Func<string, string> label) =>
            new(
                [w["weekly.rank"], name, w["weekly.plan"], w["weekly.done"], w["weekly.completion"], w["weekly.on_time"], w["weekly.red_projects"]],
                ranks
                    .Select(r => new ViewRow([
                        $"{r.Rank}",
                        label(r.Name),
                        Yi(r.PlannedWan),
                        Yi(r.CompletedWan),
                        PctOrDash(r.CompletionRate),
                        PctOrDash(r.OnTimeRate),
                        $"{r.Red}",
                    ]))
                    .ToList()
            );
        sections.Add(
            new ViewSection(
                w["weekly.counties_and_departments_ranked"],
                [],
                [Ranking(w["weekly.county"], report.Counties, County), Ranking(w["weekly.responsible_unit"], report.Departments, Dept)],
                []
            )
        );

        if (report.Lowered.Count > 0)
        {
            sections.Add(
                new ViewSection(
                    w["weekly.to_check_year_to_date_figures_lowered"],
                    [],
                    [
                        new ViewTable(
                            [w["weekly.project"], w["weekly.reported"], w["weekly.now"], w["weekly.before"]],
                            report
                                .Lowered.Select(l => new ViewRow(
                                    [$"{l.ProjectName} {l.ProjectCode}", Date(l.ReportedOn), Wan(l.YearToDate), Wan(l.Before)],
                                    WeeklyCalculator.Yellow
                                ))
                                .ToList()
                        ),
                    ],
                    []
                )
            );
        }

        var subject = w.Format("weekly.subject", report.Week, Yi(h.CompletedWan), Pct(h.CompletionRate), report.Count(WeeklyCalculator.Red));
        var intro = w.Format("weekly.intro", Date(report.AsOf), Date(report.From)) + (report.Provisional ? w["weekly.provisional"] : "");
        if (reader is not null && Own(report, reader, w, County, Dept) is { } own)
        {
            sections.Insert(0, own);
        }

        return new WeeklyView(subject, w.Format("weekly.title", report.Week), intro, sections);
    }

    /// <summary>The reader's own red and yellow projects, each with why; null when he has none to read first.</summary>
    private static ViewSection? Own(WeeklyReport report, WeeklyReader reader, Words w, Func<string, string> county, Func<string, string> dept)
    {
        var (mine, title) = reader switch
        {
            { LeaderName: { } leader } => (report.Lights.Where(l => l.Leader == leader).ToList(), w.Format("weekly.own_leader", leader)),
            { Department: { } department } => (report.Lights.Where(l => l.Unit == department).ToList(), w.Format("weekly.own_department", dept(department))),
            _ => ([], ""),
        };
        if (mine.Count == 0)
        {
            return null;
        }

        var late = mine.Where(l => l.Light != WeeklyCalculator.Green).OrderBy(l => l.Light == WeeklyCalculator.Red ? 0 : 1).ToList();
        return new ViewSection(
            title,
            [
                w.Format(
                    "weekly.own_text",
                    mine.Count,
                    mine.Count(l => l.Light == WeeklyCalculator.Red),
                    mine.Count(l => l.Light == WeeklyCalculator.Yellow)
                ),
            ],
            late.Count == 0
                ? []
                :
                [
                    new ViewTable(
                        [w["weekly.project"], w["weekly.completion"], w["weekly.why"]],
                        [
                            .. late.Select(l => new ViewRow(
                                [$"{l.Name}（{county(l.County)}）", PctOrDash(l.CompletionRate), ReasonText.Join(l.Reasons, report.ProcedureNames, w)],
                                l.Light
                            )),
                        ]
                    ),
                ],
            []
        );
    }

    public static string Yi(decimal wan) => (wan / 10_000m).ToString("0.00", Invariant);

    public static string Wan(decimal wan) => wan.ToString("#,0.##", Invariant);

    public static string Pct(decimal fraction) => (fraction * 100).ToString("0.00", Invariant) + "%";

    private static string PctOrDash(decimal? fraction) => fraction is { } f ? Pct(f) : "—";

    private static string Gap(decimal points) => points.ToString("0.00", Invariant);

    private static string Signed(decimal value) => (value > 0 ? "+" : "") + value.ToString("0.00", Invariant);

    private static string Signed(int value) => (value > 0 ? "+" : "") + value.ToString(Invariant);

    private static string Date(DateOnly date) => IsoDate.Format(date);
}
