using Microsoft.AspNetCore.Http;

namespace ApprovalWatch.Board;

/// <summary>Who signed in for a request, as whatever serves the board verified it; or why nobody is (the board then answers 401).</summary>
public interface ISignIn
{
    (string? Principal, string? Refusal) Verify(HttpContext http);
}
