namespace ApprovalWatch.Domain.Projects;

/// <summary>Where a key project stands: reserve (储备), new start this year (新开工), continuing (续建), completed (竣工).</summary>
public enum ProjectNature
{
    Reserve,
    NewStart,
    Continuing,
    Completed,
}

public static class ProjectNatures
{
    private static readonly Dictionary<string, ProjectNature> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["reserve"] = ProjectNature.Reserve,
        ["储备"] = ProjectNature.Reserve,
        ["储备项目"] = ProjectNature.Reserve,
        ["new_start"] = ProjectNature.NewStart,
        ["new start"] = ProjectNature.NewStart,
        ["new"] = ProjectNature.NewStart,
        ["新开工"] = ProjectNature.NewStart,
        ["新建"] = ProjectNature.NewStart,
        ["continuing"] = ProjectNature.Continuing,
        ["续建"] = ProjectNature.Continuing,
        ["completed"] = ProjectNature.Completed,
        ["竣工"] = ProjectNature.Completed,
        ["建成"] = ProjectNature.Completed,
    };

    public const string Accepted = "储备/reserve, 新开工/new_start, 续建/continuing, 竣工/completed";

    public static bool TryParse(string text, out ProjectNature nature) => Names.TryGetValue(text.Trim(), out nature);

    public static string Code(this ProjectNature nature) => nature switch
    {
        ProjectNature.Reserve => "reserve",
        ProjectNature.NewStart => "new_start",
        ProjectNature.Continuing => "continuing",
        _ => "completed",
    };

    public static string ChineseName(this ProjectNature nature) => nature switch
    {
        ProjectNature.Reserve => "储备",
        ProjectNature.NewStart => "新开工",
        ProjectNature.Continuing => "续建",
        _ => "竣工",
    };

    public static ProjectNature FromCode(string code) =>
        TryParse(code, out var nature) ? nature : throw new FormatException($"Unknown project nature '{code}'.");
}
