using System.IO.Compression;
using System.Text;
using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Domain.Submissions.Files;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

public class SubmissionReaderTests
{
    private const string Csv = "项目代码,项目名称,审批事项,办理状态,受理日期,经办人邮箱\n2022-653001-48-01-00123X,𠮷祥新城学校,HC-01,审查中,2026-03-02,a@b.org\n";

    private static readonly SubmissionLimits Limits = new();

    private static (string Format, List<SourceRow> Rows) Read(string name, byte[] content, SubmissionLimits? limits = null)
    {
        var opened = SubmissionReader.Open(name, new MemoryStream(content), limits ?? Limits);
        var rows = opened.Rows.ToList(); // the format names the sheets read, known once they are
        return (opened.Format.Both(), rows);
    }

    public static TheoryData<string, byte[]> Encodings() => new()
    {
        { "CSV UTF-8", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Csv)] },
        { "CSV UTF-8", Encoding.UTF8.GetBytes(Csv) },
        { "CSV UTF-16LE", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Csv)] },
        { "CSV UTF-16BE", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Csv)] },
        { "CSV GB18030", TextEncodings.Gb18030.GetBytes(Csv) },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Every_encoding_reads_the_same_rows_and_says_which_it_was(string format, byte[] content)
    {
        var (read, rows) = Read("housing.csv", content);
        Assert.Equal(format, read);
        Assert.Equal("𠮷祥新城学校", rows[1].Fields[1]);
        Assert.Equal(["2022-653001-48-01-00123X", "𠮷祥新城学校", "HC-01", "审查中", "2026-03-02", "a@b.org"], rows[1].Fields);
    }

    [Fact]
    public void A_character_outside_the_basic_plane_is_four_gb18030_bytes()
    {
        // U+20BB7: linear index 189000 + (0x20BB7 - 0x10000) = 257535 = 0x95 0x34 0xB2 0x35 by GB 18030's four-byte rule.
        Assert.Equal([0x95, 0x34, 0xB2, 0x35], TextEncodings.Gb18030.GetBytes("𠮷"));
    }

    [Fact]
    public void Utf16_without_a_byte_order_mark_is_recognised_by_its_zero_bytes()
    {
        var (format, rows) = Read("x.csv", Encoding.Unicode.GetBytes("project_code,procedure\n2022-653001-48-01-00123X,HC-01\n"));
        Assert.Equal("CSV UTF-16LE", format);
        Assert.Equal(["2022-653001-48-01-00123X", "HC-01"], rows[1].Fields);
    }

    [Fact]
    public void Text_in_no_known_encoding_is_refused_not_guessed()
    {
        var error = Assert.Throws<UnreadableSubmissionException>(() => Read("x.csv", [0x41, 0x2C, 0xFF, 0xFF, 0x0A]));
        Assert.Contains("neither UTF-8 nor GB18030", error.Reason.English());
    }

    [Fact]
    public void An_xlsx_is_read_from_its_first_visible_sheet_with_a_header_below_merged_title_rows()
    {
        var lookup = new XlsxSheet("lookup") { Hidden = true };
        lookup.Rows.Add(["project_code", "procedure", "status", "accepted_on"]);
        var sheet = new XlsxSheet("进度表");
        sheet.Rows.Add(["住建局 审批事项进度表（2026年3月）"]);
        sheet.Merges.Add("A1:F1");
        sheet.Rows.Add([]);
        sheet.Rows.Add(["项目代码", "项目名称", "审批事项", "受理日期", "经办人邮箱", "数据日期"]);
        sheet.Rows.Add(["2022-653001-48-01-00123X", "学校", "HC-01", new DateOnly(2026, 3, 2), "a@b.org", new XlsxFormula("DATE(2026,3,13)", 46094)]);
        sheet.Rows.Add([null, null, "HC-02", 46082, "a@b.org", "2026年3月13日"]);
        sheet.Merges.Add("A4:A5");
        sheet.Merges.Add("B4:B5");
        sheet.Rows.Add(["2024-653023-52-01-000882", new XlsxFormula("\"农贸\"&\"市场\"", "农贸市场"), "HC-03", "20260302", "=cmd|' /C calc'!A0", ""]);
        sheet.Rows.Add([]);
        sheet.Rows.Add([null, null]);
        using var file = new MemoryStream();
        XlsxWriter.Write(file, [lookup, sheet]);

        var (format, rows) = Read("housing.xlsx", file.ToArray());

        Assert.Equal("Excel .xlsx，工作表 '进度表'；Excel .xlsx, sheet '进度表'", format);
        var data = rows.Where(r => !CsvReader.IsBlank(r)).ToList();
        Assert.Equal([1, 3, 4, 5, 6], data.Select(r => r.Line)); // Excel row numbers
        Assert.Equal(["2022-653001-48-01-00123X", "学校", "HC-01", "2026-03-02", "a@b.org", "46094"], data[2].Fields);
        Assert.Equal(["2022-653001-48-01-00123X", "学校", "HC-02", "46082", "a@b.org", "2026年3月13日"], data[3].Fields); // merged cells read as their first cell
        Assert.Equal("农贸市场", data[4].Fields[1]); // a formula reads as its cached value
        Assert.Equal("=cmd|' /C calc'!A0", data[4].Fields[4]); // text that looks like a formula stays text
    }

    [Fact]
    public void Excel_serial_numbers_and_every_date_shape_validate_to_the_same_date()
    {
        foreach (var text in new[] { "46083", "2026-03-02", "2026/3/2", "2026年3月2日", "20260302" })
        {
            Assert.True(DateText.TryParse(text, out var date), text);
            Assert.Equal(new DateOnly(2026, 3, 2), date);
        }
    }

    [Fact]
    public void A_workbook_without_a_header_in_any_visible_sheet_is_unreadable()
    {
        var hidden = new XlsxSheet("hidden") { Hidden = true };
        hidden.Rows.Add(["project_code", "procedure", "status", "accepted_on", "handler_email"]);
        var visible = new XlsxSheet("notes");
        visible.Rows.Add(["nothing here"]);
        using var file = new MemoryStream();
        XlsxWriter.Write(file, [hidden, visible]);

        Assert.Contains("no header row", Assert.Throws<UnreadableSubmissionException>(() => Read("x.xlsx", file.ToArray())).Reason.English());
    }

    [Theory]
    [InlineData("x.xlsx")]
    [InlineData("x.xls")]
    public void A_damaged_workbook_is_unreadable(string name)
    {
        var error = Assert.Throws<UnreadableSubmissionException>(() => Read(name, Encoding.ASCII.GetBytes("PK\u0003\u0004 this is not a workbook at all")));
        Assert.Contains("damaged", error.Reason.English());
    }

    [Fact]
    public void A_zip_bomb_is_refused_before_it_is_read()
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                entry.Write(zeros);
            }
        }

        var error = Assert.Throws<UnreadableSubmissionException>(() => Read("bomb.xlsx", file.ToArray()));
        Assert.Contains("zip bomb", error.Reason.English());
        Assert.Contains("more than the limit of 100", error.Reason.English());
    }

    [Fact]
    public void A_workbook_that_would_unpack_beyond_the_limit_is_refused()
    {
        var sheet = new XlsxSheet("s");
        sheet.Rows.Add(["project_code", "procedure", "status", "accepted_on", "handler_email"]);
        using var file = new MemoryStream();
        XlsxWriter.Write(file, [sheet]);

        var error = Assert.Throws<UnreadableSubmissionException>(() => Read("x.xlsx", file.ToArray(), new SubmissionLimits { MaxUncompressedBytes = 1_000 }));
        Assert.Contains("more than the limit of 1,000", error.Reason.English());
    }

    [Fact]
    public void A_workbook_with_shared_strings_past_their_budget_is_refused_naming_the_part_though_it_passes_the_zip_checks()
    {
        var sheet = new XlsxSheet("s");
        sheet.Rows.Add(["project_code", "procedure", "status", "accepted_on", "handler_email"]);
        using var file = new MemoryStream();
        XlsxWriter.Write(file, [sheet]);
        // Unreferenced shared strings of random text (compressed about twice, well inside the zip-bomb ratio).
        using (var zip = new ZipArchive(file, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var strings = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml").Open());
            var random = new Random(7);
            strings.Write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
            for (var i = 0; i < 40_000; i++)
            {
                strings.Write($"<si><t>{Convert.ToHexString(BitConverter.GetBytes(random.NextInt64()))}</t></si>");
            }

            strings.Write("</sst>");
        }

        var limits = new SubmissionLimits { MaxSharedStringsBytes = 512 * 1024 };
        var error = Assert.Throws<UnreadableSubmissionException>(() => Read("heavy.xlsx", file.ToArray(), limits));
        Assert.Contains("part xl/sharedStrings.xml of the workbook would unpack to 1,", error.Reason.English());
        Assert.Contains("more than the limit of 524,288", error.Reason.English());
        Assert.Contains("xl/sharedStrings.xml", error.Reason.Chinese());
        Assert.Empty(Read("heavy.xlsx", file.ToArray()).Rows.Skip(1)); // within the defaults it reads: its header, no rows
    }

    [Fact]
    public void A_json_array_of_rows_reads_with_english_or_chinese_keys()
    {
        var json = """
            [
              {"project_code": "2022-653001-48-01-00123X", "procedure": "HC-01", "status": "in_review", "accepted_on": "2026-03-02",
               "handler_email": "a@b.org", "limit_days": 12},
              {"项目代码": "2024-653023-52-01-000882", "审批事项": "HC-02", "办理状态": "受理", "受理日期": 20260305, "经办人邮箱": "b@b.org", "note": "ignored"}
            ]
            """;
        var (format, rows) = Read("x.json", Encoding.UTF8.GetBytes(json));

        Assert.Equal("JSON", format);
        var validated = new SubmissionValidator(new Domain.Catalogue.ProcedureCatalogue(
        [
            new Domain.Catalogue.CatalogueEntry("HC-01", "施工图设计文件审查", "Construction drawing review", "housing", 2, 20, 15),
            new Domain.Catalogue.CatalogueEntry("HC-02", "建筑工程施工许可证", "Construction permit", "housing", 3, 15, 7),
        ]), "housing", new DateTimeOffset(2026, 3, 13, 0, 0, 0, TimeSpan.FromHours(8))).ValidateAll(rows);
        Assert.Empty(validated.Errors);
        Assert.Equal([(1, 12), (2, 7)], validated.Rows.Select(r => (r.Line, r.Procedure.LimitDays)));
        Assert.Equal(new DateOnly(2026, 3, 5), validated.Rows[1].Procedure.AcceptedOn);
    }

    [Fact]
    public void A_json_item_that_is_not_a_row_is_rejected_not_dropped()
    {
        var (_, rows) = Read("x.json", Encoding.UTF8.GetBytes("[42]"));
        var validated = new SubmissionValidator(new Domain.Catalogue.ProcedureCatalogue([]), "housing", DateTimeOffset.UnixEpoch).ValidateAll(rows);
        Assert.Equal(1, validated.RejectedRows);
        Assert.Contains(validated.Errors, e => e.Line == 1 && e.Value == "42");
    }

    [Fact]
    public void Malformed_json_is_unreadable()
    {
        var error = Assert.Throws<UnreadableSubmissionException>(() => Read("x.json", Encoding.UTF8.GetBytes("{\"project_code\": ")));
        Assert.Contains("JSON", error.Reason.English());
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+86 998", "'+86 998")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("学校", "学校")]
    public void Text_written_back_to_a_csv_cannot_start_a_formula(string value, string written) =>
        Assert.Equal(written, CsvReader.SafeField(value));

    [Fact]
    public void A_row_wider_than_the_limit_refuses_the_file_naming_the_limit_and_trailing_empty_cells_do_not_count()
    {
        var wide = "project_code,procedure," + string.Join(',', Enumerable.Range(0, 100_000).Select(i => $"x{i}")) + "\n";
        var padded = "project_code,procedure" + new string(',', 5_000) + "\n2022-653001-48-01-00123X,HC-01\n";

        var refused = Assert.Throws<UnreadableSubmissionException>(() => Read("wide.csv", Encoding.UTF8.GetBytes(wide)));
        var (_, rows) = Read("padded.csv", Encoding.UTF8.GetBytes(padded));

        Assert.Contains("line 1 has 100,002 cells, more than the limit of 1,000", refused.Reason.English());
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public void A_receipt_names_the_first_twenty_notes_and_counts_the_rest()
    {
        var notes = Receipts.Receipt.Bounded(Enumerable.Range(1, 25).Select(i => Domain.Text.Reason.Of("file.column_not_read", i)));

        Assert.Equal(21, notes.Count);
        Assert.Equal(Domain.Text.Reason.Of("file.column_not_read", 20), notes[19]);
        Assert.Equal("另有 5 条说明未列出；5 more notes not listed.", Presentation.Reasons.Say(notes[20], null));
        Assert.Equal(3, Receipts.Receipt.Bounded([.. notes.Take(3)]).Count);
    }
}
