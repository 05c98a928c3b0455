using System.Text;
using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Presentation.Notices;
using Azure;

namespace ApprovalWatch.Pipeline.Notices;

/// <summary>The notices as issued, in the notices container: <c>{year}/{number}.docx</c> (to print and file) and <c>.html</c>.</summary>
public sealed class NoticeArchive(StorageAccount storage)
{
    public static string Name(SupervisionNotice notice, string extension) => $"{notice.Year}/{notice.Number}.{extension}";

    /// <summary>Writes both documents (the same notice writes the same content).</summary>
    public async Task WriteAsync(SupervisionNotice notice, Func<string, string> nameOf, CancellationToken cancellationToken)
    {
        var view = NoticeView.Of(notice, nameOf);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [Name(notice, "docx")] = NoticeDocument.Write(view),
            [Name(notice, "html")] = Encoding.UTF8.GetBytes(NoticeRenderer.Render(view)),
        };
        foreach (var (name, content) in files)
        {
            await storage.Notices.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true, cancellationToken);
        }
    }

    /// <summary>The archived Word document; written afresh from the notice when the archive lacks it (a run stopped before archiving).</summary>
    public async Task<byte[]> DocumentAsync(SupervisionNotice notice, Func<string, string> nameOf, CancellationToken cancellationToken)
    {
        try
        {
            return (await storage.Notices.GetBlobClient(Name(notice, "docx")).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return NoticeDocument.Write(NoticeView.Of(notice, nameOf));
        }
    }
}
