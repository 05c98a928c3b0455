using System.ComponentModel.DataAnnotations;
using System.Text;

namespace ApprovalWatch.Pipeline.Links;

/// <summary>
/// The board (configuration section <c>Board</c>): where it is served (for the links in mails) and the keys that
/// sign acknowledgement links (in Azure a Key Vault reference; the previous key still verifies during a rotation).
/// </summary>
public sealed class BoardOptions
{
    public const string Section = "Board";

    /// <summary>The board's address as officials reach it, e.g. <c>https://approvalwatch.example.org</c>; no links in mails without it.</summary>
    public string? BaseUrl { get; set; }

    public string? AckKey { get; set; }

    public string? PreviousAckKey { get; set; }

    [Range(1, 60)]
    public int AckValidDays { get; set; } = 7;

    public byte[]? Key => KeyOf(AckKey);

    public byte[]? PreviousKey => KeyOf(PreviousAckKey);

    /// <summary>The pre-filled sheets' row checks, under a key derived from the board's; none without a key.</summary>
    public Domain.Submissions.LockedRow? RowChecks => Key is { } key ? new Domain.Submissions.LockedRow(key) : null;

    // A Key Vault reference the platform could not resolve arrives as its own text, which anyone can read in the
    // template: it is no key, and the links stay off until the secret is there.
    private static byte[]? KeyOf(string? setting) =>
        setting is { Length: > 0 } key && !key.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8.GetBytes(key) : null;
}
