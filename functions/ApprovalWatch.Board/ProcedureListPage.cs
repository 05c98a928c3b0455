using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Presentation.Pages;
using Azure.Data.Tables;
using SpreadCheetah;

namespace ApprovalWatch.Board;

/// <summary>
/// <c>GET /procedures?county=&amp;department=&amp;flag=&amp;leader=&amp;sort=</c>: the procedures that match, a page at a time
/// read with the table's continuation token (a page never loads the whole table), in project order or sorted
/// within the page; <c>/procedures.xlsx</c> exports every match. A viewer limited to his department sees only it.
/// </summary>
public sealed class ProcedureListPage(ProcedureTable procedures, KeyProjectTable keyProjects)
{
    public const int PageSize = 50;
    public const int MaxExport = 100_000;

    public sealed record Row(
        string ProjectCode,
        string ProjectName,
        string County,
        string Procedure,
        string Department,
        string Handler,
        string Status,
        string? Flag,
        string AcceptedOn,
        string? DueOn,
        string? CompletedOn,
        bool Provisional,
        bool Deemed
    );

    public sealed record Filters(string? County, string? Department, string? Flag, string? Leader, string? Sort);

    public sealed record Model(Filters Filters, IReadOnlyList<Row> Rows, string? Next);

    public static Filters FiltersOf(BoardRequest request) =>
        new(
            request.Query("county"),
            request.Viewer.Department ?? request.Query("department"),
            request.Query("flag"),
            request.Query("leader"),
            request.Query("sort")
        );

    /// <remarks>
    /// A leader's projects are queried fourteen at a time (a table filter holds at most 15 comparisons): the page token
    /// then names the group as well as the table's token within it (<c>{group}:{token}</c>).
    /// </remarks>
    public async Task<Model> LoadAsync(Filters filters, string? continuation, CancellationToken cancellationToken)
    {
        var groups = await FiltersAsync(filters, cancellationToken);
        var (group, token) = continuation?.Split(':', 2) is [var g, var t] && int.TryParse(g, out var index) && index >= 0 && index < groups.Count
            ? (index, t.Length > 0 ? t : null)
            : (0, continuation);
        if (groups.Count == 0)
        {
            return new Model(filters, [], null);
        }

        await foreach (var page in procedures.QueryAsync(groups[group], Select, PageSize, cancellationToken).AsPages(token, PageSize))
        {
            var rows = page.Values.Select(RowOf).ToList();
            var next = page.ContinuationToken is { } more ? $"{group}:{more}" : group + 1 < groups.Count ? $"{group + 1}:" : null;
            return new Model(filters, Sorted(rows, filters.Sort), next);
        }

        return new Model(filters, [], group + 1 < groups.Count ? $"{group + 1}:" : null);
    }

    public async Task<byte[]> ExportAsync(Filters filters, CancellationToken cancellationToken)
    {
        var groups = await FiltersAsync(filters, cancellationToken);
        using var output = new MemoryStream();
        await using (var workbook = await Spreadsheet.CreateNewAsync(output, cancellationToken: cancellationToken))
        {
            var options = new SpreadCheetah.Worksheets.WorksheetOptions { FrozenRows = 1 };
            foreach (var (column, width) in new[] { 28, 30, 10, 10, 16, 30, 12, 8, 12, 12, 12 }.Select((w, i) => (i + 1, w)))
            {
                options.Column(column).Width = width;
            }

            await workbook.StartWorksheetAsync("审批事项", options, cancellationToken);
            await workbook.AddRowAsync(
                new[] { "项目代码", "项目名称", "县市", "事项", "部门", "经办人", "状态", "标识", "受理日期", "应办结", "办结日期" }
                    .Select(h => new Cell(h))
                    .ToArray(),
                cancellationToken
            );
            var count = 0;
            foreach (var filter in groups)
            {
                await foreach (var entity in procedures.QueryAsync(filter, Select, 1000, cancellationToken))
                {
                    var r = RowOf(entity);
                    await workbook.AddRowAsync(
                        new[]
                        {
                            r.ProjectCode,
                            r.ProjectName,
                            r.County,
                            r.Procedure,
                            r.Department,
                            r.Handler,
                            r.Status,
                            r.Flag ?? "",
                            r.AcceptedOn,
                            r.DueOn is { } due && r.Provisional ? $"{due}（暂定）" : r.DueOn ?? "",
                            r.CompletedOn ?? "",
                        }
                            .Select(v => new Cell(v))
                            .ToArray(),
                        cancellationToken
                    );
                    if (++count >= MaxExport)
                    {
                        break;
                    }
                }

                if (count >= MaxExport)
                {
                    break;
                }
            }

            await workbook.FinishAsync(cancellationToken);
        }

        return output.ToArray();
    }

    public static string Render(Model model, Page page, Viewer viewer, IReadOnlyList<string> counties, ReferenceData reference)
    {
        var text = new ProjectText(page.Words, reference.Catalogue.Find, reference.Staff.NameOf);
        var f = model.Filters;
        var query = new (string, string?)[] { ("county", f.County), ("department", f.Department), ("flag", f.Flag), ("leader", f.Leader), ("sort", f.Sort) };
        return page.Render("procedures", page.Words["list_title"], viewer, model, new Dictionary<string, object?>
        {
            ["counties"] = counties,
            ["all_departments"] = viewer.Department is null,
            ["departments"] = Domain.Catalogue.Department.All.Select(d => d.Id).ToList(),
            ["flags"] = new[] { "red", "yellow", "green", "paused" },
            ["names"] = model.Rows.Select(r => r.Handler).Distinct().ToDictionary(h => h, reference.Staff.NameOf),
            ["procedures"] = model.Rows.Select(r => r.Procedure).Distinct().ToDictionary(c => c, text.Procedure),
            ["export_url"] = Page.Url("/procedures.xlsx", query),
            ["next_url"] = model.Next is null ? null : Page.Url("/procedures", [.. query, ("page", model.Next)]),
        });
    }

    private static readonly string[] Select =
    [
        "PartitionKey",
        "RowKey",
        nameof(ProcedureEntity.ProjectName),
        nameof(ProcedureEntity.County),
        nameof(ProcedureEntity.Department),
        nameof(ProcedureEntity.HandlerEmail),
        nameof(ProcedureEntity.Status),
        nameof(ProcedureEntity.Flag),
        nameof(ProcedureEntity.AcceptedOn),
        nameof(ProcedureEntity.DueOn),
        nameof(ProcedureEntity.DueProvisional),
        nameof(ProcedureEntity.DeemedAccepted),
        nameof(ProcedureEntity.CompletedOn),
    ];

    private static Row RowOf(ProcedureEntity e) =>
        new(
            e.PartitionKey, e.ProjectName, e.County, e.RowKey, e.Department, e.HandlerEmail, e.Status, e.Flag, e.AcceptedOn, e.DueOn, e.CompletedOn,
            e.DueProvisional == true, e.DeemedAccepted == true
        );

    private static List<Row> Sorted(List<Row> rows, string? sort) => sort switch
    {
        "due" => rows.OrderBy(r => r.DueOn ?? "9999", StringComparer.Ordinal).ThenBy(r => r.ProjectCode, StringComparer.Ordinal).ToList(),
        _ => rows,
    };

    /// <summary>
    /// The OData filters that together select what the filters ask: one, or with a leader one per group of fourteen of
    /// his projects (from the register; a table filter holds at most 15 comparisons); none when the leader has none.
    /// </summary>
    private async Task<List<string?>> FiltersAsync(Filters filters, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        if (filters.County is { } county)
        {
            parts.Add(TableClient.CreateQueryFilter($"County eq {county}"));
        }

        if (filters.Department is { } department)
        {
            parts.Add(TableClient.CreateQueryFilter($"Department eq {department}"));
        }

        if (filters.Flag is { } flag)
        {
            parts.Add(TableClient.CreateQueryFilter($"Flag eq {flag}"));
        }

        string? Join(IEnumerable<string> all) => all.Any() ? string.Join(" and ", all) : null;
        if (filters.Leader is not { } leader)
        {
            return [Join(parts)];
        }

        var projects = await keyProjects.LedByAsync(leader, cancellationToken);
        return projects
            .Order(StringComparer.Ordinal)
            .Chunk(14)
            .Select(group =>
                Join([.. parts, "(" + string.Join(" or ", group.Select(p => TableClient.CreateQueryFilter($"PartitionKey eq {p}"))) + ")"])
            )
            .ToList();
    }
}
