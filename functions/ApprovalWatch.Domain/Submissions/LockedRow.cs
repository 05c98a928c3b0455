using System.Security.Cryptography;
using System.Text;

namespace ApprovalWatch.Domain.Submissions;

/// <summary>
/// The check a pre-filled sheet writes beside each row it fills (校验码 row_check): a hash of the row's locked cells,
/// so that a row whose project code, name, county or procedure was changed anyway (the sheet unprotected) is refused
/// instead of being taken for another procedure. Not a secret: it guards against a slip, as the protection does.
/// </summary>
public static class LockedRow
{
    public static string Check(string projectCode, string projectName, string county, string procedure) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{projectCode}\n{projectName}\n{county}\n{procedure}")))[..8];
}
