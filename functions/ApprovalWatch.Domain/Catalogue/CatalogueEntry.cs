namespace ApprovalWatch.Domain.Catalogue;

/// <summary>
/// One kind of approval procedure: who owns it, its stage (1–4) and its time limits: the statutory limit (法定时限) the
/// law sets — in working days, or in days where the law says days (<see cref="StatutoryInDays"/>); 0 where no law sets
/// one (a utility's service, an owner's own acceptance) — and the shorter promised limit (承诺时限, working days) the flags
/// use; and the procedures that must be approved before it (<see cref="Requires"/>, e.g. the construction permit after
/// the works planning permit).
/// </summary>
public sealed record CatalogueEntry(string Code, string ChineseName, string EnglishName, string Department, int Stage, int StatutoryDays, int PromisedDays)
{
    public IReadOnlyList<string> Requires { get; init; } = [];

    /// <summary>The law or rule that sets the limit and its article (法律依据, <c>basis</c>), quoted by supervision notices.</summary>
    public string Basis { get; init; } = "";

    /// <summary>The statutory limit is in days (日), not working days.</summary>
    public bool StatutoryInDays { get; init; }

    /// <summary>What the procedure is in law (<c>kind</c>): a licence, a filing, a technical review, a utility's service or the owner's own act.</summary>
    public ProcedureKind Kind { get; init; } = ProcedureKind.Licence;
}

/// <summary>What a procedure is in law: only a licence (行政许可) is held to the licensing law's limits.</summary>
public enum ProcedureKind
{
    /// <summary>行政许可</summary>
    Licence,

    /// <summary>An internal approval of a government investment (审批), not a licence to a citizen.</summary>
    Approval,

    /// <summary>备案: the authority records, it does not decide.</summary>
    Filing,

    /// <summary>A technical review by a designated body (技术审查), not a licence.</summary>
    Review,

    /// <summary>A utility's connection service (市政公用服务), held to its service rules.</summary>
    Service,

    /// <summary>The owner's own act (建设单位自主), which the authority only receives.</summary>
    Owner,
}
