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

        return SamplesAbove() is { } samples
            ? new ConfigFolder(System.IO.Path.Combine(samples, "config"))
            : throw new DirectoryNotFoundException("No samples/config folder here or above: pass --config DIR.");
    }

    /// <summary>The sample scenario's folder, <c>samples/</c> with a <c>config/</c>, here or in the nearest folder above; null when none.</summary>
    public static string? SamplesAbove()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(System.IO.Path.Combine(dir.FullName, "samples", "config")))
            {
                return System.IO.Path.Combine(dir.FullName, "samples");
            }
        }

        return null;
    }

    /// <summary>The calendars of the files in <c>calendar/</c>.</summary>
    public Task<CalendarSet> CalendarsAsync()
    {
        var names = Directory.GetFiles(System.IO.Path.Combine(Path, "calendar"), "*.csv", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Path, f).Replace('\\', '/'));
        return CalendarFolder.LoadAsync(names, name => Task.FromResult<TextReader>(new StringReader(File.ReadAllText(System.IO.Path.Combine(Path, name)))));
    }
}
