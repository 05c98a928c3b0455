using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Scanning;
using ApprovalWatch.Domain.Staff;

namespace ApprovalWatch.Pipeline.Scanning;

/// <summary>
/// Makes one recipient's digest of a day from his collected lines: sections by reason, the notes of the day, every
/// department's counts for a coordinator, and each line marked new, worse or still open against his previous
/// digest (and what was resolved since). <see cref="RememberAsync"/> keeps it as the one the next is compared with.
/// </summary>
public sealed class DigestComposer(DigestStore store, Storage.ProcedureTable procedures)
{
    /// <returns>The digest, and the recipient's memory it was compared with (to remember it by).</returns>
    public async Task<(Digest Digest, DigestMemory? Memory)> ComposeAsync(
        DateOnly date,
        DigestCollector lines,
        ReferenceData reference,
        ScanCounts counts,
        DayNotes notes,
        CancellationToken cancellationToken
    )
    {
        var made = lines.ToDigest(date, reference.Staff);
        var calendar = reference.Calendars.Get(reference.Staff.Find(made.RecipientEmail)?.Calendar ?? Domain.Calendar.CalendarSet.National);
        var digest = DigestNotes.Annotate(made, notes.MissedDays, notes.Applying, calendar);
        if (digest.Sections.Any(s => s.Reason == DigestReason.Coordinator))
        {
            digest = digest with
            {
                Departments = counts.Flags.OrderBy(f => f.Key, StringComparer.Ordinal)
                    .Select(f => new DepartmentCount(f.Key, f.Value.GetValueOrDefault(Flag.Red), f.Value.GetValueOrDefault(Flag.Yellow))).ToList(),
            };
        }

        if (reference.Leave.JustBack(digest.RecipientEmail, date, calendar) is { } absence)
        {
            digest = digest with
            {
                Notes = [.. digest.Notes, await MeanwhileAsync(digest.RecipientEmail, absence.From, absence.To, reference, cancellationToken)],
            };
        }

        var memory = await store.ReadMemoryAsync(digest.RecipientEmail, cancellationToken);
        return (DigestChanges.Mark(digest, memory?.Before(date), reference.Ladder), memory);
    }

    /// <summary>What was done on a person's procedures (a head's: his department's) while he was away, as his first digest back says.</summary>
    private async Task<Domain.Text.Reason> MeanwhileAsync(
        string email,
        DateOnly from,
        DateOnly to,
        ReferenceData reference,
        CancellationToken cancellationToken
    )
    {
        var rows = await procedures.HandledByAsync(email, Meanwhile.DepartmentCovered(reference.Staff.Find(email)), cancellationToken);
        var meanwhile = Meanwhile.Count(email, from, to, rows);
        var standIn = StandIns.Of(email, reference.Staff, reference.Leave, from);
        return DigestNotes.Returned(from, to, standIn is null ? null : reference.Staff.NameOf(standIn), meanwhile);
    }

    /// <summary>Keeps the digest as the recipient's latest (a digest made again the same day replaces it).</summary>
    public Task RememberAsync(Digest digest, DigestMemory? memory, EscalationLadder ladder, CancellationToken cancellationToken)
    {
        var items = DigestChanges.Items(digest, ladder);
        return store.WriteMemoryAsync(digest.RecipientEmail, memory?.After(digest.Date, items) ?? new DigestMemory(digest.Date, items), cancellationToken);
    }
}
