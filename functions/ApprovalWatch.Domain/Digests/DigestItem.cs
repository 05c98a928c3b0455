using ApprovalWatch.Deadlines;

namespace ApprovalWatch.Digests;

/// <summary>A line of a digest as remembered for the next one: enough to tell what is new, worse or resolved.</summary>
public sealed record DigestItem(string ProjectCode, string ItemCode, string ProjectName, string ChineseName, string EnglishName, Flag Flag, int Rung)
{
    public string Key => KeyOf(ProjectCode, ItemCode);

    public static string KeyOf(string projectCode, string itemCode) => $"{projectCode}/{itemCode}";

    public static DigestItem Of(DigestLine line, EscalationLadder ladder) =>
        new(line.ProjectCode, line.ItemCode, line.ProjectName, line.ChineseName, line.EnglishName, line.Flag, ladder.RungOf(line));
}
