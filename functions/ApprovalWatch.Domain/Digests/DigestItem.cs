using System.IO.Hashing;
using System.Runtime.InteropServices;
using ApprovalWatch.Domain.Deadlines;

namespace ApprovalWatch.Domain.Digests;

/// <summary>A line of a digest as remembered for the next one: enough to tell what is new, worse or resolved.</summary>
public sealed record DigestItem(string ProjectCode, string ItemCode, string ProjectName, string ChineseName, string EnglishName, Flag Flag, int Rung)
{
    public string Key => KeyOf(ProjectCode, ItemCode);

    /// <summary>Its due date then, and whether it was reckoned (暂定): a reckoned date the holiday notice moved is told.</summary>
    public DateOnly? DueOn { get; init; }

    public bool Provisional { get; init; }

    public static string KeyOf(string projectCode, string itemCode) => $"{projectCode}/{itemCode}";

    /// <summary>
    /// The key in eight bytes, for sets of every open item a recipient has (a department head may have a prefecture's
    /// worth): among a million keys two collide about once in 10^7 days' scans, and then only an unlisted item is missed as resolved.
    /// </summary>
    public static ulong HashOf(string projectCode, string itemCode) =>
        XxHash3.HashToUInt64(MemoryMarshal.AsBytes(itemCode.AsSpan()), unchecked((long)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(projectCode.AsSpan()))));

    public ulong Hash => HashOf(ProjectCode, ItemCode);

    public static DigestItem Of(DigestLine line, EscalationLadder ladder) =>
        new(line.ProjectCode, line.ItemCode, line.ProjectName, line.ChineseName, line.EnglishName, line.Flag, ladder.RungOf(line))
        {
            DueOn = line.DueOn,
            Provisional = line.Provisional,
        };
}
