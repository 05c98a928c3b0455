using System.Text.RegularExpressions;

namespace ApprovalWatch.Domain.Text;

/// <summary>An email address as mail servers take it: printable ASCII, one @, a dot in the domain, at most 254 characters.</summary>
public static partial class EmailAddress
{
    public static bool IsValid(string text) => text.Length <= 254 && Shape().IsMatch(text);

    [GeneratedRegex(@"^[!#-'*+\-./0-9=?A-Z^-~]+@[A-Za-z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?\.[A-Za-z]{2,}$")]
    private static partial Regex Shape();
}
