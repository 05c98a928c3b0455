using ApprovalWatch.Domain.Calendar;

namespace ApprovalWatch.Domain.Deadlines;

/// <summary>
/// 行政许可法 第三十二条: an application received but neither accepted nor answered with everything to correct within five
/// working days is accepted by law on the day it was received (视为受理), and its clock runs from then.
/// </summary>
public static class DeemedAcceptance
{
    public const int WorkingDays = 5;

    /// <summary>How the clock starts for a procedure on a day.</summary>
    /// <param name="Start">The day its clock runs from.</param>
    /// <param name="Deemed">Accepted by law on the day it was received.</param>
    /// <param name="AwaitingCorrection">Received, told in time what to correct, not accepted yet: no clock runs.</param>
    public readonly record struct Clock(DateOnly Start, bool Deemed, bool AwaitingCorrection);

    public static Clock Of(Procedure procedure, WorkingCalendar calendar, DateOnly today)
    {
        if (procedure.ReceivedOn is not { } received)
        {
            return new Clock(procedure.AcceptedOn, false, false);
        }

        var lastDay = calendar.AddWorkingDays(received, WorkingDays);
        if (procedure.CorrectionNotifiedOn is { } told && told <= lastDay)
        {
            return new Clock(procedure.AcceptedOn, false, procedure.AcceptancePending);
        }

        // Still pending within the five days, the clock is counted from the day received: the most it can be.
        var deemed = procedure.AcceptancePending ? today > lastDay : procedure.AcceptedOn > lastDay;
        return new Clock(deemed || procedure.AcceptancePending ? received : procedure.AcceptedOn, deemed, false);
    }

    /// <summary>The day it is deemed accepted on, learnt the working day after the five (the day its head is told).</summary>
    public static DateOnly KnownOn(DateOnly received, WorkingCalendar calendar) => calendar.AddWorkingDays(received, WorkingDays + 1);
}
