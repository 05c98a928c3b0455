using ApprovalWatch.Pipeline.Web;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace ApprovalWatch.Functions;

/// <summary>
/// The board, its JSON API and the acknowledgement links (<c>/board</c>, <c>/procedures</c>, <c>/projects/{code}</c>,
/// <c>/ack/{token}</c>, <c>/submit</c>, <c>/api/…</c>). App Service Authentication (Entra ID) signs every request in before it gets
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

        RequestBody? body = null;
        if (request.Method.Equals("POST", StringComparison.OrdinalIgnoreCase)
            && (body = await app.ReadBodyAsync(Header(request, "Content-Type"), request.Body, long.TryParse(Header(request, "Content-Length"), out var length) ? length : null, cancellationToken)) is null)
        {
            return app.TooLarge();
        }

        return await app.HandleAsync(
            WebRequest.Of(request.Method, request.Url.PathAndQuery, principal).With(body) with { Host = request.Url.Authority, Origin = Header(request, "Origin") },
            cancellationToken);
    }

    private static string? Header(HttpRequestData request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
