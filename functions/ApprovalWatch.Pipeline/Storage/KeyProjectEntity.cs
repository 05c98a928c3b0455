using System.Globalization;
using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Domain.Text;
using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>
/// A row of the KeyProjects table: PartitionKey = project code; RowKey = <c>register</c> (the project as the
/// register holds it), <c>progress|{date}</c> (a progress report, every one kept) or <c>problem|{id}</c>. Amounts
/// are decimals written as invariant text, as tables have no decimal type.
/// </summary>
public sealed class KeyProjectEntity : ITableEntity
{
    public const string RegisterKey = "register";
    public const string ProgressPrefix = "progress|";
    public const string ProblemPrefix = Domain.Digests.ProblemLine.ItemPrefix;

    /// <summary>A filter on the problem rows of every project (row keys from <c>problem|</c> up to the next prefix).</summary>
    public static readonly string ProblemRows = TableClient.CreateQueryFilter($"RowKey ge {ProblemPrefix} and RowKey lt {ProblemPrefix[..^1] + "}"}");

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Source { get; set; } = "";

    // The register.
    public string? Name { get; set; }

    public string? County { get; set; }

    public string? Industry { get; set; }

    public string? Nature { get; set; }

    public string? TotalInvestment { get; set; }

    public string? AnnualPlan { get; set; }

    public string? PlannedStart { get; set; }

    public string? StartedOn { get; set; }

    public string? PlannedCompletion { get; set; }

    public string? LeaderEmail { get; set; }

    public string? ResponsibleUnit { get; set; }

    public string? Owner { get; set; }

    public string? ConvertedOn { get; set; }

    public string? AsOf { get; set; }

    // A progress report.
    public string? YearToDate { get; set; }

    public string? Physical { get; set; }

    public string? NewProblems { get; set; }

    /// <summary>The year-to-date figure this report lowered (the last one before it), when it did.</summary>
    public string? LoweredFrom { get; set; }

    // A problem.
    public string? Text { get; set; }

    public string? Department { get; set; }

    public string? RaisedOn { get; set; }

    public string? DueOn { get; set; }

    public string? SolvedOn { get; set; }

    public string? SolvedBy { get; set; }

    /// <summary>A problem raised before the register named the project's responsible unit (<see cref="ProjectProblem.AwaitsRegister"/>).</summary>
    public bool? AwaitsRegister { get; set; }

    /// <summary>A problem's handover: assigned, signed for or sent back.</summary>
    public string? AssignedOn { get; set; }

    public string? SignedOn { get; set; }

    public string? SignedBy { get; set; }

    public string? ReturnedOn { get; set; }

    public string? ReturnedBy { get; set; }

    public string? ReturnReason { get; set; }

    public bool IsRegister => RowKey == RegisterKey;

    public bool IsProgress => RowKey.StartsWith(ProgressPrefix, StringComparison.Ordinal);

    public bool IsProblem => RowKey.StartsWith(ProblemPrefix, StringComparison.Ordinal);

    public static string ProgressKey(DateOnly date) => ProgressPrefix + IsoDate.Format(date);

    public static string ProblemKey(string id) => ProblemPrefix + TableKey.Escape(id);

    public static KeyProjectEntity From(RegisteredProject p, string source) =>
        new()
        {
            PartitionKey = p.Code,
            RowKey = RegisterKey,
            Source = source,
            Name = p.Name,
            County = p.County,
            Industry = p.Industry,
            Nature = p.Nature.Code(),
            TotalInvestment = Amount(p.TotalInvestment),
            AnnualPlan = Amount(p.AnnualPlan),
            PlannedStart = IsoDate.Format(p.PlannedStart),
            StartedOn = IsoDate.Format(p.StartedOn),
            PlannedCompletion = IsoDate.Format(p.PlannedCompletion),
            LeaderEmail = p.LeaderEmail,
            ResponsibleUnit = p.ResponsibleUnit,
            Owner = p.Owner,
            ConvertedOn = IsoDate.Format(p.ConvertedOn),
            AsOf = IsoDate.Format(p.AsOf),
        };

    public RegisteredProject ToProject() =>
        new()
        {
            Code = PartitionKey,
            Name = Name ?? "",
            County = County ?? "",
            Industry = Industry ?? "",
            Nature = ProjectNatures.FromCode(Nature ?? "continuing"),
            TotalInvestment = ParseAmount(TotalInvestment),
            AnnualPlan = ParseAmount(AnnualPlan),
            PlannedStart = IsoDate.ParseOptional(PlannedStart),
            StartedOn = IsoDate.ParseOptional(StartedOn),
            PlannedCompletion = IsoDate.ParseOptional(PlannedCompletion),
            LeaderEmail = LeaderEmail ?? "",
            ResponsibleUnit = ResponsibleUnit ?? "",
            Owner = Owner ?? "",
            ConvertedOn = IsoDate.ParseOptional(ConvertedOn),
            AsOf = IsoDate.ParseOptional(AsOf) ?? default,
        };

    public static KeyProjectEntity From(ProgressReport r, string source, decimal? loweredFrom) =>
        new()
        {
            PartitionKey = r.ProjectCode,
            RowKey = ProgressKey(r.ReportedOn),
            Source = source,
            YearToDate = Amount(r.YearToDate),
            Physical = r.Physical,
            NewProblems = r.NewProblems,
            LoweredFrom = loweredFrom is { } l ? Amount(l) : null,
        };

    public ProgressReport ToProgress() =>
        new(PartitionKey, IsoDate.Parse(RowKey[ProgressPrefix.Length..]), ParseAmount(YearToDate), Physical ?? "", NewProblems ?? "");

    public static KeyProjectEntity From(ProjectProblem p, string source) =>
        new()
        {
            PartitionKey = p.ProjectCode,
            RowKey = ProblemKey(p.Id),
            Source = source,
            Text = p.Text,
            Department = p.Department,
            RaisedOn = IsoDate.Format(p.RaisedOn),
            DueOn = IsoDate.Format(p.DueOn),
            SolvedOn = IsoDate.Format(p.SolvedOn),
            SolvedBy = p.SolvedBy,
            AwaitsRegister = p.AwaitsRegister ? true : null,
            AssignedOn = IsoDate.Format(p.AssignedOn),
            SignedOn = IsoDate.Format(p.SignedOn),
            SignedBy = Empty(p.SignedBy),
            ReturnedOn = IsoDate.Format(p.ReturnedOn),
            ReturnedBy = Empty(p.ReturnedBy),
            ReturnReason = Empty(p.ReturnReason),
        };

    private static string? Empty(string text) => text.Length == 0 ? null : text;

    public ProjectProblem ToProblem() =>
        new()
        {
            ProjectCode = PartitionKey,
            Id = Uri.UnescapeDataString(RowKey[ProblemPrefix.Length..]),
            Text = Text ?? "",
            Department = Department ?? "",
            RaisedOn = IsoDate.Parse(RaisedOn!),
            DueOn = IsoDate.Parse(DueOn!),
            SolvedOn = IsoDate.ParseOptional(SolvedOn),
            SolvedBy = SolvedBy ?? "",
            AwaitsRegister = AwaitsRegister == true,
            AssignedOn = IsoDate.ParseOptional(AssignedOn),
            SignedOn = IsoDate.ParseOptional(SignedOn),
            SignedBy = SignedBy ?? "",
            ReturnedOn = IsoDate.ParseOptional(ReturnedOn),
            ReturnedBy = ReturnedBy ?? "",
            ReturnReason = ReturnReason ?? "",
        };

    /// <summary>What a project's rows hold, as the domain sees it.</summary>
    public static StoredProject ToStoredProject(IEnumerable<KeyProjectEntity> rows)
    {
        var list = rows.ToList();
        return new StoredProject(
            list.FirstOrDefault(r => r.IsRegister)?.ToProject(),
            list.Where(r => r.IsProgress).Select(r => r.ToProgress()).ToList(),
            list.Where(r => r.IsProblem).Select(r => r.ToProblem()).ToList());
    }

    /// <summary>The rows that store what a file's row changes.</summary>
    public static List<KeyProjectEntity> From(ProjectChange change, string source) =>
    [
        .. change.Register is { } register ? [From(register, source)] : Array.Empty<KeyProjectEntity>(),
        .. change.Progress is { } progress ? [From(progress, source, change.LoweredFrom)] : Array.Empty<KeyProjectEntity>(),
        .. change.Problem is { } problem ? [From(problem, source)] : Array.Empty<KeyProjectEntity>(),
        .. change.Rerouted.Select(p => From(p, source)),
    ];

    /// <summary>What the row says, as named fields on one line, for the audit trail.</summary>
    public IReadOnlyList<(string Name, string Value)> Summary() =>
        IsRegister
            ? ChangeFields.Of(
                ("nature", Nature),
                ("plan", AnnualPlan),
                ("total", TotalInvestment),
                ("started", StartedOn),
                ("converted", ConvertedOn),
                ("leader", LeaderEmail),
                ("unit", ResponsibleUnit)
            )
        : IsProgress ? ChangeFields.Of(("ytd", YearToDate), ("lowered_from", LoweredFrom))
        : ChangeFields.Of(("unit", Department), ("due", DueOn), ("solved", SolvedOn), ("by", SolvedBy));

    public static string Amount(decimal amount) => amount.ToString("0.####", CultureInfo.InvariantCulture);

    public static decimal ParseAmount(string? text) => text is null ? 0 : decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
