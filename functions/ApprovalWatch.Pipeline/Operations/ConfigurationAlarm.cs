using ApprovalWatch.Domain.Operations;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Mail;
using ApprovalWatch.Pipeline.Reference;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Presentation.Operations;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Pipeline.Operations;

/// <summary>
/// When the configuration cannot be read at all (<see cref="ConfigurationUnavailableException"/>), the day's operator
/// report — the refusal alone — to the fallback address of the app's settings, straight through the mail transport (the
/// outbox needs the calendars it cannot read). Once a day: a marker in <c>digests/alarms/</c> is claimed before sending
/// and given back when the send fails.
/// </summary>
public sealed class ConfigurationAlarm(
    StorageAccount storage,
    IMailTransport transport,
    IOptions<OperationsOptions> options,
    ILogger<ConfigurationAlarm> logger
)
{
    public async Task<bool> RaiseAsync(DateOnly today, ConfigurationUnavailableException refusal, CancellationToken cancellationToken)
    {
        logger.LogCritical(refusal, "The configuration cannot be read and no good copy was ever kept: nothing is measured or sent");
        if (options.Value.FallbackAddress is not { Length: > 0 } address)
        {
            logger.LogCritical("No Operations__FallbackAddress is set: nobody can be mailed that the configuration is broken");
            return false;
        }

        var marker = storage.Digests.GetBlobClient($"alarms/configuration/{IsoDate.Format(today)}");
        try
        {
            await marker.UploadAsync(
                BinaryData.FromString(refusal.Message),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken
            );
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false; // Already told today.
        }

        try
        {
            var report = new OperatorReport(today) { RefusedConfiguration = [refusal.Message] };
            await transport.SendAsync(address, address, OperatorReportRenderer.Render(report), new Dictionary<string, string>(), cancellationToken);
            return true;
        }
        catch
        {
            await marker.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
            throw;
        }
    }
}
