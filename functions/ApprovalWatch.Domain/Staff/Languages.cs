namespace ApprovalWatch.Domain.Staff;

public static class Languages
{
    /// <summary>The language of a code as written in <c>directory.csv</c> (<c>zh</c>, <c>zh-CN</c>, <c>en</c>, <c>en-GB</c>…); null when it is
    /// neither.</summary>
    public static Language? Find(string code) => code.Trim().ToLowerInvariant() switch
    {
        "zh" or "zh-cn" or "zh-hans" or "chinese" or "中文" => Language.Chinese,
        "en" or "en-us" or "en-gb" or "english" or "英文" => Language.English,
        _ => null,
    };

    /// <summary>The HTML <c>lang</c> value.</summary>
    public static string Tag(this Language language) => language == Language.English ? "en" : "zh-CN";
}
