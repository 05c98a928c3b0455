using ApprovalWatch.Domain.Calendar;

namespace ApprovalWatch.Domain.Deadlines;

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
    /// the acceptance date do not count. O(number of pauses), allocation-free for pauses in date order.
    /// </summary>
    public static Deadline Compute(WorkingCalendar calendar, DateOnly acceptedOn, int limitDays, IReadOnlyList<Pause>? pauses = null, int extensionDays = 0)
    {
        var clock = new Clock(calendar, acceptedOn, limitDays + extensionDays);
        if (pauses is null || pauses.Count == 0)
        {
            return clock.Finish();
        }

        var ordered = InDateOrder(pauses) ? pauses : [.. pauses.OrderBy(p => p.From)];
        var start = acceptedOn.AddDays(1);
        DateOnly? from = null;
        DateOnly? to = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            var pause = ordered[i];
            if (pause.To is { } end && end < start)
            {
                continue;
            }

            var pauseFrom = pause.From < start ? start : pause.From;
            if (from is null)
            {
                (from, to) = (pauseFrom, pause.To);
            }
            else if (to is null || to.Value.AddDays(1) >= pauseFrom)
            {
                // Overlapping or touching: one pause.
                to = to is null || pause.To is null ? null : Max(to.Value, pause.To.Value);
            }
            else
            {
                if (clock.Stop(from.Value, to) is { } reached)
                {
                    return reached;
                }

                (from, to) = (pauseFrom, pause.To);
            }
        }

        return from is not null && clock.Stop(from.Value, to) is { } due ? due : clock.Finish();
    }

    private static bool InDateOrder(IReadOnlyList<Pause> pauses)
    {
        for (var i = 1; i < pauses.Count; i++)
        {
            if (pauses[i].From < pauses[i - 1].From)
            {
                return false;
            }
        }

        return true;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>The legal clock: runs from acceptance, stops for each pause, until the limit is used up.</summary>
    private struct Clock(WorkingCalendar calendar, DateOnly acceptedOn, int remaining)
    {
        private DateOnly _cursor = acceptedOn;
        private int _remaining = remaining;
        private int _paused;

        /// <summary>The clock stops from <paramref name="from"/> to <paramref name="to"/>; the deadline if it was reached first or the pause is open.</summary>
        public Deadline? Stop(DateOnly from, DateOnly? to)
        {
            var available = calendar.WorkingDaysAfter(_cursor, from.AddDays(-1));
            if (available >= _remaining)
            {
                return Finish();
            }

            _remaining -= available;
            if (to is not { } end)
            {
                return new Deadline(null, _paused, _remaining);
            }

            _paused += calendar.WorkingDaysAfter(from.AddDays(-1), end);
            _cursor = end;
            return null;
        }

        public readonly Deadline Finish() => new(calendar.AddWorkingDays(_cursor, _remaining), _paused, 0);
    }
}
