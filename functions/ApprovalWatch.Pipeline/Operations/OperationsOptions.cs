using System.ComponentModel.DataAnnotations;

namespace ApprovalWatch.Pipeline.Operations;

/// <summary>Settings of the operators' own (configuration section <c>Operations</c>).</summary>
public sealed class OperationsOptions
{
    public const string Section = "Operations";

    /// <summary>
    /// Where the operator report goes when the directory that names the operators cannot be read at all (no good copy was
    /// ever kept): an address of the app's settings, not of the configuration it reports on.
    /// </summary>
    [EmailAddress]
    public string? FallbackAddress { get; set; }
}
