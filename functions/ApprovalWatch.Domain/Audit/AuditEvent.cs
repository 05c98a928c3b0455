using ApprovalWatch.Domain.Deadlines;

namespace ApprovalWatch.Domain.Audit;

/// <summary>
/// A change the History keeps, appended and never overwritten: of a procedure of a project, or of a key project's row
/// (<see cref="Item"/>: a procedure code, <c>register</c>, <c>progress|…</c> or <c>problem|…</c>), at a time, from a source
/// (the file that brought it, <c>scan</c> or <c>board</c>), for a department (none: the project as a whole). The set of
/// changes is closed: each is one of the records below, and a row no record reads is kept as <see cref="UnreadChange"/>.
/// </summary>
public abstract record AuditEvent
{
    public string Project { get; init; } = "";

    public string Item { get; init; } = "";

    public DateTimeOffset At { get; init; }

    public string Source { get; init; } = "";

    public string? Department { get; init; }

    /// <summary>The line of the file that brought the change, when a file did.</summary>
    public int? Line { get; init; }

    /// <summary>Who uploaded that file on the board, as the app recorded it; none for a file dropped in the folder or the app's own change.</summary>
    public string? Uploader { get; init; }
}

/// <summary>A report changed a procedure's status (none before: the report added it).</summary>
public sealed record StatusChanged(ProcedureStatus? From, ProcedureStatus To) : AuditEvent;

/// <summary>The scan flagged a procedure, or a stage or whole-process measure of a project, anew.</summary>
public sealed record FlagChanged(Flag? From, Flag To) : AuditEvent;

/// <summary>An official promised a date for a red or yellow line (replacing the promise before, if any).</summary>
public sealed record Acknowledged(DateOnly? PromisedBefore, DateOnly Promised, string By, string Note) : AuditEvent;

/// <summary>
/// A report dated before a report that showed the procedure open: <see cref="What"/> (<c>completed</c> or <c>paused</c>)
/// on <see cref="Reported"/>, brought by <see cref="LaterFile"/> after <see cref="EarlierFile"/> of <see cref="EarlierAsOf"/>.
/// </summary>
public sealed record ReportBackdated(string EarlierFile, DateOnly EarlierAsOf, string LaterFile, string What, DateOnly Reported) : AuditEvent;

/// <summary>A project file changed a key project's row: what it said before (none: a new row) and what it says now, as named fields.</summary>
public sealed record ProjectRowChanged(IReadOnlyList<(string Name, string Value)>? Before, IReadOnlyList<(string Name, string Value)> After) : AuditEvent;

/// <summary>The department a problem was given to signed for it (签收).</summary>
public sealed record ProblemSigned(string By) : AuditEvent;

/// <summary>The department a problem was given to sent it back (退单), with its reason.</summary>
public sealed record ProblemReturned(string By, string Reason) : AuditEvent;

/// <summary>The coordinator gave a problem sent back to another department.</summary>
public sealed record ProblemReassigned(string FromUnit, string ToUnit, string By) : AuditEvent;

/// <summary>A report moved a procedure back on purpose (a finished one open again, its completion removed or moved), with its reason.</summary>
public sealed record Corrected(string Reason) : AuditEvent;

/// <summary>A row of a kind this version does not read (written by an older or newer one): kept and shown as it was written.</summary>
public sealed record UnreadChange(string Kind, string? From, string To) : AuditEvent;
