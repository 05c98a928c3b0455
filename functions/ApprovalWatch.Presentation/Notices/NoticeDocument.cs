using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ApprovalWatch.Presentation.Notices;

/// <summary>A supervision notice as a Word document (Open XML SDK), to print and file: title, number, a table of its facts, what is required, the
/// issuer.</summary>
public static class NoticeDocument
{
    public static byte[] Write(NoticeView view)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body(
                Paragraph(view.Title, bold: true, size: 44, JustificationValues.Center),
                Paragraph(view.Number, bold: false, size: 28, JustificationValues.Center),
                Table(view.Rows));
            foreach (var item in view.Items)
            {
                body.Append(Paragraph(item.Heading, bold: true, size: 26, JustificationValues.Left), Table(item.Rows));
            }

            body.Append(
                Paragraph("督办要求", bold: true, size: 28, JustificationValues.Left),
                Paragraph(view.Required, bold: false, size: 28, JustificationValues.Both),
                Paragraph(view.Issuer, bold: false, size: 28, JustificationValues.Right),
                Paragraph(view.IssuedOn, bold: false, size: 28, JustificationValues.Right));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    /// <summary>The text of a document's paragraphs, in order (what a reader of the archive sees).</summary>
    public static IReadOnlyList<string> ReadText(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        return document.MainDocumentPart?.Document?.Body?.Descendants<Paragraph>().Select(p => p.InnerText).ToList() ?? [];
    }

    private static Table Table(IEnumerable<NoticeRow> rows)
    {
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        foreach (var row in rows)
        {
            table.Append(new TableRow(Cell(row.Label, bold: true, width: "1200"), Cell(row.Value, bold: false, width: "3800")));
        }

        return table;
    }

    private static TableCell Cell(string text, bool bold, string width) =>
        new(
            new TableCellProperties(new TableCellWidth { Width = width, Type = TableWidthUnitValues.Pct }),
            Paragraph(text, bold, 24, JustificationValues.Left)
        );

    private static Paragraph Paragraph(string text, bool bold, int size, JustificationValues justification)
    {
        var properties = new RunProperties(
            new RunFonts
            {
                EastAsia = "仿宋",
                Ascii = "FangSong",
                HighAnsi = "FangSong",
            },
            new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) }
        );
        if (bold)
        {
            properties.Append(new Bold());
        }

        return new Paragraph(
            new ParagraphProperties(new Justification { Val = justification }),
            new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve })
        );
    }
}
