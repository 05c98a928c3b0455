using ApprovalWatch.Domain.Receipts;
using ApprovalWatch.Pipeline.Ingestion;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Presentation.Receipts;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Board;

/// <summary>
/// <c>/submit</c>: a clerk puts his department's file into <c>submissions/{his department}/</c> from the board (the
/// folder is his directory department, never a form field; the upload itself is <see cref="Uploads"/>'). He then sees
/// the receipt of that version when it is written, and his department's files of the last weeks with theirs.
/// </summary>
public sealed class SubmitPage(StorageAccount storage, ReceiptWriter receipts, SubmissionLedger ledger, IOptions<IngestOptions> options, TimeProvider time)
{
    /// <summary>How often the receipt page asks again while the file is being read.</summary>
    public const int RefreshSeconds = 1;
    private const int ListedFiles = 20;
    private const int ListedWeeks = 8;

    public sealed record FileRow(string Name, string ETag, DateTimeOffset At, string? UploadedBy, Receipt? Receipt);

    public sealed record Model(string Department, long MaxBytes, IReadOnlyList<FileRow> Files);

    /// <summary>The file of a version just uploaded and its receipt, null while it is being read.</summary>
    public sealed record Pending(string Name, string ETag, Receipt? Receipt);

    public long MaxBytes => options.Value.MaxFileBytes;

    public async Task<Model> LoadAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var department = viewer.Person.Department;
        var since = time.GetUtcNow().AddDays(-7 * ListedWeeks);
        var files = new List<BlobItem>();
        await foreach (
            var blob in storage.Submissions.GetBlobsAsync(
                new GetBlobsOptions { Prefix = department + "/" },
                cancellationToken
            )
        )
        {
            if (blob.Properties.LastModified >= since)
            {
                files.Add(blob);
            }
        }

        var newest = files.OrderByDescending(b => b.Properties.LastModified).Take(ListedFiles).ToList();
        var uploaders = await ledger.UploadersAsync(newest.Select(b => b.Name), cancellationToken);
        var rows = await Task.WhenAll(
            newest.Select(async b => new FileRow(
                b.Name,
                b.Properties.ETag.ToString() ?? "",
                b.Properties.LastModified ?? default,
                uploaders.GetValueOrDefault(b.Name),
                await receipts.ReadVersionAsync(b.Name, b.Properties.ETag.ToString() ?? "", cancellationToken)
            ))
        );
        return new Model(department, MaxBytes, rows);
    }

    /// <summary>A version of one of the viewer's department's files with its receipt when written; null when the name is not his department's.</summary>
    public async Task<Pending?> ReceiptAsync(Viewer viewer, string name, string etag, CancellationToken cancellationToken) =>
        name.StartsWith(viewer.Person.Department + "/", StringComparison.Ordinal) && !name.Contains("..", StringComparison.Ordinal)
            ? new Pending(name, etag, await receipts.ReadVersionAsync(name, etag, cancellationToken))
            : null;

    /// <summary>A size as people read it: 20 MiB, 3.9 KiB.</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024.0):0.#} MiB")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB");

    public static string Render(Model model, Page page, Viewer viewer, Func<string, string> nameOf)
    {
        return page.Render("submit", page.Words["submit_title"], viewer, model, new Dictionary<string, object?>
        {
            ["folder"] = $"submissions/{model.Department}/",
            ["department"] = page.Words.Department(model.Department),
            ["progress_sheet"] = model.Department == Domain.Catalogue.Department.DevelopmentReform,
            ["max_size"] = Size(model.MaxBytes),
            ["files"] = model.Files.Select(f => new
            {
                f.Name,
                f.At,
                By = f.UploadedBy is null ? "—" : nameOf(f.UploadedBy),
                Url = Page.Url("/submit/receipt", [("file", f.Name), ("v", f.ETag)]),
                Summary = f.Receipt is null ? page.Words["submit_reading"] : ReceiptRenderer.View(f.Receipt, page.Language).Subject,
                Rejected = f.Receipt is { NeedsReply: true },
            }).ToList(),
        });
    }

    public static string Render(Pending pending, Page page, Viewer viewer)
    {
        return page.Render("submit_receipt", page.Words["submit_receipt_title"], viewer, pending, new Dictionary<string, object?>
        {
            ["receipt"] = pending.Receipt is { } receipt ? ReceiptRenderer.View(receipt, page.Language) : null,
            // No script: the page asks again until the receipt is there.
            ["refresh"] = pending.Receipt is null ? RefreshSeconds : null,
        });
    }
}
