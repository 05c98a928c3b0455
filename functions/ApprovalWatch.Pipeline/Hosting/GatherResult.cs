namespace ApprovalWatch.Pipeline.Hosting;

/// <summary>What one GatherSubmissions run did: templates written (0 when current) and files queued for ingestion.</summary>
public sealed record GatherResult(int TemplatesWritten, int Queued);
