using ApprovalWatch.Pipeline.Events;
using ApprovalWatch.Pipeline.Mail;
using ApprovalWatch.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.Pipeline.Operations;

/// <summary>When something went wrong, a scanned day's operator report to each operator, at the start of his office hours.</summary>
public sealed class OperatorReportOnScan(OperatorReportBuilder reports, NotificationQueue notifications, ILogger<OperatorReportOnScan> logger)
    : IEventHandler<DayScanned>
{
    public async Task HandleAsync(DayScanned published, CancellationToken cancellationToken)
    {
        var (today, reference) = (published.Date, published.Reference);
        var report = await reports.BuildAsync(today, cancellationToken);
        if (report.IsEmpty)
        {
            return;
        }

        logger.LogWarning("Operator report of {Date}: {Problems} problem(s)", today, report.Problems);
        foreach (var person in reference.Staff.WithRole(Domain.Staff.Role.Operator))
        {
            var opens = reference.Calendars.HoursOf(person.Calendar).OpensAt(today);
            await notifications.QueueOnceAsync(
                OperatorReportMail.Message(today, person.Email),
                NotificationKeys.Operator(today, person.Email),
                opens,
                0,
                cancellationToken
            );
        }
    }
}
