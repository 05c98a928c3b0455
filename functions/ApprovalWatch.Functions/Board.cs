using ApprovalWatch.Pipeline.Web;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace ApprovalWatch.Functions;

/// <summary>
/// The board, its JSON API and the acknowledgement links (<c>/board</c>, <c>/procedures</c>, <c>/projects/{code}</c>,
/// <c>/ack/{token}</c>, <c>/api/…</c>). App Service Authentication (Entra ID) signs every request in before it gets
/// here and names the person in <c>X-MS-CLIENT-PRINCIPAL-NAME</c>; the directory decides what he sees.
/// </summary>
public sealed class Board(BoardApp app)
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL-NAME";

    [Function(nameof(Board))]
    public async Task<HttpResponseData> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "{*path}")] HttpRequestData request, CancellationToken cancellationToken)
    {
        var principal = request.Headers.TryGetValues(PrincipalHeader, out var names) ? names.FirstOrDefault() : null;
        IReadOnlyDictionary<string, string>? form = null;
        if (request.Method.Equals("POST", StringComparison.OrdinalIgnoreCase))
        {
            form = WebRequest.ParseQuery(await request.ReadAsStringAsync() ?? "");
        }

        var answer = await app.HandleAsync(WebRequest.Of(request.Method, request.Url.PathAndQuery, principal, form), cancellationToken);
        var response = request.CreateResponse((System.Net.HttpStatusCode)answer.Status);
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        await response.Body.WriteAsync(answer.Body, cancellationToken);
        return response;
    }
}
