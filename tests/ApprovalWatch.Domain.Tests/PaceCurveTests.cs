using ApprovalWatch.Domain.Weekly;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

public class PaceCurveTests
{
    private static PaceCurve Parse(string text) => PaceCurve.Parse(new StringReader(text));

    private static string Months(Func<int, string> weight) => "month,weight\n" + string.Concat(Enumerable.Range(1, 12).Select(m => $"{m},{weight(m)}\n"));

    [Fact]
    public void The_pace_follows_the_months_weights_and_the_month_under_way_by_its_working_days()
    {
        // Winter stops outdoor works: nothing planned in January and February, a tenth in each month after.
        var curve = Parse(Months(m => m <= 2 ? "0" : "10"));

        // By Sunday 15 March 10 of March's 22 working days have passed: 10/22 of March's tenth.
        Assert.Equal(10m * 10 / 22 / 100, curve.On(new DateOnly(2026, 3, 15), OfficialCalendars.National));
        Assert.Equal(0m, curve.On(new DateOnly(2026, 2, 27), OfficialCalendars.National));
        Assert.Equal(0.25m, Parse(Months(_ => "1")).On(new DateOnly(2026, 3, 31), OfficialCalendars.National)); // even weights: a quarter by the end of March
        Assert.Equal(
            PaceRule.On(new DateOnly(2026, 3, 15), PaceRule.WorkingDays, OfficialCalendars.National),
            PaceRule.On(new DateOnly(2026, 3, 15), PaceRule.WorkingDays, OfficialCalendars.National, curve)); // the curve only where the rule says so
    }

    [Theory]
    [InlineData("month,weight\n1,1\n")] // eleven months missing
    [InlineData("month,weight\n1,1\n1,2\n2,1\n3,1\n4,1\n5,1\n6,1\n7,1\n8,1\n9,1\n10,1\n11,1\n")] // January twice
    [InlineData("month,weight\n1,-1\n2,1\n3,1\n4,1\n5,1\n6,1\n7,1\n8,1\n9,1\n10,1\n11,1\n12,1\n")]
    public void A_file_that_is_not_twelve_months_of_weights_is_refused(string text) =>
        Assert.Throws<FormatException>(() => Parse(text));
}
