using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Reports;

/// <summary>
/// A report dated before a report that showed the procedure open (补录, 倒签): completed, or paused, on a day before the
/// data date of the earlier file that still had it open. The reported date stands (the law counts it, and so do the
/// flags and digests); the fact that it came late is kept in History, the receipt and the weekly report.
/// </summary>
/// <param name="What"><c>completed</c> or <c>paused</c>.</param>
public sealed record Backdated(
    int Line,
    string ProjectCode,
    string Procedure,
    string What,
    DateOnly Reported,
    string EarlierFile,
    DateOnly EarlierAsOf,
    string LaterFile
)
{
    public const string Completed = "completed";
    public const string Paused = "paused";

    /// <summary>
    /// What <paramref name="later"/> reports before the data date of <paramref name="open"/>, which had the procedure
    /// open — whichever of the two files arrived first; null when nothing.
    /// </summary>
    /// <param name="openFile">The file of the earlier report, the one that showed it open.</param>
    /// <param name="laterFile">The file of the report dated before it.</param>
    public static Backdated? Of(int line, Procedure open, string openFile, Procedure later, string laterFile)
    {
        var earlier = OfficeClock.DateOf(open.AsOf);
        if (open.CompletedOn is null && later.CompletedOn is { } completed && completed < earlier)
        {
            return new Backdated(line, later.ProjectCode, later.ProcedureCode, Completed, completed, openFile, earlier, laterFile);
        }

        var paused = later.Pauses.Where(p => p.From < earlier && !open.Pauses.Any(k => k.From == p.From)).MinBy(p => p.From);
        return paused is not null && open.Status != ProcedureStatus.Paused
            ? new Backdated(line, later.ProjectCode, later.ProcedureCode, Paused, paused.From, openFile, earlier, laterFile)
            : null;
    }

    /// <summary>The receipt's note, with who uploaded the earlier and the later file (— when unknown).</summary>
    public Reason Note(string earlierBy = "—", string laterBy = "—") =>
        Reason.Of(
            What == Completed ? "backdated.completed" : "backdated.paused",
            Line,
            ProjectCode,
            Procedure,
            Reported,
            EarlierFile,
            EarlierAsOf,
            earlierBy,
            LaterFile,
            laterBy
        );
}
