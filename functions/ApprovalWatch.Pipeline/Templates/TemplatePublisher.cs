using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Pipeline.Reference;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Presentation.Submissions;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.Pipeline.Templates;

/// <summary>
/// Keeps <c>templates/{department}.xlsx</c> and <c>.csv</c> (and the DRC's register, progress and problem list,
/// <c>templates/development-reform-{register|progress|problems}.csv</c>) in step with the catalogue: each template
/// remembers the catalogue version (ETag) it was made from, and all are written again when it changes.
/// </summary>
public sealed class TemplatePublisher(StorageAccount storage, ReferenceDataLoader configLoader, ILogger<TemplatePublisher> logger)
{
    private const string CatalogueETagMetadata = "catalogueetag";

    /// <returns>The number of templates written: 0 when they are current.</returns>
    public async Task<int> PublishIfChangedAsync(CancellationToken cancellationToken)
    {
        var catalogue = storage.Config.GetBlobClient(ReferenceDataLoader.CatalogueBlob);
        if (!await catalogue.ExistsAsync(cancellationToken))
        {
            return 0;
        }

        var version = (await catalogue.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ETag.ToString();
        var last = storage.Templates.GetBlobClient($"{Department.All[^1].Id}.csv");
        if (await last.ExistsAsync(cancellationToken)
            && (await last.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.Metadata.TryGetValue(CatalogueETagMetadata, out var made)
            && made == version)
        {
            return 0;
        }

        var config = await configLoader.LoadAsync(cancellationToken);
        var written = 0;
        foreach (var kind in Domain.Projects.ProjectFileKind.All)
        {
            await UploadAsync(
                $"development-reform-{kind.Id}.csv",
                System.Text.Encoding.UTF8.GetBytes(kind.TemplateCsv()),
                "text/csv; charset=utf-8",
                version,
                cancellationToken
            );
            written++;
        }

        foreach (var department in Department.All)
        {
            // The CSV of the last department goes last: its metadata says the set is complete.
            await UploadAsync(
                $"{department.Id}.xlsx",
                await SubmissionTemplate.XlsxAsync(department, config.Catalogue, cancellationToken),
                Presentation.ContentTypes.Xlsx,
                version,
                cancellationToken
            );
            await UploadAsync(
                $"{department.Id}.csv",
                SubmissionTemplate.Csv(department, config.Catalogue),
                "text/csv; charset=utf-8",
                version,
                cancellationToken
            );
            written += 2;
        }

        logger.LogInformation("Wrote {Count} department templates for catalogue version {Version}", written, version);
        return written;
    }

    private Task UploadAsync(string name, byte[] content, string contentType, string version, CancellationToken cancellationToken) =>
        storage.Templates.GetBlobClient(name).UploadAsync(
            new BinaryData(content),
            new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Metadata = new Dictionary<string, string> { [CatalogueETagMetadata] = version },
            },
            cancellationToken);
}
