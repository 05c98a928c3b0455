using System.Text;
using ApprovalWatch.Text;

namespace ApprovalWatch.Submissions;

/// <summary>The words of a header cell as clerks write them: bilingual, wrapped, with units and hints in brackets.</summary>
public static class HeaderText
{
    /// <summary>Words a header may carry beside a column's name: units, formats, required marks.</summary>
    private static readonly HashSet<string> Hints = new(StringComparer.OrdinalIgnoreCase)
    {
        "*", "工作日", "个工作日", "天", "日", "万元", "元", "必填", "选填", "可选", "必填项", "选填项", "格式", "年-月-日", "年月日",
        "required", "optional", "days", "working", "workdays", "yyyy-mm-dd", "yyyy/m/d", "date",
    };

    public static bool IsHint(string token) => Hints.Contains(token);

    public static IReadOnlyList<string> Tokens(string header)
    {
        var text = CellText.Plain(header);
        var words = new List<string>();
        var word = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n' && IsCjk(Before(text, i)) && IsCjk(After(text, i)))
            {
                continue; // "受理⏎日期": a Chinese word wrapped in its cell
            }

            if (char.IsWhiteSpace(c) || c is '*' or '(' or ')' or '[' or ']' or '【' or '】' or '/' or ':' or '：' or '、' or ',' or '，')
            {
                Flush();
                continue;
            }

            word.Append(c);
        }

        Flush();
        return words;

        void Flush()
        {
            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
    }

    private static char Before(string text, int i)
    {
        while (--i >= 0 && text[i] is '\r' or '\n')
        {
        }

        return i >= 0 ? text[i] : ' ';
    }

    private static char After(string text, int i)
    {
        while (++i < text.Length && text[i] is '\r' or '\n')
        {
        }

        return i < text.Length ? text[i] : ' ';
    }

    private static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';
}
