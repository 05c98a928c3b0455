namespace ApprovalWatch.Presentation;

/// <summary>The media types of the files ApprovalWatch writes.</summary>
public static class ContentTypes
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Png = "image/png";
}
