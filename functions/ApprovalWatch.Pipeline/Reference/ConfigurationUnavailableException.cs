namespace ApprovalWatch.Pipeline.Reference;

/// <summary>
/// The configuration cannot be read and no good copy of it was ever kept: nothing can be measured or served until an
/// operator mends the file its message names. Pages say so (503); the scan tells the fallback operator address.
/// </summary>
public sealed class ConfigurationUnavailableException(string message, Exception inner) : Exception(message, inner)
{
    /// <summary>The refusal alone (file, line, reason, as the file's parser says it), for a page that says the rest in its own words.</summary>
    public string Refusal => InnerException?.Message ?? Message;
}
