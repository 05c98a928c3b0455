using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Digests;

/// <summary>The notes a digest carries when the day's picture may be incomplete.</summary>
public static class DigestNotes
{
    /// <param name="missedDays">Working days on which no daily run happened: no digest was made on them.</param>
    /// <param name="applying">Files still being applied when the scan ran, with their department.</param>
    public static Digest Annotate(Digest digest, IReadOnlyList<DateOnly> missedDays, IReadOnlyList<(string Department, string File)> applying)
    {
        var notes = new List<string>(digest.Notes);
        if (missedDays.Count > 0)
        {
            var days = string.Join("、", missedDays.Select(d => IsoDate.Format(d)));
            notes.Add($"{days} 的每日提醒未能生成（定时任务未运行），请一并核对；no daily run happened on {days}: no digest was made on those days.");
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
            var name = Department.Find(department);
            notes.Add(
                $"{name?.ChineseName ?? department}报送的 {file} 在生成本提醒时仍在处理中，其数据可能未包含在内；{file} of {name?.EnglishName ?? department} was still being "
                    + $"applied when this digest was made: its rows may be missing."
            );
        }

        return notes.Count == digest.Notes.Count ? digest : digest with { Notes = notes };
    }

    /// <summary>The note of a person's first digest back from leave: who stood in, and what was done meanwhile on his procedures.</summary>
    public static string Returned(DateOnly from, DateOnly to, string? standIn, Meanwhile meanwhile)
    {
        var (finished, acknowledged, overdue) = (meanwhile.Finished, meanwhile.Acknowledged, meanwhile.Overdue);
        var (f, t) = (IsoDate.Format(from), IsoDate.Format(to));
        return standIn is null
            ? $"您 {f} 至 {t} 休假期间无人代为接收提醒：期间办结 {finished} 件，他人确认 {acknowledged} 件；目前仍超期 {overdue} 件。；While you were away ({f} to {t}) nobody could "
                + $"receive your lines: {finished} finished and {acknowledged} acknowledged by others meanwhile; {overdue} still overdue."
            : $"您 {f} 至 {t} 休假期间由 {standIn} 代为接收提醒：期间办结 {finished} 件，他人确认 {acknowledged} 件；目前仍超期 {overdue} 件。；While you were away ({f} to {t}) "
                + $"{standIn} received your lines: {finished} finished and {acknowledged} acknowledged by others meanwhile; {overdue} still overdue.";
    }
}
