using ApprovalWatch.Pipeline.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.Functions;

public sealed class GatherSubmissions(PipelineFunctions functions, ILogger<GatherSubmissions> logger)
{
    [Function(nameof(GatherSubmissions))]
    public async Task Run([TimerTrigger("%GatherSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (timer.IsPastDue)
        {
            logger.LogInformation("GatherSubmissions is running late");
        }

        await functions.GatherSubmissionsAsync(cancellationToken);
    }
}
