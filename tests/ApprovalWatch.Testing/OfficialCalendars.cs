using ApprovalWatch.Domain.Calendar;

namespace ApprovalWatch.Testing;

/// <summary>The national calendar of the official 2025 and 2026 notices, as shipped in samples/config/calendar.</summary>
public static class OfficialCalendars
{
    private static readonly Lazy<WorkingCalendar> NationalCalendar = new(() => Load("national", "2025.csv", "2026.csv"));

    public static WorkingCalendar National => NationalCalendar.Value;

    public static string RepositoryRoot { get; } = FindRoot();

    public static string CalendarFolder => Path.Combine(RepositoryRoot, "samples", "config", "calendar");

    public static WorkingCalendar Load(string name, params string[] files) => WorkingCalendar.Build(name, files.Select(f =>
    {
        using var reader = new StreamReader(Path.Combine(CalendarFolder, f));
        return CalendarFile.Parse(f, name, reader);
    }).ToList());

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Functions.sln not found above the test folder.");
    }
}
