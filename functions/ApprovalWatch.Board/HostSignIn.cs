using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace ApprovalWatch.Board;

/// <summary>
/// The person the serving host itself put on the request (<see cref="HttpContext.User"/>): the local server serving the
/// board as one chosen person, or a test; nobody when it put none (whom the directory does not know: 403). Never
/// registered in Azure, where only <see cref="PlatformSignIn"/> signs in.
/// </summary>
public sealed class HostSignIn : ISignIn
{
    public ValueTask<SignInResult> VerifyAsync(HttpContext http) => ValueTask.FromResult(SignInResult.As(http.User.FindFirst(ClaimTypes.Email)?.Value));

    /// <summary>What a host puts on a request to serve it as <paramref name="email"/>.</summary>
    public static ClaimsPrincipal As(string email) => new(new ClaimsIdentity([new Claim(ClaimTypes.Email, email)], "host"));
}
