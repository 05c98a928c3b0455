using System.Globalization;
using System.Text;

namespace ApprovalWatch.Domain.Text;

/// <summary>
/// What a cell says once the invisible is gone: format characters (zero-width space, BOM, direction marks),
/// copied in from web pages and chats, are removed and white space (including the full-width and
/// no-break spaces) is trimmed. Codes, addresses, dates and numbers are also brought to their plain form
/// (NFKC: full-width digits and letters, typed with a Chinese IME, become ASCII); names keep their text.
/// </summary>
public static class CellText
{
    public static string Clean(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        StringBuilder? cleaned = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.Format)
            {
                cleaned ??= new StringBuilder(text, 0, i, text.Length);
            }
            else
            {
                cleaned?.Append(text[i]);
            }
        }

        return (cleaned?.ToString() ?? text).Trim();
    }

    /// <summary>A code, an address, a date or a number: cleaned and in NFKC form.</summary>
    public static string Plain(string text)
    {
        var cleaned = Clean(text);
        try
        {
            return cleaned.IsNormalized(NormalizationForm.FormKC) ? cleaned : cleaned.Normalize(NormalizationForm.FormKC).Trim();
        }
        catch (ArgumentException)
        {
            // A lone surrogate or a non-character: no code, address or date holds one, so it stays as it is and fails its check.
            return cleaned;
        }
    }
}
