using ApprovalWatch.Calendar;

namespace ApprovalWatch.Deadlines;

/// <summary>
/// The due date of a procedure, or none while an open pause stopped the clock before it was reached.
/// </summary>
/// <param name="DueOn">The N-th counted working day after acceptance; null while paused before it.</param>
/// <param name="PausedWorkingDays">Working days not counted because of pauses before the due date.</param>
/// <param name="RemainingWhenPaused">While paused: the working days that will be left when the clock restarts.</param>
public readonly record struct Deadline(DateOnly? DueOn, int PausedWorkingDays, int RemainingWhenPaused)
{
    /// <summary>
    /// Due date = the (limit + extension)-th working day after <paramref name="acceptedOn"/>, not counting
    /// the working days inside pauses. Overlapping or repeated pauses count once; pause days on or before
    /// the acceptance date do not count.
    /// </summary>
    public static Deadline Compute(WorkingCalendar calendar, DateOnly acceptedOn, int limitDays, IEnumerable<Pause>? pauses = null, int extensionDays = 0)
    {
        var remaining = limitDays + extensionDays;
        var cursor = acceptedOn;
        var paused = 0;
        foreach (var (from, to) in Merge(acceptedOn, pauses))
        {
            var available = calendar.WorkingDaysAfter(cursor, from.AddDays(-1));
            if (available >= remaining)
            {
                break;
            }

            remaining -= available;
            if (to is null)
            {
                return new Deadline(null, paused, remaining);
            }

            paused += calendar.WorkingDaysAfter(from.AddDays(-1), to.Value);
            cursor = to.Value;
        }

        return new Deadline(calendar.AddWorkingDays(cursor, remaining), paused, 0);
    }

    /// <summary>Pauses after acceptance, sorted and merged where they overlap or touch.</summary>
    private static List<(DateOnly From, DateOnly? To)> Merge(DateOnly acceptedOn, IEnumerable<Pause>? pauses)
    {
        var merged = new List<(DateOnly From, DateOnly? To)>();
        if (pauses is null)
        {
            return merged;
        }

        var start = acceptedOn.AddDays(1);
        foreach (var pause in pauses.Where(p => p.To is null || p.To >= start).OrderBy(p => p.From))
        {
            var from = pause.From < start ? start : pause.From;
            if (merged.Count > 0 && (merged[^1].To is null || merged[^1].To!.Value.AddDays(1) >= from))
            {
                var last = merged[^1];
                merged[^1] = (last.From, last.To is null || pause.To is null ? null : Max(last.To.Value, pause.To.Value));
            }
            else
            {
                merged.Add((from, pause.To));
            }
        }

        return merged;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
