using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Projects;

/// <summary>
/// What a file brings that contradicts the catalogue's order, both ways, against the project as it stands once the file is
/// applied: an approval (of a procedure not finished before) while one it requires was not accepted by then — the approving
/// department's file — and an acceptance, now, of what an approval already on record required first — the required
/// department's file. Each is applied and noted on the receipt of the file that brings it, to be checked.
/// </summary>
public static class FileContradictions
{
    /// <summary>A procedure the file wrote, on its line, and as it stood before (none: the file added it).</summary>
    public sealed record Written(int Line, Procedure Now, Procedure? Before);

    /// <param name="after">The project's procedures by code, once the file is applied.</param>
    public static List<(int Line, Reason Note)> Of(IReadOnlyList<Written> written, IReadOnlyDictionary<string, Procedure> after, ProcedureCatalogue catalogue)
    {
        var accepted = after.ToDictionary(p => p.Key, p => p.Value.AcceptedOn, StringComparer.Ordinal);
        var approvals = written
            .Where(w => w.Now.CompletedOn is not null && w.Before?.CompletedOn is null)
            .SelectMany(w =>
                Plausibility
                    .MissingBefore(w.Now.ProcedureCode, w.Now.CompletedOn, catalogue, accepted)
                    .Select(required => Note(w.Line, w.Now, w.Now.CompletedOn!.Value, required)));
        var requirements = written
            .Where(w => w.Before?.AcceptedOn != w.Now.AcceptedOn)
            .SelectMany(w =>
                after.Values
                    .Where(done =>
                        done.CompletedOn is { } completed
                        && catalogue.Find(done.ProcedureCode)?.Requires.Contains(w.Now.ProcedureCode) == true
                        && w.Now.AcceptedOn > completed)
                    .Select(done => Note(w.Line, done, done.CompletedOn!.Value, w.Now.ProcedureCode)));
        return [.. approvals.Concat(requirements)];
    }

    private static (int Line, Reason Note) Note(int line, Procedure approved, DateOnly completedOn, string required) =>
        (line, Plausibility.ContradictionNote(line, approved.ProjectCode, approved.ProcedureCode, completedOn, required));
}
