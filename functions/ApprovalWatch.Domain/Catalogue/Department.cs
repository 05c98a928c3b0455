namespace ApprovalWatch.Domain.Catalogue;

/// <summary>A department of the agency window. Its id is its folder under <c>submissions/</c>.</summary>
public sealed record Department(string Id, string ChineseName, string EnglishName)
{
    /// <summary>The development &amp; reform commission: keeps the project register and progress, runs the weekly scheduling.</summary>
    public const string DevelopmentReform = "development-reform";

    public static readonly IReadOnlyList<Department> All =
    [
        new(DevelopmentReform, "发展和改革委员会", "Development & Reform"),
        new("finance", "财政局", "Finance"),
        new("housing", "住房和城乡建设局", "Housing & Construction"),
        new("natural-resources", "自然资源局", "Natural Resources"),
        new("power", "供电公司", "Power Supply"),
        new("ecology", "生态环境局", "Ecology & Environment"),
    ];

    public static Department? Find(string id) => All.FirstOrDefault(d => d.Id.Equals(id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The department whose folder holds a blob (<c>{department}/…</c> under <c>submissions/</c>), or null.</summary>
    public static Department? OfBlob(string blobName)
    {
        var slash = blobName.IndexOf('/');
        return slash > 0 ? Find(blobName[..slash]) : null;
    }

    public static Department Get(string id) => Find(id) ?? throw new ArgumentException(Unknown(id) + ".", nameof(id));

    /// <summary>Why <paramref name="id"/> is refused, naming the departments there are.</summary>
    public static string Unknown(string id) => $"department '{id}' is not one of {string.Join(", ", All.Select(d => d.Id))}";
}
