using ApprovalWatch.Cli.Samples;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Presentation.Submissions;

namespace ApprovalWatch.Cli.Commands;

/// <summary>Writes the blank file a department fills in, from the catalogue of a config folder.</summary>
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
        output.WriteLine($"Wrote the {department.EnglishName} template ({catalogue.Entries.Count(e => e.Department == department.Id)} procedures) to {Path.GetFullPath(file)}");
        return 0;
    }
}
