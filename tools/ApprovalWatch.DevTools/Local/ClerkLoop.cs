using System.Net.Http.Headers;
using ApprovalWatch.Cli;
using ApprovalWatch.Pipeline.Ingestion;
using ApprovalWatch.Board;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.DevTools.Local;

/// <summary>
/// The clerk's week on the board, as the demo shows it: a department's contact downloads this week's pre-filled sheet
/// and sends it back through the submit page's form (the multipart post his browser makes), the upload is read as the
/// Functions host reads its queue, and the submit page and the receipt are photographed.
/// </summary>
public static class ClerkLoop
{
    public static async Task<string> RunAsync(CliRuntime runtime, string clerk, string folder, ILogger logger, CancellationToken cancellationToken)
    {
        await using var server = await LocalBoardServer.StartAsync(runtime.Get<BoardPipeline>(), clerk, 0, cancellationToken);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(server.Address) };
        using var download = await http.GetAsync("/submit/sheet.xlsx", cancellationToken);
        download.EnsureSuccessStatusCode();
        var name = download.Content.Headers.ContentDisposition?.FileNameStar ?? "sheet.xlsx";
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await download.Content.ReadAsByteArrayAsync(cancellationToken));
        file.Headers.ContentType = new MediaTypeHeaderValue(Presentation.ContentTypes.Xlsx);
        form.Add(file, "file", name);
        using var posted = await http.PostAsync("/submit", form, cancellationToken);
        var receiptPath = posted.Headers.Location?.OriginalString
            ?? throw new InvalidOperationException($"The submit page answered {(int)posted.StatusCode}, not a redirect to the receipt.");
        await runtime.IngestPump().DrainAsync(cancellationToken);

        var shot = await BoardScreenshots.TakeAsync(server.Address, [("submit", "/submit"), ("receipt", receiptPath)], folder, cancellationToken);
        var receipt = (await runtime.Get<ReceiptWriter>().ListAsync(cancellationToken))
            .Where(r => r.File.EndsWith("/" + name, StringComparison.Ordinal))
            .MaxBy(r => r.ReceivedAt);
        return $"Upload: {clerk} sent {name} back through {server.Address}/submit: "
            + (receipt is null ? "no receipt" : $"{receipt.Rows} rows, {receipt.Applied} applied, {receipt.Unchanged} unchanged, {receipt.Rejected} rejected")
            + (shot ? $"; screenshots submit.png, receipt.png in {folder}" : "");
    }
}
