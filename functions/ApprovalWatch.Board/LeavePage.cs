using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Staff;

namespace ApprovalWatch.Board;

/// <summary>
/// <c>/leave</c>, "my leave": a person enters or takes back his own absences (from today, at most half a year), sees those
/// the operator keeps in <c>leave.csv</c>, and who will receive his lines while he is away — his deputy, else his head,
/// else his department's leader — or that nobody can, so that he arranges it before he goes.
/// </summary>
public sealed class LeavePage(LeaveRegister register, TimeProvider time)
{
    public sealed record Absence(string From, string To, bool Mine, string? StandIn);

    public sealed record Model(IReadOnlyList<Absence> Absences, string Today, string Message, bool Refused);

    public async Task<Model> LoadAsync(Viewer viewer, ReferenceData reference, string message, bool refused, CancellationToken cancellationToken)
    {
        var email = viewer.Person.Email.ToLowerInvariant();
        var today = OfficeClock.Today(time);
        var mine = (await register.OfAsync(email, cancellationToken)).Select(a => (a.From, a.To)).ToHashSet();
        var absences = reference
            .Leave.Absences.Where(a => a.Email == email && a.To >= today)
            .Select(a => (a.From, a.To))
            .Distinct()
            .OrderBy(a => a.From)
            .Select(a => new Absence(
                IsoDate.Format(a.From),
                IsoDate.Format(a.To),
                mine.Contains(a),
                StandIns.Of(email, reference.Staff, reference.Leave, a.From > today ? a.From : today) is { } standIn
                    ? reference.Staff.NameOf(standIn)
                    : null
            ))
            .ToList();
        return new Model(absences, IsoDate.Format(today), message, refused);
    }

    /// <summary>Adds or takes back one of the viewer's absences; the words of what happened, and whether it was refused.</summary>
    public async Task<(string Message, bool Refused)> ChangeAsync(
        Viewer viewer,
        IReadOnlyDictionary<string, string> form,
        Page page,
        CancellationToken cancellationToken
    )
    {
        var words = page.Words;
        if (!IsoDate.TryParse(form.GetValueOrDefault("from") ?? "", out var from) || !IsoDate.TryParse(form.GetValueOrDefault("to") ?? "", out var to))
        {
            return (words.Format("leave_bad_dates", LeaveWindow.MaxDays, LeaveWindow.DaysAhead), true);
        }

        var remove = form.GetValueOrDefault("action") == "remove";
        var change = await register.ChangeAsync(viewer.Person.Email, from, to, remove, OfficeClock.Today(time), cancellationToken);
        var (period, range) = (IsoDate.Format(from), IsoDate.Format(to));
        return change switch
        {
            LeaveRegister.Change.Added => (words.Format("leave_added", period, range), false),
            LeaveRegister.Change.Removed => (words.Format("leave_removed", period, range), false),
            LeaveRegister.Change.NotFound => (words["leave_unknown"], true),
            LeaveRegister.Change.TooMany => (words.Format("leave_too_many", LeaveWindow.MaxEntries), true),
            _ => (words.Format("leave_bad_dates", LeaveWindow.MaxDays, LeaveWindow.DaysAhead), true),
        };
    }

    public static string Render(Model model, Page page, Viewer viewer) => page.Render("leave", page.Words["leave_title"], viewer, model);
}
