using System.Text.RegularExpressions;

namespace ApprovalWatch.Domain.Submissions;

/// <summary>
/// The national fixed-asset investment project code (GB/T 40058-2021), 24 characters:
/// <c>YYYY-AAAAAA-DD-TT-NNNNNN</c> (year, region, department, type, serial and check character).
/// Validated by shape in ASCII (full-width digits are brought to ASCII by <see cref="Text.CellText.Plain"/>
/// before), never otherwise changed.
/// </summary>
public static partial class ProjectCode
{
    public static bool IsValid(string code) => Shape().IsMatch(code);

    /// <summary>The 6-digit administrative region code inside a valid project code.</summary>
    public static string Region(string code) => code.Substring(5, 6);

    [GeneratedRegex(@"^(19|20)[0-9]{2}-[0-9]{6}-[0-9]{2}-[0-9]{2}-[0-9]{5}[0-9X]$")]
    private static partial Regex Shape();
}
