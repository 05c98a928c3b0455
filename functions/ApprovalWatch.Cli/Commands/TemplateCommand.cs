using ApprovalWatch.Cli.Configuration;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Pipeline.Ingestion;
using ApprovalWatch.Presentation.Submissions;

namespace ApprovalWatch.Cli.Commands;

/// <summary>Writes the blank file a department fills in, from the catalogue of a config folder, or this week's pre-filled sheet from storage.</summary>
public static class TemplateCommand
{
    public static async Task<int> RunAsync(string? configPath, string departmentId, string format, string? outPath, TextWriter output)
    {
        var department = Department.Get(departmentId);
        var catalogueFile = ConfigFolder.Find(configPath).CataloguePath;
        using var reader = new StreamReader(catalogueFile);
        var catalogue = ProcedureCatalogue.Parse(reader);
        var content = format switch
        {
            "xlsx" => await SubmissionTemplate.XlsxAsync(department, catalogue),
            "csv" => SubmissionTemplate.Csv(department, catalogue),
            _ => throw new ArgumentException($"--format is xlsx or csv, not '{format}'."),
        };
        var file = outPath ?? $"{department.Id}.{format}";
        await File.WriteAllBytesAsync(file, content);
        output.WriteLine(
            $"Wrote the {department.EnglishName} template ({catalogue.Entries.Count(e => e.Department == department.Id)} procedures) to "
                + $"{Path.GetFullPath(file)}"
        );
        return 0;
    }

    /// <summary>This week's sheet of a department, from what storage holds: the file the board's "download" gives.</summary>
    public static async Task<int> PrefilledAsync(
        CliSettings settings,
        string departmentId,
        string? outPath,
        TextWriter output,
        CancellationToken cancellationToken
    )
    {
        await using var runtime = await CliRuntime.StartAsync(settings, cancellationToken);
        var (name, content) = await runtime.Get<WeekSheets>().ProceduresAsync(departmentId, cancellationToken);
        var file = outPath ?? name;
        await File.WriteAllBytesAsync(file, content, cancellationToken);
        output.WriteLine($"Wrote {Department.Get(departmentId).EnglishName}'s pre-filled sheet to {Path.GetFullPath(file)}");
        return 0;
    }
}
