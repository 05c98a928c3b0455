using ApprovalWatch.Domain.Calendar;

namespace ApprovalWatch.Cli.Samples;

/// <summary>A local configuration folder laid out like the <c>config</c> container: <c>catalogue.csv</c>, <c>directory.csv</c>, <c>calendar/…</c>.</summary>
public sealed class ConfigFolder(string path)
{
    public string Path { get; } = path;

    public string CataloguePath => System.IO.Path.Combine(Path, "catalogue.csv");

    /// <summary>The folder given, or the samples' <c>config/</c> (in <c>samples/</c> here or above).</summary>
    public static ConfigFolder Find(string? given) => given is null
        ? SampleFolder.Find(null).Config
        : Directory.Exists(given) ? new ConfigFolder(given) : throw new DirectoryNotFoundException($"No configuration folder at {given}.");

    /// <summary>The calendars of the files in <c>calendar/</c>.</summary>
    public Task<CalendarSet> CalendarsAsync()
    {
        var names = Directory.GetFiles(System.IO.Path.Combine(Path, "calendar"), "*.csv", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Path, f).Replace('\\', '/'));
        return CalendarFolder.LoadAsync(names, name => Task.FromResult<TextReader>(new StringReader(File.ReadAllText(System.IO.Path.Combine(Path, name)))));
    }
}
