using System.Security.Cryptography;
using System.Text;

namespace ApprovalWatch.Domain.Submissions;

/// <summary>
/// The check a pre-filled sheet writes beside each row it fills (校验码 row_check): a MAC of the row's locked cells under
/// the app's key, so that a row whose project code, name, county or procedure was changed anyway (the sheet unprotected)
/// is refused instead of being taken for another procedure, and a check recomputed by hand does not pass.
/// </summary>
public sealed class LockedRow
{
    private readonly byte[] _key;

    /// <param name="secret">The app's secret; the MAC's key is derived from it for this use alone.</param>
    public LockedRow(byte[] secret) => _key = HMACSHA256.HashData(secret, "approvalwatch/row-check"u8);

    public string Check(string projectCode, string projectName, string county, string procedure) =>
        Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{projectCode}\n{projectName}\n{county}\n{procedure}")))[..12];
}
