using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Staff;

namespace ApprovalWatch.Domain.Digests;

/// <summary>
/// What was done on a person's procedures while he was away, as his first digest back says: those finished and those
/// acknowledged by someone else within the absence, and those overdue now. A head's count covers his department's too.
/// </summary>
public sealed record Meanwhile(int Finished, int Acknowledged, int Overdue)
{
    /// <summary>What the count reads of a procedure.</summary>
    public sealed record Row(DateOnly? CompletedOn, DateOnly? AckOn, string? AckBy, Flag? Flag);

    /// <summary>The department whose procedures the count covers besides the person's own: a head's; none for anyone else.</summary>
    public static string? DepartmentCovered(Person? person) => person is not null && person.Has(Role.Head) ? person.Department : null;

    public static Meanwhile Count(string email, DateOnly from, DateOnly to, IEnumerable<Row> rows)
    {
        bool During(DateOnly? day) => day is { } d && d >= from && d <= to;
        var (finished, acknowledged, overdue) = (0, 0, 0);
        foreach (var row in rows)
        {
            finished += During(row.CompletedOn) ? 1 : 0;
            acknowledged += During(row.AckOn) && !email.Equals(row.AckBy, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            overdue += row.Flag == Flag.Red ? 1 : 0;
        }

        return new Meanwhile(finished, acknowledged, overdue);
    }
}
