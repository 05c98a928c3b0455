using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Presentation;

namespace ApprovalWatch.Testing;

/// <summary>A reason as a reader sees it: what tests compare words with.</summary>
public static class SaidReasons
{
    public static string English(this Reason? reason) => Reasons.Say(reason, Language.English);

    public static string Chinese(this Reason? reason) => Reasons.Say(reason, Language.Chinese);

    /// <summary>In both languages, as a page for readers of both shows it.</summary>
    public static string Both(this Reason? reason) => Reasons.Say(reason, null);
}
