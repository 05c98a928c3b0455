using System.Security.Cryptography;
using System.Text;

namespace ApprovalWatch.Domain.Submissions;

/// <summary>
/// The check a pre-filled sheet writes beside each row it fills (校验码 row_check): a MAC of each of the row's locked cells
/// (project code, name, county, procedure) under the app's key, side by side, so that a row whose locked cells were
/// changed anyway (the sheet unprotected) is refused naming the cells changed and what they said, instead of being taken
/// for another procedure, and a check recomputed by hand does not pass.
/// </summary>
public sealed class LockedRow
{
    /// <summary>The locked columns, in the order of their parts in the check.</summary>
    public static readonly IReadOnlyList<SubmissionColumn> Columns =
        [SubmissionColumn.ProjectCode, SubmissionColumn.ProjectName, SubmissionColumn.County, SubmissionColumn.Procedure];

    private const int PartLength = 6;

    private readonly byte[] _key;

    /// <param name="secret">The app's secret; the MAC's key is derived from it for this use alone.</param>
    public LockedRow(byte[] secret) => _key = HMACSHA256.HashData(secret, "approvalwatch/row-check"u8);

    public string Check(LockedCells cells) => string.Concat(cells.Values.Select(Part));

    /// <summary>The locked columns whose cells no longer match the check; all of them when the check is not one of this key's shape.</summary>
    public IReadOnlyList<SubmissionColumn> Changed(string check, LockedCells written)
    {
        if (!IsShaped(check))
        {
            return Columns;
        }

        return [.. Columns.Where((_, i) => !Matches(check, i, written.Values[i]))];
    }

    /// <summary>
    /// What a changed cell said when the sheet was filled: the one of <paramref name="candidates"/> (the values the app
    /// holds for that column) whose part of the check it is; null when none is, or the check is not of this key's shape.
    /// </summary>
    public string? Original(string check, SubmissionColumn column, IEnumerable<string> candidates)
    {
        var position = Columns.ToList().IndexOf(column);
        return position < 0 || !IsShaped(check) ? null : candidates.FirstOrDefault(value => Matches(check, position, value));
    }

    private static bool IsShaped(string check) => check.Length == PartLength * Columns.Count;

    private bool Matches(string check, int position, string value) =>
        check.AsSpan(position * PartLength, PartLength).Equals(Part(value, position), StringComparison.OrdinalIgnoreCase);

    private string Part(string value, int position) =>
        Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{position}\n{value}")))[..PartLength];
}

/// <summary>A row's locked cells, in the order of <see cref="LockedRow.Columns"/>.</summary>
public sealed record LockedCells(string ProjectCode, string ProjectName, string County, string Procedure)
{
    public IReadOnlyList<string> Values => [ProjectCode, ProjectName, County, Procedure];

    public string this[SubmissionColumn column] => Values[LockedRow.Columns.ToList().IndexOf(column)];
}
