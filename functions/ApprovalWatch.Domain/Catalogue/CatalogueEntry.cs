namespace ApprovalWatch.Domain.Catalogue;

/// <summary>
/// One kind of approval procedure: who owns it, its stage (1–4) and its time limits in working days: the
/// statutory limit (法定时限) the law sets, and the shorter promised limit (承诺时限) the flags use; and the procedures
/// that must be approved before it (<see cref="Requires"/>, e.g. the construction permit after the works planning permit).
/// </summary>
public sealed record CatalogueEntry(string Code, string ChineseName, string EnglishName, string Department, int Stage, int StatutoryDays, int PromisedDays)
{
    public IReadOnlyList<string> Requires { get; init; } = [];

    /// <summary>The law or rule that sets the limit (法律依据, optional <c>basis</c> column), quoted by supervision notices.</summary>
    public string Basis { get; init; } = "";
}
