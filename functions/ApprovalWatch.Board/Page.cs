using ApprovalWatch.Presentation;
using ApprovalWatch.Presentation.Pages;

namespace ApprovalWatch.Board;

/// <summary>
/// A page for one viewer in one language: Chinese by default, English when the viewer reads English or asks
/// (<c>?lang=en</c>). The HTML is made by <see cref="PageRenderer"/> from the page's Liquid template and model.
/// </summary>
public sealed class Page(bool chinese)
{
    public bool Chinese => chinese;

    public Words Words => Words.Of(chinese);

    public Domain.Staff.Language Language => chinese ? Domain.Staff.Language.Chinese : Domain.Staff.Language.English;

    public static Page For(string? lang, Viewer viewer) => new(lang switch { "en" => false, "zh" => true, _ => viewer.Chinese });

    /// <summary>A URL with the query values that are set, each escaped.</summary>
    public static string Url(string path, IEnumerable<(string Name, string? Value)> query)
    {
        var parts = query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => $"{Uri.EscapeDataString(q.Name)}={Uri.EscapeDataString(q.Value!)}").ToList();
        return parts.Count == 0 ? path : $"{path}?{string.Join('&', parts)}";
    }

    public string Render(string template, string title, Viewer? viewer, object? model, IReadOnlyDictionary<string, object?>? values = null) =>
        PageRenderer.Render(
            template,
            title,
            viewer is null ? null : $"{viewer.Person.Name} · {viewer.Person.Email}",
            Words,
            model,
            new Dictionary<string, object?>(values ?? new Dictionary<string, object?>())
            {
                // A contact who only submits is not shown the board's pages, which would refuse him.
                ["board_nav"] = viewer is not { SubmitsOnly: true },
                ["leads"] = viewer?.Person.Has(Domain.Staff.Role.Leader) == true,
            }
        );

    /// <summary>A page that only says something, with a way back to the board when <paramref name="back"/>.</summary>
    public string Message(string title, Viewer? viewer, string message, bool back) =>
        Render("message", title, viewer, null, new Dictionary<string, object?> { ["message"] = message, ["back"] = back });
}
