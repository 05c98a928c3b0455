using System.Text.RegularExpressions;

namespace ApprovalWatch.Text;

public static partial class EmailAddress
{
    public static bool IsValid(string text) => text.Length <= 254 && Shape().IsMatch(text);

    [GeneratedRegex(@"^[^@\s,;<>""]+@[^@\s,;<>""]+\.[^@\s,;<>""]+$")]
    private static partial Regex Shape();
}
