using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

public class ProblemSignatureTests
{
    private static readonly ProjectProblem Assigned = new()
    {
        ProjectCode = "2026-653001-48-01-00001X", Id = "WT-1", Text = "征地", Department = "housing", RaisedOn = new(2026, 3, 13), DueOn = new(2026, 4, 30),
    };

    private static ProblemLine? Line(ProjectProblem problem, DateOnly today) =>
        ProblemLine.Of(problem, "项目", OfficialCalendars.National, today, warningWorkingDays: 3, signWithinWorkingDays: 1);

    [Fact]
    public void Unsigned_it_is_a_line_far_from_due_and_one_rung_higher_once_the_working_day_to_sign_has_passed()
    {
        var monday = Line(Assigned, new(2026, 3, 16))!; // one working day after Friday's assignment: still in time
        var tuesday = Line(Assigned, new(2026, 3, 17))!;

        Assert.Equal((Flag.Yellow, true, false), (monday.Flag, monday.AwaitsSignature, monday.SignatureLate));
        Assert.True(tuesday.SignatureLate);
        Assert.Equal((0, 1), (EscalationLadder.Default.RungOf(monday), EscalationLadder.Default.RungOf(tuesday)));
    }

    [Fact]
    public void Signed_it_waits_for_its_due_date_and_sent_back_it_waits_for_the_coordinator_until_assigned_again()
    {
        Assert.Null(Line(Assigned.SignedFor("刘建国", new(2026, 3, 16)), new(2026, 3, 17)));

        var back = Assigned.SentBack("刘建国", new(2026, 3, 16), "属财政局");
        Assert.Equal((true, false), (Line(back, new(2026, 3, 17))!.Returned, back.AwaitsSignature));

        var again = back.AssignedTo("finance", new(2026, 3, 17));
        Assert.Equal(("finance", true, false, ""), (again.Department, again.AwaitsSignature, again.IsReturned, again.ReturnReason));
        Assert.False(Line(again, new(2026, 3, 18))!.SignatureLate);
    }
}
