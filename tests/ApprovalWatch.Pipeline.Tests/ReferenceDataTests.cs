using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Pipeline.Reference;

namespace ApprovalWatch.Pipeline.Tests;

[Collection(AzuriteCollection.Name)]
public class ReferenceDataTests
{
    [Fact]
    public async Task Reference_data_is_read_once_and_again_only_when_a_file_changed()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var loader = pipeline.Get<ReferenceDataLoader>();

        var first = await loader.LoadAsync(default);
        Assert.Same(first, await loader.LoadAsync(default));

        var directory = pipeline.Storage.Config.GetBlobClient(ReferenceDataLoader.DirectoryBlob);
        var text = (await directory.DownloadContentAsync()).Value.Content.ToString();
        await directory.UploadAsync(BinaryData.FromString(text.TrimEnd() + "\nnew.clerk@kizilsu.example.org,新职员,housing,contact,xinjiang\n"), overwrite: true);

        var changed = await loader.LoadAsync(default);
        Assert.NotSame(first, changed);
        Assert.Equal(Role.Contact, changed.Staff.Find("new.clerk@kizilsu.example.org")!.Role);
        Assert.Null(first.Staff.Find("new.clerk@kizilsu.example.org"));
    }
}
