using ApprovalWatch.Gathering;
using ApprovalWatch.Templates;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.Functions;

public sealed class GatherSubmissions(SubmissionGatherer gatherer, TemplatePublisher templates, ILogger<GatherSubmissions> logger)
{
    [Function(nameof(GatherSubmissions))]
    public async Task Run([TimerTrigger("%GatherSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (timer.IsPastDue)
        {
            logger.LogInformation("GatherSubmissions is running late");
        }

        await templates.PublishIfChangedAsync(cancellationToken);
        await gatherer.GatherAsync(cancellationToken);
    }
}
