namespace ApprovalWatch.Domain.Text;

/// <summary>
/// What a History row says a thing became, as named fields on one line (<c>ytd=736; lowered_from=800</c>), so that a
/// page can say it in the reader's language. Empty values are left out; <c>note</c>, free text, is always last and
/// taken whole. A line in another form (rows written before) does not read and is shown as it is.
/// </summary>
public static class ChangeFields
{
    public const string Note = "note";
    private const string Separator = "; ";

    public static string Write(params (string Name, string? Value)[] fields) => string.Join(Separator, Of(fields).Select(f => $"{f.Name}={f.Value}"));

    /// <summary>The fields with a value, the note last.</summary>
    public static IReadOnlyList<(string Name, string Value)> Of(params (string Name, string? Value)[] fields) =>
        [.. fields.Where(f => !string.IsNullOrEmpty(f.Value)).OrderBy(f => f.Name == Note).Select(f => (f.Name, f.Value!))];

    public static bool TryRead(string? text, out IReadOnlyList<(string Name, string Value)> fields)
    {
        var list = new List<(string, string)>();
        fields = list;
        var rest = text ?? "";
        while (rest.Length > 0)
        {
            var equals = rest.IndexOf('=');
            if (equals <= 0 || !rest[..equals].All(c => char.IsAsciiLetterLower(c) || c == '_'))
            {
                return false;
            }

            var name = rest[..equals];
            var end = name == Note ? -1 : rest.IndexOf(Separator, equals, StringComparison.Ordinal);
            list.Add((name, end < 0 ? rest[(equals + 1)..] : rest[(equals + 1)..end]));
            rest = end < 0 ? "" : rest[(end + Separator.Length)..];
        }

        return list.Count > 0;
    }
}
