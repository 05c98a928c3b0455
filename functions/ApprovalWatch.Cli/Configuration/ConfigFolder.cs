using ApprovalWatch.Domain.Calendar;

namespace ApprovalWatch.Cli.Configuration;

/// <summary>A local configuration folder laid out like the <c>config</c> container: <c>catalogue.csv</c>, <c>directory.csv</c>, <c>calendar/…</c>.</summary>
public sealed class ConfigFolder(string path)
{
    public string Path { get; } = path;

    public string CataloguePath => System.IO.Path.Combine(Path, "catalogue.csv");

    /// <summary>The folder given, or the samples' <c>config/</c> (<c>samples/config</c> here or in the nearest folder above).</summary>
    public static ConfigFolder Find(string? given)
    {
        if (given is not null)
        {
            return Directory.Exists(given) ? new ConfigFolder(given) : throw new DirectoryNotFoundException($"No configuration folder at {given}.");
        }

        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(System.IO.Path.Combine(dir.FullName, Samples, "config")))
            {
                return new ConfigFolder(System.IO.Path.Combine(dir.FullName, Samples, "config"));
            }
        }

        throw new DirectoryNotFoundException($"No {Samples}/config folder here or above: pass --config DIR.");
    }

    /// <summary>The folder of the sample scenario, whose <c>config/</c> is the default configuration.</summary>
    public const string Samples = "samples";

    /// <summary>The calendars of the files in <c>calendar/</c>.</summary>
    public Task<CalendarSet> CalendarsAsync()
    {
        var names = Directory.GetFiles(System.IO.Path.Combine(Path, "calendar"), "*.csv", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Path, f).Replace('\\', '/'));
        return CalendarFolder.LoadAsync(names, name => Task.FromResult<TextReader>(new StringReader(File.ReadAllText(System.IO.Path.Combine(Path, name)))));
    }
}
