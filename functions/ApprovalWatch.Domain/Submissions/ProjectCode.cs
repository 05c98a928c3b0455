using System.Text.RegularExpressions;

namespace ApprovalWatch.Submissions;

/// <summary>
/// The national fixed-asset investment project code (GB/T 40058-2021), 24 characters:
/// <c>YYYY-AAAAAA-DD-TT-NNNNNN</c> (year, region, department, type, serial and check character).
/// Validated by shape, never changed.
/// </summary>
public static partial class ProjectCode
{
    public static bool IsValid(string code) => Shape().IsMatch(code);

    /// <summary>The 6-digit administrative region code inside a valid project code.</summary>
    public static string Region(string code) => code.Substring(5, 6);

    [GeneratedRegex(@"^(19|20)\d{2}-\d{6}-\d{2}-\d{2}-\d{5}[0-9X]$")]
    private static partial Regex Shape();
}
