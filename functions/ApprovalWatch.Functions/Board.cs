using ApprovalWatch.Pipeline.Web;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace ApprovalWatch.Functions;

/// <summary>
/// The board, its JSON API and the acknowledgement links (<c>/board</c>, <c>/procedures</c>, <c>/projects/{code}</c>,
/// <c>/ack/{token}</c>, <c>/api/…</c>). App Service Authentication (Entra ID) signs every request in before it gets
/// here; the board serves only a person the platform verifiably signed in (<see cref="PlatformSignIn"/>), 401
/// otherwise, and the directory decides what he sees.
/// </summary>
public sealed class Board(BoardApp app)
{
    [Function(nameof(Board))]
    public async Task<HttpResponseData> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "{*path}")] HttpRequestData request, CancellationToken cancellationToken)
    {
        var answer = await AnswerAsync(request, cancellationToken);
        var response = request.CreateResponse((System.Net.HttpStatusCode)answer.Status);
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        await response.Body.WriteAsync(answer.Body, cancellationToken);
        return response;
    }

    private async Task<WebResponse> AnswerAsync(HttpRequestData request, CancellationToken cancellationToken)
    {
        var (principal, refusal) = PlatformSignIn.Verify(
            Environment.GetEnvironmentVariable(PlatformSignIn.EnabledSetting),
            request.Headers.TryGetValues(PlatformSignIn.PrincipalHeader, out var values) ? values.FirstOrDefault() : null);
        if (refusal is not null)
        {
            return BoardApp.Unauthorized(refusal);
        }

        IReadOnlyDictionary<string, string>? form = null;
        if (request.Method.Equals("POST", StringComparison.OrdinalIgnoreCase)
            && (form = await WebRequest.ReadFormAsync(request.Body, ContentLength(request), cancellationToken)) is null)
        {
            return BoardApp.TooLarge();
        }

        return await app.HandleAsync(
            WebRequest.Of(request.Method, request.Url.PathAndQuery, principal, form) with { Host = request.Url.Authority, Origin = request.Headers.TryGetValues("Origin", out var origins) ? origins.FirstOrDefault() : null },
            cancellationToken);
    }

    private static long? ContentLength(HttpRequestData request) =>
        request.Headers.TryGetValues("Content-Length", out var values) && long.TryParse(values.FirstOrDefault(), out var length) ? length : null;
}
