using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ApprovalWatch.Board;

/// <summary>
/// Who App Service Authentication signed in, as the platform tells the app: only when its own setting says it is in
/// force (<c>WEBSITE_AUTH_ENABLED</c>), from the principal it injects (<c>X-MS-CLIENT-PRINCIPAL</c>, base64 JSON of the
/// token's claims; the platform drops any such header a client sends). A name header alone, or no platform
/// authentication in front, signs nobody in: the board then answers 401 and says why.
/// </summary>
public sealed class PlatformSignIn : ISignIn
{
    public const string EnabledSetting = "WEBSITE_AUTH_ENABLED";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    // The claims that name a person by address, most specific first; the principal's own name claim type comes after.
    private static readonly string[] AddressClaims =
    [
        "preferred_username", "email", "upn",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
    ];

    public (string? Principal, string? Refusal) Verify(HttpContext http) =>
        Verify(
            Environment.GetEnvironmentVariable(EnabledSetting),
            http.Request.Headers.TryGetValue(PrincipalHeader, out var values) ? values.FirstOrDefault() : null
        );

    /// <summary>The signed-in address, or why nobody is signed in.</summary>
    public static (string? Principal, string? Refusal) Verify(string? enabledSetting, string? principalHeader)
    {
        if (!string.Equals(enabledSetting?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return (
                null,
                $"App Service Authentication is not in force for this app ({EnabledSetting} is not true): the board serves nobody it has not verified."
            );
        }

        if (string.IsNullOrWhiteSpace(principalHeader))
        {
            return (null, "No signed-in person came with the request: sign in through the app's address.");
        }

        try
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(principalHeader.Trim())));
            var claims = json.RootElement.GetProperty("claims").EnumerateArray()
                .Select(c => (Type: c.GetProperty("typ").GetString() ?? "", Value: c.GetProperty("val").GetString() ?? ""))
                .ToList();
            var nameType = json.RootElement.TryGetProperty("name_typ", out var n) ? n.GetString() : null;
            var address = AddressClaims.Append(nameType).OfType<string>()
                .Select(type => claims.FirstOrDefault(c => c.Type == type && c.Value.Contains('@')).Value)
                .FirstOrDefault(v => v is { Length: > 0 });
            return address is null ? (null, "The sign-in names no email address: the board cannot match it to the directory.") : (address.Trim(), null);
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, "The signed-in principal the platform passed on could not be read.");
        }
    }
}
