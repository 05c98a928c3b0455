using ApprovalWatch.Pipeline.Hosting;
using Microsoft.Azure.Functions.Worker;

namespace ApprovalWatch.Functions;

public sealed class WeeklyReport(PipelineFunctions functions)
{
    /// <summary>Mondays (WeeklySchedule, UTC): the week's report archived and queued; fired late or twice, the same week sends nothing twice.</summary>
    [Function(nameof(WeeklyReport))]
    public Task Run([TimerTrigger("%WeeklySchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        functions.WeeklyReportAsync(week: null, cancellationToken);
}
