using System.ComponentModel.DataAnnotations;
using System.Text;

namespace ApprovalWatch.Pipeline.Web;

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

    public byte[]? Key => AckKey is { Length: > 0 } key ? Encoding.UTF8.GetBytes(key) : null;

    public byte[]? PreviousKey => PreviousAckKey is { Length: > 0 } key ? Encoding.UTF8.GetBytes(key) : null;
}
