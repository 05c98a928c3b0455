using System.Security.Cryptography;
using System.Text;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>
/// Table keys may not hold / \ # ? or control characters, and hold at most 1 KiB; blob names and email
/// addresses may hold anything. Escaping keeps short keys readable; a name that may be long is hashed.
/// </summary>
public static class TableKey
{
    public static string Escape(string value) => Uri.EscapeDataString(value);

    /// <summary>A fixed-length key for a value of any length (a blob name of up to 1,024 characters, in any script).</summary>
    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32];
}
