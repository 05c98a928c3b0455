namespace ApprovalWatch.Storage;

/// <summary>
/// Table keys may not hold / \ # ? or control characters; blob names and email addresses may. Escaping
/// them keeps keys readable.
/// </summary>
public static class TableKey
{
    public static string Escape(string value) => Uri.EscapeDataString(value);
}
