using System.Text;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Pipeline.Storage;

namespace ApprovalWatch.DevTools.Commands;

/// <summary>The data of the benchmarks and the chaos run: a catalogue of 40 housing procedures and department files of any size over it.</summary>
public static class BenchData
{
    public const int ProceduresPerProject = 40;

    // The law every statutory limit names (the catalogue refuses a limit without it).
    private const string Basis = "《中华人民共和国行政许可法》第四十二条";

    public static List<CatalogueEntry> Catalogue() => Enumerable.Range(1, ProceduresPerProject)
        .Select(i => new CatalogueEntry($"BH-{i:D2}", $"基准事项{i}", $"Bench procedure {i}", "housing", 1 + (i % 4), 20, 15))
        .ToList();

    /// <summary>A housing file of <paramref name="rows"/> rows, 40 procedures per project, the projects numbered from <paramref
    /// name="firstProject"/>.</summary>
    public static void WriteFile(string path, int rows, int firstProject = 0)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("项目代码,审批事项,办理状态,受理日期,经办人邮箱,数据日期\n");
        for (var i = 0; i < rows; i++)
        {
            var project = firstProject + i / ProceduresPerProject;
            writer.Write(
                $"2026-653001-48-01-{project:D5}{project % 10},BH-{i % ProceduresPerProject + 1:D2},审查中,2026-0{1 + (i % 3)}-{10 + (i % 18)},"
                    + $"bench@example.org,2026-03-31\n"
            );
        }
    }

    /// <summary>One handler for every ten projects.</summary>
    public static string Handler(int project) => $"handler{project / 10}@example.org";

    /// <summary>The catalogue, a directory (<c>bench@example.org</c>, or the handlers of <paramref name="projects"/> projects and a department head)
    /// and an empty 2026 calendar, into the config container.</summary>
    public static async Task UploadConfigAsync(StorageAccount storage, CancellationToken cancellationToken, int projects = 0)
    {
        var directory = projects == 0
            ? "email,name,department,role\nbench@example.org,Bench,housing,handler\n"
            : "email,name,department,role\nhead@example.org,Head,housing,head\n"
                + string.Concat(Enumerable.Range(0, (projects + 9) / 10).Select(h => $"{Handler(h * 10)},Handler {h},housing,handler\n"));
        var catalogueCsv = "code,name_zh,name_en,department,stage,statutory_days,promised_days,basis\n"
            + string.Concat(
                Catalogue()
                    .Select(e =>
                        $"{e.Code},{e.ChineseName},{e.EnglishName},{e.Department},{e.Stage},{e.StatutoryDays},{e.PromisedDays},{Basis}\n"
                    )
            );
        await storage.Config.GetBlobClient("catalogue.csv").UploadAsync(BinaryData.FromString(catalogueCsv), overwrite: true, cancellationToken);
        await storage.Config.GetBlobClient("directory.csv").UploadAsync(BinaryData.FromString(directory), overwrite: true, cancellationToken);
        await storage
            .Config.GetBlobClient("calendar/2026.csv")
            .UploadAsync(BinaryData.FromString("# source: benchmark\ndate,kind,name\n"), overwrite: true, cancellationToken);
    }
}
