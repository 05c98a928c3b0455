using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Pipeline.Mail;
using ApprovalWatch.Pipeline.Reference;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Presentation.Weekly;

namespace ApprovalWatch.Pipeline.KeyProjects;

/// <summary>A week's archived scheduling report to one reader, in his language, with the workbook and charts attached.</summary>
public sealed class WeeklyReportMail(WeeklyReports reports, ReferenceDataLoader referenceLoader) : IMailKind
{
    public const string Name = "weekly";

    public string Kind => Name;

    /// <summary>The report of <paramref name="week"/> (<c>2026-W12</c>), its ledger row under the week's Monday.</summary>
    public static NotifyMessage Message(DateOnly monday, string week, string recipient) => new(Name, monday, recipient, week);

    /// <summary>A reader's copy, or (while he is away) his stand-in's, marked (<see cref="ReaderCopies"/>).</summary>
    public Task<MailDraft?> DraftAsync(NotifyMessage message, CancellationToken cancellationToken) =>
        Task.FromResult<MailDraft?>(message.About is not { } about ? null : new MailDraft(NotificationKeys.Weekly(message.Date, message.Recipient), async ct =>
        {
            var staff = (await referenceLoader.LoadAsync(ct)).Staff;
            var person = staff.Find(message.Recipient);
            var (week, onBehalfOf) = ReaderCopies.Read(about);
            // Opens with what is the reader's — or, in a stand-in's copy, the absent one's.
            var owner = staff.Find(onBehalfOf ?? message.Recipient);
            var reader = owner switch
            {
                { } p when p.Has(Role.Leader) => new WeeklyReader(LeaderName: p.Name),
                { } p when p.Has(Role.Head) => new WeeklyReader(Department: p.Department),
                _ => null,
            };
            var mail = await reports.RenderMailAsync(week, person?.Language ?? Language.Chinese, reader, ct);
            return new OutgoingMail(person?.Name ?? message.Recipient, ReaderCopies.Marked(mail, onBehalfOf, staff), 0);
        }));
}
