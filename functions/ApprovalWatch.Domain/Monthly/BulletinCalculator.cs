using ApprovalWatch.Domain.Deadlines;

namespace ApprovalWatch.Domain.Monthly;

/// <summary>
/// Computes the month's bulletin. Ranks: the higher share finished on time first, then the fewer overdue working days,
/// then the more finished; departments and handlers that finished fewer than <see cref="MonthlyInputs.RankMinFinished"/>
/// are listed unranked at the end (rank 0) — too few to rank them on.
/// </summary>
public static class BulletinCalculator
{
    public static EfficiencyBulletin Compute(MonthlyInputs inputs, EfficiencyBulletin? previous = null)
    {
        var procedures = inputs.Procedures;
        var departments = procedures.Select(p => p.Department)
            .Concat(inputs.Notices.Where(n => inputs.InMonth(n.IssuedOn)).Select(n => n.Department))
            .Concat(inputs.Problems.Select(p => p.Department))
            .Where(d => d.Length > 0).Distinct(StringComparer.Ordinal);
        var byDepartment = departments.Select(d => (Key: d, Name: d, Department: d, Figures: Figures(inputs, p => p.Department == d, d))).ToList();
        var byHandler = procedures
            .Where(p => p.HandlerEmail.Length > 0)
            .Select(p => (p.HandlerEmail, p.Department))
            .Distinct()
            .Select(h =>
                (
                    Key: h.HandlerEmail,
                    Name: inputs.NameOf(h.HandlerEmail),
                    h.Department,
                    Figures: Figures(inputs, p => p.HandlerEmail == h.HandlerEmail && p.Department == h.Department, null)
                )
            )
            .ToList();
        return new EfficiencyBulletin(
            EfficiencyBulletin.MonthOf(inputs.First), inputs.First, inputs.Last,
            Figures(inputs, _ => true, ""),
            Rank(byDepartment, previous?.Departments, inputs.RankMinFinished),
            Rank(byHandler, previous?.Handlers, inputs.RankMinFinished))
        {
            Provisional = inputs.Calendar.AnyProvisional(inputs.First, inputs.Last),
            RankMinFinished = inputs.RankMinFinished,
        };
    }

    /// <param name="department">The department whose notices and problems count; "" for all, null for none (a handler's).</param>
    private static EfficiencyFigures Figures(MonthlyInputs inputs, Func<ProcedureFacts, bool> mine, string? department)
    {
        var calendar = inputs.Calendar;
        var own = inputs.Procedures.Where(mine).ToList();
        var keys = own.Select(p => (p.ProjectCode, p.ProcedureCode)).ToHashSet();
        var finished = own.Where(p => p.CompletedOn is { } done && inputs.InMonth(done)).ToList();
        var timed = finished.Where(p => p.DueOn is not null).ToList();
        var flags = inputs.Flags.Where(f => keys.Contains((f.ProjectCode, f.ProcedureCode))).ToList();
        var flagsOf = flags.ToLookup(f => (f.ProjectCode, f.ProcedureCode));
        // An acknowledgement's time: from the procedure's last turning yellow or red before it.
        var acks = inputs.Acks.Where(a => inputs.InMonth(a.On) && keys.Contains((a.ProjectCode, a.ProcedureCode)))
            .Select(a => flagsOf[(a.ProjectCode, a.ProcedureCode)].Where(f => f.On <= a.On).Select(f => (DateOnly?)f.On).Max() is { } flagged
                ? calendar.WorkingDaysAfter(flagged, a.On) : (int?)null)
            .OfType<int>().Order().ToList();
        bool Ours(string d) => department is not null && (department.Length == 0 || d == department);
        var notices = inputs.Notices.Where(n => Ours(n.Department) && inputs.InMonth(n.IssuedOn)).ToList();
        return new EfficiencyFigures
        {
            Finished = finished.Count,
            OnTime = finished.Count(p => !p.FinishedLate && (p.DueOn is not { } due || p.CompletedOn <= due)),
            Early = finished.Count(p => p.DueOn is { } due && p.CompletedOn < due),
            AverageUsedDays =
                timed.Count == 0 ? null : Math.Round((decimal)timed.Average(p => calendar.WorkingDaysAfter(p.AcceptedOn, p.CompletedOn!.Value)), 1),
            AverageLimitDays =
                timed.Count == 0 ? null : Math.Round((decimal)timed.Average(p => calendar.WorkingDaysAfter(p.AcceptedOn, p.DueOn!.Value)), 1),
            Yellow = Flagged(flags, Flag.Yellow, inputs).Union(own.Where(p => YellowInMonth(p, inputs)).Select(p => (p.ProjectCode, p.ProcedureCode))).Count(),
            Red = Flagged(flags, Flag.Red, inputs).Union(own.Where(p => OverdueInMonth(p, inputs) > 0).Select(p => (p.ProjectCode, p.ProcedureCode))).Count(),
            OverdueWorkingDays = own.Sum(p => OverdueInMonth(p, inputs)),
            MedianAckWorkingDays = acks.Count == 0 ? null : acks.Count % 2 == 1 ? acks[acks.Count / 2] : (acks[acks.Count / 2 - 1] + acks[acks.Count / 2]) / 2m,
            NoticesReceived = notices.Count,
            NoticesAnsweredOnTime = notices.Count(n => n.Open.All(i => i.Reply is { } r && r.RepliedOn <= i.ReplyDeadline(n))),
            NoticesFromLeaders = notices.Count(n => n.IssuedBy.Length > 0),
            RepliesSentBack = inputs.Notices.Where(n => Ours(n.Department))
                .Sum(n => n.Items.Sum(i => i.SentBack.Count(b => b.By.Length > 0 && inputs.InMonth(b.On)))),
            ProblemsSigned = inputs.Problems.Count(p => Ours(p.Department) && p.SignedOn is { } signed && inputs.InMonth(signed)),
            ProblemsClosed = inputs.Problems.Count(p => Ours(p.Department) && p.SolvedOn is { } solved && inputs.InMonth(solved)),
            DeemedAccepted = own.Count(p => p.DeemedAccepted && inputs.InMonth(p.AcceptedOn)),
            ReformClocksLate = own.Sum(p => p.ReformDays.Count(r => inputs.InMonth(r.Due) && !(r.Done <= r.Due))),
        };
    }

    // Yellow and red in the month are what History recorded and what the dates reckon, so days before the first scan (or
    // without one) count as they were, never as 0; a flag a later pause took back still counts, as History keeps it.
    private static IEnumerable<(string, string)> Flagged(IEnumerable<FlagEvent> flags, Flag flag, MonthlyInputs inputs) =>
        flags.Where(f => f.To == flag && inputs.InMonth(f.On)).Select(f => (f.ProjectCode, f.ProcedureCode));

    /// <summary>A working day of the month on which the procedure was open and due within the warning period.</summary>
    private static bool YellowInMonth(ProcedureFacts p, MonthlyInputs inputs)
    {
        if (p.DueOn is not { } due || p.AcceptedOn > inputs.Last || due < inputs.First)
        {
            return false;
        }

        var calendar = inputs.Calendar;
        for (var day = inputs.First; day <= inputs.Last && day <= due; day = day.AddDays(1))
        {
            if (day > p.AcceptedOn && (p.CompletedOn is not { } done || day < done) && calendar.Covers(day) && calendar.IsWorkingDay(day)
                && calendar.WorkingDaysAfter(day, due) <= inputs.WarningWorkingDays)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The month's working days past a procedure's due date: after it, up to its completion or the month's end.</summary>
    private static int OverdueInMonth(ProcedureFacts p, MonthlyInputs inputs)
    {
        if (p.DueOn is not { } due || p.AcceptedOn > inputs.Last)
        {
            return 0;
        }

        var from = due > inputs.First.AddDays(-1) ? due : inputs.First.AddDays(-1);
        var to = p.CompletedOn is { } done && done < inputs.Last ? done : inputs.Last;
        return to > from ? inputs.Calendar.WorkingDaysAfter(from, to) : 0;
    }

    private static List<RankedRow> Rank(
        IEnumerable<(string Key, string Name, string Department, EfficiencyFigures Figures)> rows,
        IReadOnlyList<RankedRow>? previous,
        int minFinished
    )
    {
        var before = (previous ?? []).Where(r => r.Rank > 0).ToDictionary(r => r.Key, r => r.Rank, StringComparer.Ordinal);
        var (ranked, unranked) = (
            rows.Where(r => r.Figures.Finished >= minFinished).ToList(),
            rows.Where(r => r.Figures.Finished < minFinished).ToList()
        );
        var ordered = ranked
            .OrderByDescending(r => r.Figures.OnTimeRate ?? -1m)
            .ThenBy(r => r.Figures.OverdueWorkingDays)
            .ThenByDescending(r => r.Figures.Finished)
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        var result = new List<RankedRow>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var r = ordered[i];
            // Equal figures share a rank.
            var rank = i > 0 && Same(ordered[i - 1].Figures, r.Figures) ? result[i - 1].Rank : i + 1;
            result.Add(new RankedRow(r.Key, r.Name, r.Department, r.Figures, rank, before.TryGetValue(r.Key, out var last) ? last - rank : null));
        }

        result.AddRange(unranked.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new RankedRow(r.Key, r.Name, r.Department, r.Figures, 0, null)));
        return result;

        static bool Same(EfficiencyFigures a, EfficiencyFigures b) =>
            a.OnTimeRate == b.OnTimeRate && a.OverdueWorkingDays == b.OverdueWorkingDays && a.Finished == b.Finished;
    }
}
