using System.Text.RegularExpressions;

namespace ApprovalWatch.Domain.Catalogue;

/// <summary>A catalogue's basis names the law and the article that sets the limit: 《…》 and 第…条.</summary>
public static partial class LegalBasis
{
    public static bool NamesArticle(string basis) => Article().IsMatch(basis);

    [GeneratedRegex(@"《[^》]+》[^《]*?第[〇零一二三四五六七八九十百千0-9]+条")]
    private static partial Regex Article();
}
