using System.Text;
using ApprovalWatch.Pipeline.Storage;
using Azure.Data.Tables;
using SpreadCheetah;

namespace ApprovalWatch.Pipeline.Web;

/// <summary>
/// <c>GET /procedures?county=&amp;department=&amp;flag=&amp;leader=&amp;sort=</c>: the procedures that match, a page at a time
/// read with the table's continuation token (a page never loads the whole table), in project order or sorted
/// within the page; <c>/procedures.xlsx</c> exports every match. A viewer limited to his department sees only it.
/// </summary>
public sealed class ProcedureListPage(StorageAccount storage)
{
    public const int PageSize = 50;
    public const int MaxExport = 100_000;

    public sealed record Row(string ProjectCode, string ProjectName, string County, string Procedure, string Department, string Handler, string Status, string? Flag, string AcceptedOn, string? DueOn, string? CompletedOn);

    public sealed record Filters(string? County, string? Department, string? Flag, string? Leader, string? Sort);

    public sealed record Model(Filters Filters, IReadOnlyList<Row> Rows, string? Next);

    public static Filters FiltersOf(WebRequest request, Viewer viewer) =>
        new(request.Get("county"), viewer.Department ?? request.Get("department"), request.Get("flag"), request.Get("leader"), request.Get("sort"));

    public async Task<Model> LoadAsync(Filters filters, string? continuation, CancellationToken cancellationToken)
    {
        var (filter, leaderProjects) = await FilterAsync(filters, cancellationToken);
        if (leaderProjects is { Count: 0 })
        {
            return new Model(filters, [], null);
        }

        await foreach (var page in storage.Procedures.QueryAsync<ProcedureEntity>(filter, PageSize, Select, cancellationToken).AsPages(continuation, PageSize))
        {
            var rows = page.Values.Select(RowOf).ToList();
            return new Model(filters, Sorted(rows, filters.Sort), page.ContinuationToken);
        }

        return new Model(filters, [], null);
    }

    public async Task<byte[]> ExportAsync(Filters filters, CancellationToken cancellationToken)
    {
        var (filter, leaderProjects) = await FilterAsync(filters, cancellationToken);
        using var output = new MemoryStream();
        await using (var workbook = await Spreadsheet.CreateNewAsync(output, cancellationToken: cancellationToken))
        {
            var options = new SpreadCheetah.Worksheets.WorksheetOptions { FrozenRows = 1 };
            foreach (var (column, width) in new[] { 28, 30, 10, 10, 16, 30, 12, 8, 12, 12, 12 }.Select((w, i) => (i + 1, w)))
            {
                options.Column(column).Width = width;
            }

            await workbook.StartWorksheetAsync("审批事项", options, cancellationToken);
            await workbook.AddRowAsync(new[] { "项目代码", "项目名称", "县市", "事项", "部门", "经办人", "状态", "标识", "受理日期", "应办结", "办结日期" }.Select(h => new Cell(h)).ToArray(), cancellationToken);
            var count = 0;
            if (leaderProjects is not { Count: 0 })
            {
                await foreach (var entity in storage.Procedures.QueryAsync<ProcedureEntity>(filter, 1000, Select, cancellationToken))
                {
                    var r = RowOf(entity);
                    await workbook.AddRowAsync(new[] { r.ProjectCode, r.ProjectName, r.County, r.Procedure, r.Department, r.Handler, r.Status, r.Flag ?? "", r.AcceptedOn, r.DueOn ?? "", r.CompletedOn ?? "" }.Select(v => new Cell(v)).ToArray(), cancellationToken);
                    if (++count >= MaxExport)
                    {
                        break;
                    }
                }
            }

            await workbook.FinishAsync(cancellationToken);
        }

        return output.ToArray();
    }

    /// <param name="nameOf">A handler's name from the directory.</param>
    public static string Render(Model model, Page page, Viewer viewer, IReadOnlyList<string> counties, Func<string, string> nameOf)
    {
        var f = model.Filters;
        var query = new (string, string?)[] { ("county", f.County), ("department", f.Department), ("flag", f.Flag), ("leader", f.Leader), ("sort", f.Sort) };
        return page.Render("procedures", page.Words["list_title"], viewer, model, new Dictionary<string, object?>
        {
            ["counties"] = counties,
            ["all_departments"] = viewer.Department is null,
            ["departments"] = Domain.Catalogue.Department.All.Select(d => d.Id).ToList(),
            ["flags"] = new[] { "red", "yellow", "green", "paused" },
            ["names"] = model.Rows.Select(r => r.Handler).Distinct().ToDictionary(h => h, nameOf),
            ["export_url"] = Page.Url("/procedures.xlsx", query),
            ["next_url"] = model.Next is null ? null : Page.Url("/procedures", [.. query, ("page", model.Next)]),
        });
    }

    private static readonly string[] Select =
    [
        "PartitionKey", "RowKey", nameof(ProcedureEntity.ProjectName), nameof(ProcedureEntity.County), nameof(ProcedureEntity.Department), nameof(ProcedureEntity.HandlerEmail),
        nameof(ProcedureEntity.Status), nameof(ProcedureEntity.Flag), nameof(ProcedureEntity.AcceptedOn), nameof(ProcedureEntity.DueOn), nameof(ProcedureEntity.CompletedOn),
    ];

    private static Row RowOf(ProcedureEntity e) => new(e.PartitionKey, e.ProjectName, e.County, e.RowKey, e.Department, e.HandlerEmail, e.Status, e.Flag, e.AcceptedOn, e.DueOn, e.CompletedOn);

    private static List<Row> Sorted(List<Row> rows, string? sort) => sort switch
    {
        "due" => rows.OrderBy(r => r.DueOn ?? "9999", StringComparer.Ordinal).ThenBy(r => r.ProjectCode, StringComparer.Ordinal).ToList(),
        _ => rows,
    };

    /// <summary>The OData filter of the filters; with a leader, his projects (from the register), at most 14 of them per filter as the service allows 15 comparisons.</summary>
    private async Task<(string? Filter, List<string>? LeaderProjects)> FilterAsync(Filters filters, CancellationToken cancellationToken)
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

        List<string>? projects = null;
        if (filters.Leader is { } leader)
        {
            var register = TableClient.CreateQueryFilter($"RowKey eq {KeyProjectEntity.RegisterKey} and LeaderEmail eq {leader.ToLowerInvariant()}");
            projects = await storage.KeyProjects.QueryAsync<KeyProjectEntity>(register, select: ["PartitionKey"], cancellationToken: cancellationToken).Select(e => e.PartitionKey).Take(14).ToListAsync(cancellationToken);
            if (projects.Count > 0)
            {
                parts.Add("(" + string.Join(" or ", projects.Select(p => TableClient.CreateQueryFilter($"PartitionKey eq {p}"))) + ")");
            }
        }

        return (parts.Count == 0 ? null : string.Join(" and ", parts), projects);
    }
}
