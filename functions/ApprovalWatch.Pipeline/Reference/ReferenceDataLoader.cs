using System.Text;
using ApprovalWatch.Calendar;
using ApprovalWatch.Catalogue;
using ApprovalWatch.Staff;
using ApprovalWatch.Storage;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ApprovalWatch.Reference;

/// <summary>
/// Loads the configuration data from the config container at the start of each run, so that an
/// operator's new file takes effect without a deploy: <c>catalogue.csv</c>, <c>directory.csv</c>, the optional
/// <c>served-regions.csv</c> and the
/// <see cref="CalendarFolder"/>. A missing or malformed file fails the run with a message naming it.
/// </summary>
public sealed class ReferenceDataLoader(StorageAccount storage)
{
    public const string CatalogueBlob = "catalogue.csv";
    public const string DirectoryBlob = "directory.csv";

    public async Task<ReferenceData> LoadAsync(CancellationToken cancellationToken)
    {
        var container = storage.Config;
        var catalogue = ProcedureCatalogue.Parse(await ReadAsync(container, CatalogueBlob, cancellationToken));
        var staff = StaffDirectory.Parse(await ReadAsync(container, DirectoryBlob, cancellationToken));
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = CalendarFolder.Prefix }, cancellationToken))
        {
            names.Add(blob.Name);
        }

        var calendars = await CalendarFolder.LoadAsync(names, name => ReadAsync(container, name, cancellationToken));
        var unknown = staff.People.FirstOrDefault(p => !calendars.Has(p.Calendar));
        if (unknown is not null)
        {
            throw new InvalidOperationException($"{DirectoryBlob}: {unknown.Email} keeps calendar '{unknown.Calendar}', which has no files under calendar/.");
        }

        var regions = await container.GetBlobClient(ReferenceData.ServedRegionsFile).ExistsAsync(cancellationToken)
            ? ReferenceData.ParseServedRegions(await ReadAsync(container, ReferenceData.ServedRegionsFile, cancellationToken))
            : [];
        return new ReferenceData(catalogue, staff, calendars, regions);
    }

    private static async Task<TextReader> ReadAsync(BlobContainerClient container, string name, CancellationToken cancellationToken)
    {
        try
        {
            var content = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return new StringReader(Encoding.UTF8.GetString(content.Value.Content.ToMemory().Span).TrimStart('\uFEFF'));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new InvalidOperationException($"Configuration file {container.Name}/{name} is missing.", e);
        }
    }
}
