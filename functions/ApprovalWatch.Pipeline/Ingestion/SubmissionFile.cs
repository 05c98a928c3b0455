using System.Text;
using ApprovalWatch.Submissions;
using ApprovalWatch.Text;

namespace ApprovalWatch.Ingestion;

/// <summary>Turns the bytes of a submitted file into rows, by its format.</summary>
public static class SubmissionFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The records of the file, and the format read, for the receipt.</summary>
    public static (IEnumerable<CsvRecord> Records, string Format) Open(string blobName, BinaryData content)
    {
        var extension = Path.GetExtension(blobName).ToLowerInvariant();
        return extension switch
        {
            ".csv" => (ReadCsv(content), "CSV UTF-8"),
            _ => throw new UnreadableSubmissionException(
                $"不支持的文件格式 {extension}，请提交 UTF-8 编码的 CSV 文件；format '{extension}' is not read: submit a UTF-8 CSV file."),
        };
    }

    private static IEnumerable<CsvRecord> ReadCsv(BinaryData content)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(content.ToMemory().Span);
        }
        catch (DecoderFallbackException)
        {
            throw new UnreadableSubmissionException("文件不是 UTF-8 编码，请另存为“CSV UTF-8”；the file is not UTF-8 text: save it as 'CSV UTF-8'.");
        }

        return CsvReader.Read(new StringReader(text.TrimStart('\uFEFF')));
    }
}
