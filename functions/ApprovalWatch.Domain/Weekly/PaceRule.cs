using ApprovalWatch.Domain.Calendar;

namespace ApprovalWatch.Domain.Weekly;

/// <summary>
/// The plan-to-date pace (序时进度): the share of the year's plan that should be done by a date — by default the
/// share of the year's working days elapsed on the prefecture's calendar; or whole months elapsed / 12; or, where
/// <c>config/pace.csv</c> gives the months' weights, the share those weights give (<see cref="PaceCurve"/>).
/// </summary>
public static class PaceRule
{
    public const string WorkingDays = "working-days";
    public const string Months = "months";

    /// <summary>The months' weights of <c>config/pace.csv</c> (<see cref="PaceCurve"/>), when that file is there.</summary>
    public const string Curve = "monthly-weights";

    /// <summary>The pace on a date, as a fraction (0–1).</summary>
    public static decimal On(DateOnly date, string rule, WorkingCalendar calendar, PaceCurve? curve = null)
    {
        if (rule == Curve && curve is not null)
        {
            return curve.On(date, calendar);
        }

        var (elapsed, total) = Basis(date, rule, calendar);
        return (decimal)elapsed / total;
    }

    /// <summary>What the pace is a share of on a date: working days (or months) elapsed and in the year, e.g. 47 of 244.</summary>
    public static (int Elapsed, int Total) Basis(DateOnly date, string rule, WorkingCalendar calendar)
    {
        if (rule == Months)
        {
            return (date.Month - 1 + (date.AddDays(1).Month != date.Month ? 1 : 0), 12);
        }

        var first = new DateOnly(date.Year, 1, 1);
        return (calendar.WorkingDaysIn(first, date), calendar.WorkingDaysIn(first, new DateOnly(date.Year, 12, 31)));
    }

    public static string Describe(string rule, bool chinese) => (rule, chinese) switch
    {
        (Curve, true) => "按月度计划曲线（config/pace.csv 各月权重，冬季停工月份权重低）",
        (Curve, false) => "by the months' weights of config/pace.csv (winter months, when outdoor works stop, weigh less)",
        (Months, true) => "按月序时（已过月数 / 12）",
        (Months, false) => "by months (whole months elapsed / 12)",
        (_, true) => "按工作日序时（本年已过工作日 / 全年工作日）",
        _ => "by working days (working days of the year elapsed / all of the year's working days)",
    };
}
