using System.Security.Cryptography;
using System.Text;

namespace ApprovalWatch.Domain.Submissions;

/// <summary>
/// The check a pre-filled sheet writes beside each row it fills (校验码 row_check): a MAC of each of the row's locked cells
/// (project code, name, county, procedure) under the app's key, side by side, so that a row whose locked cells were
/// changed anyway (the sheet unprotected) is refused naming the cells changed, instead of being taken for another
/// procedure, and a check recomputed by hand does not pass.
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

    public string Check(string projectCode, string projectName, string county, string procedure) =>
        string.Concat(new[] { projectCode, projectName, county, procedure }.Select((value, i) => Part(i, value)));

    /// <summary>The locked columns whose cells no longer match the check; all of them when the check is not one of this key's shape.</summary>
    public IReadOnlyList<SubmissionColumn> Changed(string check, string projectCode, string projectName, string county, string procedure)
    {
        string[] values = [projectCode, projectName, county, procedure];
        if (check.Length != PartLength * values.Length)
        {
            return Columns;
        }

        return [.. Columns.Where((_, i) => !check.Substring(i * PartLength, PartLength).Equals(Part(i, values[i]), StringComparison.OrdinalIgnoreCase))];
    }

    private string Part(int position, string value) =>
        Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{position}\n{value}")))[..PartLength];
}
