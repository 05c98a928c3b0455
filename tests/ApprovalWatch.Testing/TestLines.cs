using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;

namespace ApprovalWatch.Testing;

/// <summary>Digest lines for the tests: a housing procedure of one project, due 12 March 2026, in stage 2.</summary>
public static class TestLines
{
    public static ProcedureLine Procedure(string procedure, string handler, Flag flag, int left, string department = "housing") => new()
    {
        ProjectCode = "2022-653001-48-01-00123X",
        ProjectName = "阿图什市新城学校建设项目",
        ProcedureCode = procedure,
        ChineseName = $"事项{procedure}",
        EnglishName = $"Procedure {procedure}",
        Department = department,
        HandlerEmail = handler,
        HandlerName = handler,
        StartedOn = new DateOnly(2026, 2, 2),
        DueOn = new DateOnly(2026, 3, 12),
        LimitDays = 15,
        Flag = flag,
        WorkingDaysLeft = left,
        Stage = 2,
    };
}
