using ApprovalWatch.Domain.Staff;

namespace ApprovalWatch.Presentation;

/// <summary>
/// Texts the domain writes in both languages at once — reasons and notes as <c>中文；English</c>, column labels as
/// <c>中文 english</c> — read in one: the side of the reader's language, or the whole text for a reader of both.
/// </summary>
public static class Bilingual
{
    private const char Separator = '；';

    public static string Pick(string? text, Language? language)
    {
        var at = text?.IndexOf(Separator) ?? -1;
        if (text is null || language is null || at < 0)
        {
            return text ?? "";
        }

        return language == Language.English ? text[(at + 1)..].Trim() : text[..at].Trim();
    }

    /// <summary>A column label <c>受理日期 accepted_on</c> in one language.</summary>
    public static string PickLabel(string label, Language? language)
    {
        var space = label.IndexOf(' ');
        if (language is null || space <= 0 || label[..space].All(char.IsAscii) || !label[(space + 1)..].All(char.IsAscii))
        {
            return label;
        }

        return language == Language.English ? label[(space + 1)..] : label[..space];
    }

    /// <summary>A sentence of the words table in the reader's language, or in both (Chinese；English).</summary>
    public static string Join(Func<Words, string> say, Language? language) =>
        language is { } one ? say(Words.Of(one)) : $"{say(Words.Chinese)}{Separator}{say(Words.English)}";
}
