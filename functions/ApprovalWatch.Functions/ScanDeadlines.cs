using ApprovalWatch.Pipeline.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.Functions;

public sealed class ScanDeadlines(PipelineFunctions functions, ILogger<ScanDeadlines> logger)
{
    [Function(nameof(ScanDeadlines))]
    public async Task Run([TimerTrigger("%ScanSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (timer.IsPastDue)
        {
            logger.LogInformation("ScanDeadlines is running late; today's digests are still sent once");
        }

        await functions.ScanDeadlinesAsync(date: null, cancellationToken);
    }
}
