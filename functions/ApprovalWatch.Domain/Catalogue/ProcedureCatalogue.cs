using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Catalogue;

/// <summary>The procedure catalogue (<c>config/catalogue.csv</c>).</summary>
public sealed class ProcedureCatalogue
{
    private readonly Dictionary<string, CatalogueEntry> _entries;

    public ProcedureCatalogue(IEnumerable<CatalogueEntry> entries) =>
        _entries = entries.ToDictionary(e => e.Code, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<CatalogueEntry> Entries => _entries.Values;

    public CatalogueEntry? Find(string code) => _entries.GetValueOrDefault(code.Trim());

    public static ProcedureCatalogue Parse(TextReader reader)
    {
        var table = CsvTable.Parse("catalogue.csv", reader, "code", "name_zh", "name_en", "department", "stage", "statutory_days", "promised_days");
        var entries = new List<CatalogueEntry>();
        foreach (var row in table.Rows)
        {
            var code = table.Required(row, "code");
            var department = table.Required(row, "department");
            if (Department.Find(department) is null)
            {
                throw table.Error(row, Department.Unknown(department));
            }

            if (entries.Any(e => e.Code.Equals(code, StringComparison.OrdinalIgnoreCase)))
            {
                throw table.Error(row, $"procedure code '{code}' appears twice");
            }

            var kind = table.Get(row, "kind").Trim().ToLowerInvariant() switch
            {
                "" or "licence" or "license" => ProcedureKind.Licence,
                "approval" => ProcedureKind.Approval,
                "filing" => ProcedureKind.Filing,
                "review" => ProcedureKind.Review,
                "service" => ProcedureKind.Service,
                "owner" => ProcedureKind.Owner,
                var other => throw table.Error(row, $"kind '{other}' is none of licence, approval, filing, review, service, owner"),
            };
            var inDays = table.Get(row, "statutory_unit").Trim().ToLowerInvariant() switch
            {
                "" or "working_days" or "工作日" => false,
                "days" or "日" => true,
                var other => throw table.Error(row, $"statutory_unit '{other}' is neither working_days nor days"),
            };
            // A licence or an approval always has a statutory limit (the licensing law's 20 working days where no other law sets one).
            var statutory = kind is ProcedureKind.Licence or ProcedureKind.Approval || table.Get(row, "statutory_days").Length > 0
                ? table.RequiredInt(row, "statutory_days", 1, 3650)
                : 0;
            var promised = table.RequiredInt(row, "promised_days", 1, 3650);
            if (statutory > 0 && promised > statutory)
            {
                throw table.Error(row, $"the promised limit {promised} is longer than the statutory limit {statutory}");
            }

            var basis = table.Get(row, "basis").Trim();
            if ((statutory > 0 || basis.Length > 0) && !LegalBasis.NamesArticle(basis))
            {
                throw table.Error(
                    row,
                    basis.Length == 0
                        ? $"{code} has a statutory limit and no basis: name the law and the article that sets it"
                        : $"the basis '{basis}' names no article (第…条) of the law"
                );
            }

            entries.Add(new CatalogueEntry(
                code,
                table.Required(row, "name_zh"),
                table.Required(row, "name_en"),
                department,
                table.RequiredInt(row, "stage", 1, 4),
                statutory,
                promised)
            {
                Requires = [.. table.Get(row, "requires").Split([';', '；', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                Basis = basis,
                StatutoryInDays = inDays,
                Kind = kind,
            });
        }

        foreach (
            var (entry, required) in entries
                .SelectMany(e => e.Requires.Select(r => (e, r)))
                .Where(x => !entries.Any(e => e.Code.Equals(x.r, StringComparison.OrdinalIgnoreCase)))
        )
        {
            throw new FormatException($"catalogue.csv: {entry.Code} requires '{required}', which is not in the catalogue.");
        }

        return new ProcedureCatalogue(entries);
    }
}
