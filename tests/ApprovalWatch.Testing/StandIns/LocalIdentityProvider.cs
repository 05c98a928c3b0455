using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ApprovalWatch.Testing.StandIns;

/// <summary>
/// An OpenID Connect provider on 127.0.0.1, at the HTTP boundary as Entra ID is: its discovery document and signing key
/// (JWKS) served, and ID tokens signed with that key — or, to forge, with a key nobody publishes.
/// </summary>
public sealed class LocalIdentityProvider : IAsyncDisposable
{
    private const string KeyId = "local-1";
    private readonly RSA _key = RSA.Create(2048);
    private readonly LocalHttpListener _listener;

    public LocalIdentityProvider()
    {
        _listener = new LocalHttpListener(ServeAsync, concurrent: false);
        Issuer = $"http://127.0.0.1:{_listener.Port}/tenant/v2.0";
    }

    public string Issuer { get; }

    public const string ClientId = "6a1f0c2e-0000-4000-8000-000000000001";

    /// <summary>An ID token for <paramref name="email"/>, valid from <paramref name="now"/> for an hour unless told.</summary>
    public string IdToken(
        string email,
        DateTimeOffset now,
        TimeSpan? lifetime = null,
        string? audience = null,
        string? issuer = null,
        bool forgedKey = false
    )
    {
        using var forged = RSA.Create(2048);
        var key = new RsaSecurityKey(forgedKey ? forged : _key) { KeyId = KeyId };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(
            new SecurityTokenDescriptor
            {
                Issuer = issuer ?? Issuer,
                Audience = audience ?? ClientId,
                IssuedAt = now.UtcDateTime,
                NotBefore = now.UtcDateTime,
                Expires = (now + (lifetime ?? TimeSpan.FromHours(1))).UtcDateTime,
                Claims = new Dictionary<string, object> { ["preferred_username"] = email, ["name"] = email },
                SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            }
        );
    }

    public async ValueTask DisposeAsync()
    {
        await _listener.DisposeAsync();
        _key.Dispose();
    }

    private async Task ServeAsync(System.Net.HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var key = _key.ExportParameters(includePrivateParameters: false);
        object? document = path switch
        {
            "/tenant/v2.0/.well-known/openid-configuration" => new Dictionary<string, object>
            {
                ["issuer"] = Issuer,
                ["jwks_uri"] = $"http://127.0.0.1:{_listener.Port}/tenant/discovery/v2.0/keys",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            },
            "/tenant/discovery/v2.0/keys" => new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", kid = KeyId, n = Base64UrlEncoder.Encode(key.Modulus), e = Base64UrlEncoder.Encode(key.Exponent) },
                },
            },
            _ => null,
        };
        context.Response.StatusCode = document is null ? 404 : 200;
        context.Response.ContentType = "application/json";
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(document));
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }
}
