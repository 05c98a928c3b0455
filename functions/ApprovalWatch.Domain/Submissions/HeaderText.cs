using System.Text;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Submissions;

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

    /// <summary>
    /// The words of a header cell outside brackets, and those inside them (a unit, a hint, an example, or the
    /// other language's name).
    /// </summary>
    public static (IReadOnlyList<string> Outside, IReadOnlyList<string> Inside) Tokens(string header)
    {
        var text = CellText.Plain(header);
        var (outside, inside) = (new List<string>(), new List<string>());
        var word = new StringBuilder();
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) && IsCjk(Before(text, i)) && IsCjk(After(text, i)))
            {
                continue; // "受理⏎日期", "受理 日期": a Chinese word wrapped or spaced in its cell
            }

            if (c is '(' or '[' or '【' or '〔' or '<' or '《')
            {
                Flush();
                depth++;
            }
            else if (c is ')' or ']' or '】' or '〕' or '>' or '》')
            {
                Flush();
                depth = Math.Max(0, depth - 1);
            }
            else if (char.IsWhiteSpace(c) || c is '*' or '/' or ':' or '：' or '、' or ',' or '，' or ';' or '；')
            {
                Flush();
            }
            else
            {
                word.Append(c);
            }
        }

        Flush();
        return (outside, inside);

        void Flush()
        {
            if (word.Length > 0)
            {
                (depth > 0 ? inside : outside).Add(word.ToString());
                word.Clear();
            }
        }
    }

    private static char Before(string text, int i)
    {
        while (--i >= 0 && char.IsWhiteSpace(text[i]))
        {
        }

        return i >= 0 ? text[i] : ' ';
    }

    private static char After(string text, int i)
    {
        while (++i < text.Length && char.IsWhiteSpace(text[i]))
        {
        }

        return i < text.Length ? text[i] : ' ';
    }

    private static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';
}
