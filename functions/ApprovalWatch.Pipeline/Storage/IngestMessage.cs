namespace ApprovalWatch.Pipeline.Storage;

/// <summary>Asks IngestSubmission to read one version of one blob under <c>submissions/</c>.</summary>
public sealed record IngestMessage(string BlobName, string ETag);
