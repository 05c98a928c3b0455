namespace ApprovalWatch.Domain.Submissions.Files;

/// <summary>What a file is by its first bytes, whatever its name says.</summary>
public enum FileKind
{
    /// <summary>Anything else: text in some encoding, to be read as CSV or JSON.</summary>
    Text,

    /// <summary>A zip archive: an .xlsx workbook, or a zip bomb by another name.</summary>
    Zip,

    /// <summary>An OLE2 compound file: an Excel 97–2003 .xls workbook as Excel and WPS save it.</summary>
    Ole2,

    /// <summary>A PDF, an image or another archive: not a department file.</summary>
    OtherBinary,
}
