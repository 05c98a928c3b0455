using System.Text;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Submissions.Files;

/// <summary>
/// Tells which encoding a text file is in, by its byte-order mark or by decoding it strictly: UTF-8,
/// UTF-16 (with a mark, or without one when every other byte is zero), else GB18030 (which covers GBK and
/// GB2312). A file that decodes in none of them is refused: the encoding is never guessed silently.
/// </summary>
public static class TextEncodings
{
    public static Encoding Gb18030 { get; } = RegisterCodePages(54936);

    public static (Encoding Encoding, string Name, int Preamble) Detect(Stream stream)
    {
        Span<byte> head = stackalloc byte[4];
        var read = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        stream.Position = 0;
        head = head[..read];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Strict(65001), "UTF-8", 3);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Strict(1200), "UTF-16LE", 2);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Strict(1201), "UTF-16BE", 2);
        }

        if (read >= 4 && head[1] == 0 && head[3] == 0 && head[0] != 0)
        {
            return (Strict(1200), "UTF-16LE", 0);
        }

        if (read >= 4 && head[0] == 0 && head[2] == 0 && head[1] != 0)
        {
            return (Strict(1201), "UTF-16BE", 0);
        }

        if (DecodesAs(stream, Strict(65001)))
        {
            return (Strict(65001), "UTF-8", 0);
        }

        if (DecodesAs(stream, Gb18030))
        {
            return (Gb18030, "GB18030", 0);
        }

        throw new UnreadableSubmissionException(Reason.Of("file.encoding_unknown"));
    }

    private static Encoding RegisterCodePages(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Strict(codePage);
    }

    private static Encoding Strict(int codePage) => Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    /// <summary>Decodes the whole stream in chunks, without keeping it; rewinds it.</summary>
    private static bool DecodesAs(Stream stream, Encoding encoding)
    {
        var decoder = encoding.GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[encoding.GetMaxCharCount(bytes.Length) + 4];
        try
        {
            int count;
            while ((count = stream.Read(bytes)) > 0)
            {
                decoder.GetChars(bytes, 0, count, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            stream.Position = 0;
        }
    }
}
