using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Staff;

namespace ApprovalWatch.Domain.Tests;

public class MeanwhileTests
{
    private static readonly DateOnly From = new(2026, 3, 9);
    private static readonly DateOnly To = new(2026, 3, 13);

    [Fact]
    public void Counts_what_others_did_within_the_absence_and_what_is_overdue_now()
    {
        Meanwhile.Row[] rows =
        [
            new(new DateOnly(2026, 3, 10), null, null, Flag.Finished),
            new(new DateOnly(2026, 3, 6), null, null, Flag.Finished),
            new(null, new DateOnly(2026, 3, 13), "deputy@example.gov.cn", Flag.Red),
            new(null, new DateOnly(2026, 3, 11), "Away@Example.gov.cn", Flag.Yellow),
            new(null, new DateOnly(2026, 3, 16), "deputy@example.gov.cn", Flag.Red),
        ];

        Assert.Equal(new Meanwhile(1, 1, 2), Meanwhile.Count("away@example.gov.cn", From, To, rows));
    }

    [Fact]
    public void A_head_covers_his_department_and_anyone_else_only_his_own()
    {
        var head = new Person("head@example.gov.cn", "王处长", "housing", Role.Head);
        var official = new Person("clerk@example.gov.cn", "李科员", "housing", Role.Handler);

        Assert.Equal("housing", Meanwhile.DepartmentCovered(head));
        Assert.Null(Meanwhile.DepartmentCovered(official));
        Assert.Null(Meanwhile.DepartmentCovered(null));
    }
}
