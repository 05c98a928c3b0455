using System.Security.Cryptography;
using System.Text;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Acknowledgements;

/// <summary>
/// The signed, expiring token of an acknowledgement link: the recipient, the procedure and the digest's date,
/// signed with HMAC-SHA256. A token signed with the previous key still verifies, so keys can be rotated.
/// </summary>
public sealed record AckToken(string Recipient, string ProjectCode, string ProcedureCode, DateOnly Date, DateTimeOffset Expires)
{
    public enum Check
    {
        Valid,
        Tampered,
        Expired,
    }

    public string Sign(byte[] key)
    {
        var payload = Encoding.UTF8.GetBytes(string.Join('\n', Recipient, ProjectCode, ProcedureCode, IsoDate.Format(Date), Expires.ToUnixTimeSeconds()));
        return $"{Base64Url(payload)}.{Base64Url(HMACSHA256.HashData(key, payload))}";
    }

    /// <summary>A short id of a token's text, kept to refuse the same token twice.</summary>
    public static string IdOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..24];

    /// <summary>Reads and verifies a token against the current key and the previous one.</summary>
    public static (Check Check, AckToken? Token) Verify(string text, DateTimeOffset now, byte[] key, byte[]? previousKey = null)
    {
        var dot = text.IndexOf('.');
        if (dot <= 0 || FromBase64Url(text[..dot]) is not { } payload || FromBase64Url(text[(dot + 1)..]) is not { } signature)
        {
            return (Check.Tampered, null);
        }

        if (text != $"{Base64Url(payload)}.{Base64Url(signature)}")
        {
            // One spelling per token: padding, the other base64 alphabet or stray bits would make a second "new" link.
            return (Check.Tampered, null);
        }

        var signed = new[] { key, previousKey }.OfType<byte[]>().Any(k => CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(k, payload), signature));
        var parts = Encoding.UTF8.GetString(payload).Split('\n');
        if (!signed || parts.Length != 5
            || !IsoDate.TryParse(parts[3], out var date)
            || !long.TryParse(parts[4], System.Globalization.CultureInfo.InvariantCulture, out var expires))
        {
            return (Check.Tampered, null);
        }

        var token = new AckToken(parts[0], parts[1], parts[2], date, DateTimeOffset.FromUnixTimeSeconds(expires));
        return (now > token.Expires ? Check.Expired : Check.Valid, token);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
