using System.Text.RegularExpressions;

namespace ApprovalWatch.Domain.Submissions;

/// <summary>
/// The day a department file's data is as of: the date its name gives (<c>problems-2026-03-13.csv</c>,
/// <c>进度20260313.xlsx</c>), as clerks name their weekly files, when that day is not after the file arrived; otherwise
/// the day it arrived. A row dated after it reports the future and is refused.
/// </summary>
public static partial class FileDataDate
{
    public static DateOnly Of(string blobName, DateOnly received)
    {
        foreach (Match match in DateInName().Matches(Path.GetFileNameWithoutExtension(blobName)))
        {
            if (Text.IsoDate.TryParse($"{match.Groups[1].Value}-{match.Groups[2].Value}-{match.Groups[3].Value}", out var named) && named <= received)
            {
                return named;
            }
        }

        return received;
    }

    [GeneratedRegex(@"(?<!\d)(20\d{2})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")]
    private static partial Regex DateInName();
}
