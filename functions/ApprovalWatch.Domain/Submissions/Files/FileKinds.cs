namespace ApprovalWatch.Domain.Submissions.Files;

public static class FileKinds
{
    private static readonly byte[][] OtherBinaries =
    [
        "%PDF"u8.ToArray(), [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], "GIF8"u8.ToArray(), [0x1F, 0x8B], "7z"u8.ToArray(), "Rar!"u8.ToArray(),
    ];

    /// <summary>Reads the first bytes and rewinds.</summary>
    public static FileKind Of(Stream content)
    {
        Span<byte> head = stackalloc byte[8];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        head = head[..read];
        if (head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8))
        {
            return FileKind.Zip;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return FileKind.Ole2;
        }

        foreach (var magic in OtherBinaries)
        {
            if (head.StartsWith(magic))
            {
                return FileKind.OtherBinary;
            }
        }

        return FileKind.Text;
    }
}
