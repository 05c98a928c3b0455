using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Digests;

/// <summary>The notes a digest carries when the day's picture may be incomplete.</summary>
public static class DigestNotes
{
    /// <param name="missedDays">Days some calendar worked on which no daily run happened: no digest was made on them.</param>
    /// <param name="applying">Files still being applied when the scan ran, with their department.</param>
    /// <param name="readerCalendar">The reader's calendar: a missed run is a missed digest only on a day it works.</param>
    public static Digest Annotate(
        Digest digest,
        IReadOnlyList<DateOnly> missedDays,
        IReadOnlyList<(string Department, string File)> applying,
        WorkingCalendar readerCalendar
    )
    {
        var notes = new List<Reason>(digest.Notes);
        var missed = missedDays.Where(d => !readerCalendar.Covers(d) || readerCalendar.IsWorkingDay(d)).ToList();
        if (missed.Count > 0)
        {
            notes.Add(Reason.Of("digest.missed_days", string.Join("、", missed.Select(d => IsoDate.Format(d)))));
        }

        var departments = digest.Lines.SelectMany(l => l switch
        {
            ProcedureLine p => [p.Department],
            ProjectLine p => p.HoldingDepartments,
            ProblemLine p => [p.Department],
            _ => [],
        }).ToHashSet(StringComparer.Ordinal);
        foreach (var (department, file) in applying.Where(a => departments.Contains(a.Department)))
        {
            notes.Add(Reason.Of("digest.file_applying", department, file));
        }

        return notes.Count == digest.Notes.Count ? digest : digest with { Notes = notes };
    }

    /// <summary>The note of a person's first digest back from leave: who stood in, and what was done meanwhile on his procedures.</summary>
    public static Reason Returned(DateOnly from, DateOnly to, string? standIn, Meanwhile meanwhile) =>
        standIn is null
            ? Reason.Of("digest.back_uncovered", from, to, meanwhile.Finished, meanwhile.Acknowledged, meanwhile.Overdue)
            : Reason.Of("digest.back_covered", from, to, meanwhile.Finished, meanwhile.Acknowledged, meanwhile.Overdue, standIn);
}
