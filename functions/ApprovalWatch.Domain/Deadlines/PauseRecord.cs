using ApprovalWatch.Domain.Calendar;

namespace ApprovalWatch.Domain.Deadlines;

/// <summary>Keeps the pauses of a procedure across reports, so that no pause is lost or counted twice.</summary>
public static class PauseRecord
{
    /// <summary>
    /// The pauses after a new report: every pause known before and every pause reported now (the same
    /// pause reported again is kept once). A pause left open before ends the day before the new report's
    /// office date (Beijing) when the new report no longer says the procedure is paused.
    /// </summary>
    public static IReadOnlyList<Pause> Combine(IReadOnlyList<Pause> known, Procedure report)
    {
        var reportDay = OfficeClock.DateOf(report.AsOf);
        var result = new List<Pause>(report.Pauses);
        foreach (var pause in known)
        {
            if (result.Any(p => p.From == pause.From))
            {
                continue;
            }

            result.Add(pause.IsOpen && report.Status != ProcedureStatus.Paused && pause.From < reportDay
                ? new Pause(pause.From, reportDay.AddDays(-1), pause.Reason)
                : pause);
        }

        return [.. result.OrderBy(p => p.From)];
    }
}
