using System.Text;

namespace ApprovalWatch.Domain.Submissions;

/// <summary>The name a file uploaded on the board is stored under in its department's folder.</summary>
public static class UploadName
{
    public const int MaxName = 120;

    /// <summary>
    /// The file's own name, kept (its date says the data date) but made safe for a blob name: no folders, letters of any
    /// script, digits, <c>-_.()</c> and spaces; a name with nothing left becomes the time of upload.
    /// </summary>
    public static string Of(string name, DateTimeOffset now)
    {
        var path = name.Replace('\\', '/');
        var leaf = path[(path.LastIndexOf('/') + 1)..].Normalize(NormalizationForm.FormC);
        var safe = new string([
            .. leaf.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '(' or ')' or '（' or '）' or ' ' ? c : '-'),
        ]).Trim(' ', '.');
        if (safe.Length > MaxName)
        {
            var extension = Path.GetExtension(safe) is { Length: <= 8 } e ? e : "";
            safe = safe[..(MaxName - extension.Length)] + extension;
        }

        return safe.Trim('.').Length == 0 || safe.All(c => c is '-' or '.') ? $"upload-{now:yyyyMMdd-HHmmss}" : safe;
    }
}
