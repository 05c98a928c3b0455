namespace ApprovalWatch.Domain.Projects;

/// <summary>The counties of the prefecture by region code, so a register row's county can be checked against its project code.</summary>
public static class Counties
{
    public static readonly IReadOnlyDictionary<string, (string Chinese, string English)> ByRegion = new Dictionary<string, (string, string)>
    {
        ["653001"] = ("阿图什市", "Artux"),
        ["653022"] = ("阿克陶县", "Akto"),
        ["653023"] = ("阿合奇县", "Akqi"),
        ["653024"] = ("乌恰县", "Ulugqat"),
    };

    /// <summary>The English name of a county known by its Chinese name; the name itself otherwise.</summary>
    public static string English(string county) => ByRegion.Values.FirstOrDefault(c => c.Chinese == county).English ?? county;
}
