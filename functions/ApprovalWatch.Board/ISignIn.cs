using Microsoft.AspNetCore.Http;

namespace ApprovalWatch.Board;

/// <summary>Who signed in for a request, as whatever serves the board verified it; or why nobody is (the board then answers 401).</summary>
public interface ISignIn
{
    ValueTask<SignInResult> VerifyAsync(HttpContext http);
}

/// <summary>
/// The verified person's address, or why nobody is signed in (the key of the words that say it, in the reader's
/// language); <see cref="SignInAgain"/> when a sign-in the platform still holds has expired, so that a fresh one
/// (usually silent) mends it.
/// </summary>
public sealed record SignInResult(string? Principal, string? Refusal, bool SignInAgain = false)
{
    public static SignInResult As(string? principal) => new(principal, null);

    public static SignInResult Refused(string why) => new(null, why);

    public static SignInResult Expired(string why) => new(null, why, SignInAgain: true);
}
