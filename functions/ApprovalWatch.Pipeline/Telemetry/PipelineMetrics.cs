using System.Diagnostics.Metrics;

namespace ApprovalWatch.Pipeline.Telemetry;

/// <summary>
/// The business counts of each run, as OpenTelemetry metrics of the meter <see cref="MeterName"/> (exported to
/// Application Insights in Azure, where the alert rules of <c>infra/app/alerts.bicep</c> read them by these names).
/// </summary>
public sealed class PipelineMetrics : IDisposable
{
    public const string MeterName = "ApprovalWatch";
    public const string ScanRuns = "approvalwatch.scan.runs";
    public const string ProceduresMeasured = "approvalwatch.procedures.measured";
    public const string ProceduresFlagged = "approvalwatch.procedures.flagged";
    public const string DigestsQueued = "approvalwatch.digests.queued";
    public const string MailSent = "approvalwatch.mail.sent";
    public const string MailFailed = "approvalwatch.mail.failed";
    public const string NoticeItemsIssued = "approvalwatch.notices.items_issued";
    public const string Ingestions = "approvalwatch.ingestions";
    public const string PoisonMessages = "approvalwatch.poison.messages";
    public const string StalledIngestions = "approvalwatch.ingestions.stalled";

    private readonly Meter _meter;
    private readonly Counter<long> _scanRuns;
    private readonly Counter<long> _measured;
    private readonly Counter<long> _flagged;
    private readonly Counter<long> _digests;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _noticeItems;
    private readonly Counter<long> _ingestions;
    private readonly Gauge<long> _poison;
    private readonly Gauge<long> _stalled;

    public PipelineMetrics()
    {
        // Scoped to this instance, so that a test listens to its own pipeline's measurements only.
        _meter = new Meter(new MeterOptions(MeterName) { Scope = this });
        _scanRuns = _meter.CreateCounter<long>(ScanRuns, description: "Daily scans that ended: outcome finished (every shard measured) or day_off");
        _measured = _meter.CreateCounter<long>(ProceduresMeasured, description: "Procedures measured by a finished scan");
        _flagged = _meter.CreateCounter<long>(ProceduresFlagged, description: "Procedures a finished scan flagged, by flag");
        _digests = _meter.CreateCounter<long>(DigestsQueued, description: "Digests a finished scan queued");
        _sent = _meter.CreateCounter<long>(MailSent, description: "Mails and chat posts delivered, by kind");
        _failed = _meter.CreateCounter<long>(MailFailed, description: "Mails and chat posts that failed a try, by kind and failure");
        _noticeItems = _meter.CreateCounter<long>(NoticeItemsIssued, description: "Items put on supervision notices");
        _ingestions = _meter.CreateCounter<long>(Ingestions, description: "Department files ingested, by receipt status");
        _poison = _meter.CreateGauge<long>(PoisonMessages, description: "Messages in the poison queues");
        _stalled = _meter.CreateGauge<long>(StalledIngestions, description: "Files whose ingestion is past its claim or queued again");
    }

    public void ScanDayOff() => _scanRuns.Add(1, new KeyValuePair<string, object?>("outcome", "day_off"));

    public void ScanFinished(int procedures, int red, int yellow, int digestsQueued)
    {
        _scanRuns.Add(1, new KeyValuePair<string, object?>("outcome", "finished"));
        _measured.Add(procedures);
        _flagged.Add(red, new KeyValuePair<string, object?>("flag", "red"));
        _flagged.Add(yellow, new KeyValuePair<string, object?>("flag", "yellow"));
        _digests.Add(digestsQueued);
    }

    public void Delivered(string kind) => _sent.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Failed(string kind, string failure) =>
        _failed.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("failure", failure));

    public void NoticeItems(int added) => _noticeItems.Add(added);

    public void Ingested(string status) => _ingestions.Add(1, new KeyValuePair<string, object?>("status", status));

    public void Backlog(long poisoned, long stalled)
    {
        _poison.Record(poisoned);
        _stalled.Record(stalled);
    }

    public void Dispose() => _meter.Dispose();
}
