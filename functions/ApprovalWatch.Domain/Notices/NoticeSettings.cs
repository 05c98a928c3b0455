using System.Text.Json;

namespace ApprovalWatch.Domain.Notices;

/// <summary>
/// How the prefecture numbers its supervision notices and how long a department has to reply
/// (<c>config/notices.json</c>: <c>{ "prefix": "克发改督", "replyWithinWorkingDays": 3, "issuer": "克孜勒苏柯尔克孜自治州发展和改革委员会",
/// "selfIssuer": "克孜勒苏柯尔克孜自治州人民政府督查室", "promiseWithinWorkingDays": 60 }</c>). A notice's number is
/// <c>{prefix}〔{year}〕{sequence}号</c>, the sequence counted from 1 each year without gaps. The issuer's own department's
/// items (<see cref="IssuerDepartment"/>) are issued under <see cref="SelfIssuer"/>, never by it to itself.
/// </summary>
public sealed record NoticeSettings(string Prefix, int ReplyWithinWorkingDays, string Issuer = NoticeSettings.DefaultIssuer)
{
    /// <summary>Who issues the notices of the issuer's own department (by default the prefecture government's office).</summary>
    public string SelfIssuer { get; init; } = DefaultSelfIssuer;

    /// <summary>The department that issues the notices (the development &amp; reform commission).</summary>
    public string IssuerDepartment { get; init; } = "development-reform";

    /// <summary>How far a reply may promise, in working days from the day it is given.</summary>
    public int PromiseWithinWorkingDays { get; init; } = 60;

    public const string DefaultSelfIssuer = "人民政府督查室";

    /// <summary>The issuer a notice to a department is printed under.</summary>
    public string IssuerFor(string department) => department == IssuerDepartment ? SelfIssuer : Issuer;

    public const string BlobName = "notices.json";

    public const string DefaultIssuer = "发展和改革委员会";

    public static readonly NoticeSettings Default = new("督办", 3);

    public string Number(int year, int sequence) => $"{Prefix}〔{year}〕{sequence}号";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <exception cref="FormatException">What is wrong with the file.</exception>
    public static NoticeSettings Parse(string json)
    {
        Wire file;
        try
        {
            file = JsonSerializer.Deserialize<Wire>(json, Options) ?? throw new FormatException($"{BlobName} is empty.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{BlobName} is not valid: {e.Message}", e);
        }

        var prefix = (file.Prefix ?? "").Trim();
        if (prefix.Length is 0 or > 20 || prefix.Any(c => char.IsControl(c) || c is '/' or '\\' or '#' or '?' or '〔' or '〕'))
        {
            throw new FormatException($"{BlobName}: prefix '{prefix}' must be 1 to 20 characters, without / \\ # ? 〔 〕");
        }

        var days = file.ReplyWithinWorkingDays ?? Default.ReplyWithinWorkingDays;
        var issuer = (file.Issuer ?? DefaultIssuer).Trim();
        if (issuer.Length is 0 or > 60)
        {
            throw new FormatException($"{BlobName}: issuer must be 1 to 60 characters");
        }

        var selfIssuer = (file.SelfIssuer ?? DefaultSelfIssuer).Trim();
        if (selfIssuer.Length is 0 or > 60 || selfIssuer == issuer)
        {
            throw new FormatException($"{BlobName}: selfIssuer must be 1 to 60 characters and not the issuer itself (a department does not supervise itself)");
        }

        var horizon = file.PromiseWithinWorkingDays ?? 60;
        if (horizon is < 5 or > 250)
        {
            throw new FormatException($"{BlobName}: promiseWithinWorkingDays {horizon} is not 5 to 250");
        }

        var issuerDepartment = (file.IssuerDepartment ?? "development-reform").Trim();
        if (Catalogue.Department.Find(issuerDepartment) is null)
        {
            throw new FormatException($"{BlobName}: issuerDepartment '{issuerDepartment}' is not a department");
        }

        return days is >= 1 and <= 30
            ? new NoticeSettings(prefix, days, issuer) { SelfIssuer = selfIssuer, PromiseWithinWorkingDays = horizon, IssuerDepartment = issuerDepartment }
            : throw new FormatException($"{BlobName}: replyWithinWorkingDays {days} is not 1 to 30");
    }

    private sealed record Wire(
        string? Prefix,
        int? ReplyWithinWorkingDays,
        string? Issuer,
        string? SelfIssuer,
        string? IssuerDepartment,
        int? PromiseWithinWorkingDays);
}
