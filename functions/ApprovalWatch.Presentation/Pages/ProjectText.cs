using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Presentation.Pages;

/// <summary>
/// Says a project page's stored words in the reader's language: the scope of a measure (<c>process</c>,
/// <c>stage-2</c>), and a History row's item, kind and values (codes become names, addresses people, fields words).
/// What it does not know it shows as stored.
/// </summary>
public sealed class ProjectText(Words w, Func<string, CatalogueEntry?> procedure, Func<string, string> person)
{
    private const string ProgressPrefix = "progress|";

    public string Scope(string scope) =>
        scope == ProjectMeasure.WholeProcess ? w["scope.process"]
        : scope.StartsWith("stage-", StringComparison.Ordinal) && int.TryParse(scope["stage-".Length..], out var stage) && stage is >= 1 and <= 4
            ? (w.IsChinese ? Stages.ChineseName(stage) : Stages.EnglishName(stage))
            : scope;

    /// <summary>A procedure's code and name.</summary>
    public string Procedure(string code) => Name(code) is var name && name != code ? $"{code} {name}" : code;

    /// <summary>A procedure's name (its code where the catalogue has none).</summary>
    public string Name(string code) => procedure(code) is { } entry ? (w.IsChinese ? entry.ChineseName : entry.EnglishName) : code;

    public string Item(string item) =>
        item switch
        {
            "register" => w["history.register"],
            _ when item.StartsWith(ProblemLine.ItemPrefix, StringComparison.Ordinal) => w.Format(
                "history.problem",
                Uri.UnescapeDataString(item[ProblemLine.ItemPrefix.Length..])
            ),
            _ when item.StartsWith(ProgressPrefix, StringComparison.Ordinal) => w.Format("history.progress", item[ProgressPrefix.Length..]),
            _ when item == ProjectMeasure.WholeProcess || item.StartsWith("stage-", StringComparison.Ordinal) => Scope(item),
            _ => Procedure(item),
        };

    public string Kind(string kind) => w.All.TryGetValue("history.kind." + kind, out var word) ? word : kind;

    public string Value(string kind, string? value) => value switch
    {
        null or "" => "—",
        _ when kind == "flag" && w.All.TryGetValue("flag_" + value, out var flag) => flag,
        _ when kind == "status" && ProcedureStatuses.TryParse(value, out var status) => w["status." + status.Code()],
        _ when ChangeFields.TryRead(value, out var fields) => string.Join(w["history.separator"], fields.Select(f => Field(f.Name, f.Value))),
        _ => value,
    };

    private string Field(string name, string value)
    {
        var said = name switch
        {
            "nature" when ProjectNatures.TryParse(value, out var nature) => w.IsChinese ? nature.ChineseName() : value.Replace('_', ' '),
            "unit" => w.Department(value),
            "leader" or "by" => person(value),
            _ => value,
        };
        return w.All.TryGetValue("history.field." + name, out var word) ? w.Format("history.field", word, said) : said;
    }
}
