using System.Security.Cryptography;
using System.Text;

namespace ApprovalWatch.Domain.Chat;

/// <summary>
/// DingTalk's signed robot request (加签): HMAC-SHA256 of <c>{timestamp}\n{secret}</c> keyed with the secret, Base64, sent
/// URL-encoded as <c>sign</c> beside <c>timestamp</c> (milliseconds since 1970); DingTalk refuses one older than an hour.
/// </summary>
public static class DingTalkSignature
{
    public static string Sign(string secret, long timestampMilliseconds) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestampMilliseconds}\n{secret}")));

    /// <summary>The webhook URL with its timestamp and signature added.</summary>
    public static string Append(string webhook, string secret, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeMilliseconds();
        var separator = webhook.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return $"{webhook}{separator}timestamp={timestamp}&sign={Uri.EscapeDataString(Sign(secret, timestamp))}";
    }
}
