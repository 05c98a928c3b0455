using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Presentation.Mail;

namespace ApprovalWatch.Pipeline.Mail;

/// <summary>
/// Who receives a report meant for a reader on a day (the weekly report, the monthly bulletin): the reader, and while he is
/// away whoever stands in for him — unless that one reads the report in his own right — with the mail marked as his (代).
/// A copy's message carries its reader after the report's name: <c>{report}|{reader}</c>.
/// </summary>
public static class ReaderCopies
{
    public static IEnumerable<(string Email, string About)> For(
        Person reader,
        string report,
        IReadOnlyList<Person> readers,
        StaffDirectory staff,
        LeaveBook leave,
        DateOnly date
    )
    {
        yield return (reader.Email, report);
        if (StandIns.For(reader.Email, staff, leave, date) is { } standIn
            && !readers.Any(r => r.Email.Equals(standIn, StringComparison.OrdinalIgnoreCase)))
        {
            yield return (standIn, $"{report}|{reader.Email.ToLowerInvariant()}");
        }
    }

    /// <summary>The report's name and, for a stand-in's copy, whom it stands in for.</summary>
    public static (string Report, string? OnBehalfOf) Read(string about) =>
        about.Split('|', 2) is [var report, var reader] ? (report, reader) : (about, null);

    /// <summary>A stand-in's copy, its subject saying whose it is.</summary>
    public static RenderedMail Marked(RenderedMail mail, string? onBehalfOf, StaffDirectory staff) =>
        onBehalfOf is null ? mail : mail.StandingInFor(staff.NameOf(onBehalfOf));
}
