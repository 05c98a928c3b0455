using System.Net;
using System.Text;

namespace ApprovalWatch.Pipeline.Web;

/// <summary>
/// The frame of every page: plain HTML readable on a phone, inline styles, no script; every value goes
/// through <see cref="H"/> (HTML-encoded). Chinese by default, English when the viewer reads English or asks (<c>?lang=en</c>).
/// </summary>
public sealed class Page(bool chinese)
{
    private const string Style = """
        <style>
                body{margin:0;font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei","Microsoft YaHei","PingFang SC",Arial,sans-serif;color:#1f2933;background:#f7f9fb}
                header{background:#1f3a5f;color:#fff;padding:10px 16px;display:flex;flex-wrap:wrap;gap:12px;align-items:baseline}
                header a{color:#fff;text-decoration:none;margin-right:10px}
                header .who{margin-left:auto;font-size:13px;opacity:.85}
                main{padding:12px 16px;max-width:1100px;margin:0 auto}
                h1{font-size:20px;margin:8px 0 12px}
                h2{font-size:16px;margin:18px 0 8px;border-bottom:2px solid #1f6feb;padding-bottom:3px}
                table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}
                th,td{border:1px solid #d9e2ec;padding:5px 7px;text-align:left;vertical-align:top}
                th{background:#f0f4f8}
                td.red,tr.red td{background:#fde8e8} td.yellow,tr.yellow td{background:#fff6d6} td.green{background:#e6f6ec}
                .num{text-align:right;font-variant-numeric:tabular-nums}
                .scroll{overflow-x:auto}
                .muted{color:#616e7c;font-size:13px}
                .tag{display:inline-block;padding:1px 6px;border-radius:3px;font-size:12px}
                .tag.red{background:#d64545;color:#fff} .tag.yellow{background:#f0b429} .tag.green{background:#3ebd93;color:#fff} .tag.paused{background:#9aa5b1;color:#fff}
                form.filters{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}
                form.filters label{font-size:13px}
                input,select,button,textarea{font:inherit;padding:4px 6px}
                button{background:#1f6feb;color:#fff;border:0;border-radius:3px;padding:6px 12px}
                .cards{display:flex;flex-wrap:wrap;gap:10px}
                .card{background:#fff;border:1px solid #d9e2ec;border-radius:4px;padding:8px 12px;min-width:140px}
                .card b{display:block;font-size:20px}
                div.red{background:#fde8e8} div.yellow{background:#fff6d6} div.green{background:#e6f6ec}
        </style>
        """;

    public bool Chinese => chinese;

    public string T(string zh, string en) => chinese ? zh : en;

    public static string H(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Url(string path, IEnumerable<(string Name, string? Value)> query)
    {
        var parts = query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => $"{Uri.EscapeDataString(q.Name)}={Uri.EscapeDataString(q.Value!)}").ToList();
        return parts.Count == 0 ? path : $"{path}?{string.Join('&', parts)}";
    }

    public static Page For(WebRequest request, Viewer viewer) => new(request.Get("lang") switch { "en" => false, "zh" => true, _ => viewer.Chinese });

    public string Render(string title, Viewer? viewer, string body)
    {
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="{(chinese ? "zh-CN" : "en")}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{H(title)} · ApprovalWatch</title>
            {Style}
            </head>
            <body>
            <header><strong>ApprovalWatch</strong>
            <nav><a href="/board">{T("看板", "Board")}</a><a href="/procedures">{T("审批事项", "Procedures")}</a><a href="?lang={(chinese ? "en" : "zh")}">{(chinese ? "English" : "中文")}</a></nav>
            <span class="who">{(viewer is null ? "" : H($"{viewer.Person.Name} · {viewer.Person.Email}"))}</span></header>
            <main>
            <h1>{H(title)}</h1>
            """);
        html.Append(body);
        html.Append("</main></body></html>");
        return html.ToString();
    }

    public string Table(IReadOnlyList<string> headers, IEnumerable<(IReadOnlyList<string> CellsHtml, string RowClass)> rows)
    {
        var html = new StringBuilder("<div class=\"scroll\"><table><tr>");
        foreach (var header in headers)
        {
            html.Append($"<th>{H(header)}</th>");
        }

        html.Append("</tr>");
        foreach (var (cells, rowClass) in rows)
        {
            html.Append(rowClass.Length > 0 ? $"<tr class=\"{rowClass}\">" : "<tr>");
            foreach (var cell in cells)
            {
                html.Append($"<td>{cell}</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</table></div>").ToString();
    }

    public string Flag(string? flag) => flag switch
    {
        "red" => $"<span class=\"tag red\">{T("超期", "overdue")}</span>",
        "yellow" => $"<span class=\"tag yellow\">{T("预警", "due soon")}</span>",
        "paused" => $"<span class=\"tag paused\">{T("暂停", "paused")}</span>",
        "green" => $"<span class=\"tag green\">{T("正常", "on time")}</span>",
        _ => H(flag),
    };

    public string Department(string id) => Domain.Catalogue.Department.Find(id) is { } d ? (chinese ? d.ChineseName : d.EnglishName) : id;
}
