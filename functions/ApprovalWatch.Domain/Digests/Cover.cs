using ApprovalWatch.Domain.Staff;

namespace ApprovalWatch.Domain.Digests;

/// <summary>
/// AB角: a line for someone away on the day goes to whoever stands in for him (<see cref="StandIns"/>), marked as on his
/// behalf. Nobody's alert waits for a person on leave; with nobody to stand in, the line
/// stays his (and the gap shows).
/// </summary>
public static class Cover
{
    public static IEnumerable<RoutedLine> Apply(IEnumerable<RoutedLine> routed, StaffDirectory staff, LeaveBook leave, DateOnly date) =>
        routed.Select(r => StandIns.For(r.To, staff, leave, date) is { } standIn ? r with { To = standIn, OnBehalfOf = r.To } : r);
}
