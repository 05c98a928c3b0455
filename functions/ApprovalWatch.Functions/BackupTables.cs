using ApprovalWatch.Pipeline.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.Functions;

public sealed class BackupTables(PipelineFunctions functions, ILogger<BackupTables> logger)
{
    [Function(nameof(BackupTables))]
    public async Task Run([TimerTrigger("%BackupSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var rows = await functions.BackupTablesAsync(cancellationToken);
        logger.LogInformation(
            rows is null ? "Tonight's backup was already made" : "Backed up {Rows} row(s) of {Tables} table(s)",
            rows?.Values.Sum(),
            rows?.Count
        );
    }
}
