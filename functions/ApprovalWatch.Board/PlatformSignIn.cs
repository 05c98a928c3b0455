using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ApprovalWatch.Board;

/// <summary>
/// Who App Service Authentication signed in, proved by the identity provider's own signature: the ID token the platform
/// forwards from its token store (<c>X-MS-TOKEN-AAD-ID-TOKEN</c>) is validated here — issuer, audience (the sign-in's
/// client id), signature against the provider's published keys, lifetime on the app's clock — and only its claims name
/// the person. The base64 principal headers are never read: anyone who reaches the app without the platform in front
/// could write them. Without the platform's authentication in force (<c>WEBSITE_AUTH_ENABLED</c>), without the
/// sign-in's settings (<c>SignIn__Issuer</c>, <c>SignIn__ClientId</c>) or without a valid token nobody is signed in.
/// </summary>
public sealed class PlatformSignIn : ISignIn
{
    public const string EnabledSetting = "WEBSITE_AUTH_ENABLED";
    public const string TokenHeader = "X-MS-TOKEN-AAD-ID-TOKEN";
    public const string IssuerSetting = "SignIn:Issuer";
    public const string ClientIdSetting = "SignIn:ClientId";

    // The claims that name a person by address, most specific first.
    private static readonly string[] AddressClaims = ["preferred_username", "email", "upn", "unique_name"];

    private readonly string? _misconfigured;
    private readonly TokenValidationParameters _validation = new();
    private readonly JsonWebTokenHandler _tokens = new() { MapInboundClaims = false };

    public PlatformSignIn(IConfiguration configuration, TimeProvider time)
    {
        var issuer = configuration[IssuerSetting]?.Trim().TrimEnd('/');
        var clientId = configuration[ClientIdSetting]?.Trim();
        if (!string.Equals(configuration[EnabledSetting]?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            _misconfigured = "sign_in_platform_off";
            return;
        }

        if (string.IsNullOrEmpty(issuer) || string.IsNullOrEmpty(clientId) || !Uri.TryCreate(issuer, UriKind.Absolute, out var issuerUri))
        {
            _misconfigured = "sign_in_unset";
            return;
        }

        // The provider's keys over HTTPS; plain HTTP only to a provider on this machine (a test's).
        var retriever = new HttpDocumentRetriever { RequireHttps = !IPAddress.TryParse(issuerUri.Host, out var ip) || !IPAddress.IsLoopback(ip) };
        _validation = new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = clientId,
            ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                $"{issuer}/.well-known/openid-configuration",
                new OpenIdConnectConfigurationRetriever(),
                retriever
            ),
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromMinutes(2),
            LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return expires is { } end && now <= end + parameters.ClockSkew && (notBefore is not { } start || now >= start - parameters.ClockSkew);
            },
        };
    }

    public async ValueTask<SignInResult> VerifyAsync(HttpContext http)
    {
        if (_misconfigured is not null)
        {
            return SignInResult.Refused(_misconfigured);
        }

        if (!http.Request.Headers.TryGetValue(TokenHeader, out var values) || values.FirstOrDefault() is not { Length: > 0 } token)
        {
            return SignInResult.Refused("sign_in_no_token");
        }

        var result = await _tokens.ValidateTokenAsync(token.Trim(), _validation);
        if (!result.IsValid)
        {
            return result.Exception switch
            {
                SecurityTokenExpiredException or SecurityTokenInvalidLifetimeException => SignInResult.Expired("sign_in_expired"),
                SecurityTokenInvalidAudienceException => SignInResult.Refused("sign_in_other_app"),
                SecurityTokenInvalidIssuerException => SignInResult.Refused("sign_in_untrusted_issuer"),
                SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => SignInResult.Refused("sign_in_bad_signature"),
                _ => SignInResult.Refused("sign_in_unverified"),
            };
        }

        var address = AddressClaims
            .Select(type => result.Claims.TryGetValue(type, out var value) ? value as string : null)
            .FirstOrDefault(value => value is { Length: > 0 } && value.Contains('@'));
        return address is null
            ? SignInResult.Refused("sign_in_no_address")
            : SignInResult.As(address.Trim());
    }
}
