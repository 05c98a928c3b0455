using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Staff;

namespace ApprovalWatch.Domain.Reference;

/// <summary>
/// The reference data of one run (catalogue, directory, calendars, the regions served, the escalation ladder),
/// loaded from the <c>config</c> container and validated.
/// </summary>
/// <param name="ServedRegions">Prefixes of the 6-digit region codes this deployment serves (e.g. Kizilsu's <c>6530</c>); empty: every region.</param>
public sealed record ReferenceData(ProcedureCatalogue Catalogue, StaffDirectory Staff, CalendarSet Calendars, IReadOnlyList<string> ServedRegions)
{
    /// <summary>The calendar of the prefecture served (its first served region's): the weekly report's, the bulletin's, the group chats'.</summary>
    public WorkingCalendar PrefectureCalendar => Calendars.ForRegion(ServedRegions.FirstOrDefault() ?? "");

    /// <summary>The escalation ladder in force (<c>escalation.json</c>, else the built-in one).</summary>
    public Digests.EscalationLadder Ladder { get; init; } = Digests.EscalationLadder.Default;

    /// <summary>The months' weights of the plan (<c>pace.csv</c>), when given: the weekly pace follows them.</summary>
    public Weekly.PaceCurve? Pace { get; init; }

    /// <summary>Who is away when (<c>leave.csv</c>).</summary>
    public LeaveBook Leave { get; init; } = LeaveBook.None;

    /// <summary>How supervision notices are numbered and answered (<c>notices.json</c>); null: the prefecture issues none.</summary>
    public Notices.NoticeSettings? Notices { get; init; }

    /// <summary>The departments' group chat robots (<c>chat.csv</c>).</summary>
    public IReadOnlyList<Chat.ChatRobot> ChatRobots { get; init; } = [];

    /// <summary>Configuration files refused (the last good version, or the built-in one, stays in force), each with the reason.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>Reads <c>served-regions.csv</c>: <c>region,name</c>, a region code or its prefix per row.</summary>
    public static IReadOnlyList<string> ParseServedRegions(TextReader reader)
    {
        var table = Text.CsvTable.Parse(ServedRegionsFile, reader, "region");
        return table
            .Rows.Select(row =>
            {
                var region = table.Required(row, "region");
                return region.Length is >= 2 and <= 6 && region.All(char.IsAsciiDigit)
                    ? region
                    : throw table.Error(row, $"region '{region}' is not 2 to 6 digits of a region code");
            })
            .ToList();
    }

    public const string ServedRegionsFile = "served-regions.csv";
}
