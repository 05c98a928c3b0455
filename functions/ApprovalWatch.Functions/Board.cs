using ApprovalWatch.Board;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ApprovalWatch.Functions;

/// <summary>
/// The board, its JSON API and the links of mails (<c>/board</c>, <c>/procedures</c>, <c>/projects/{code}</c>,
/// <c>/ack/{token}</c>, <c>/submit</c>, <c>/api/…</c>): every request of the app's one HTTP trigger goes through the
/// board's ASP.NET Core pipeline (<see cref="BoardPipeline"/>), which writes the answer. App Service Authentication
/// (Entra ID) signs every request in before it gets here; the board serves only a person the platform verifiably signed in
/// (<see cref="PlatformSignIn"/>), 401 otherwise, and the directory decides what he sees.
/// </summary>
public sealed class Board(BoardPipeline board)
{
    [Function(nameof(Board))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "{*path}")] HttpRequest request)
    {
        await board.ServeAsync(request.HttpContext);
        return new EmptyResult();
    }
}
