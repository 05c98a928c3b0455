using System.Text;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Domain.Submissions.Files;
using ApprovalWatch.Presentation.Submissions;

namespace ApprovalWatch.Testing;

/// <summary>
/// The fuzzers' oracle: seeds of every format a department sends (CSV, tab-separated UTF-16, GB18030, JSON and a real
/// workbook), their mutations, and the verdict on one input — rows or a documented refusal
/// (<see cref="UnreadableSubmissionException"/>) whose counts add up, or a defect.
/// </summary>
public static class FuzzOracle
{
    private static readonly ProcedureCatalogue Catalogue = new([new CatalogueEntry("HC-01", "施工图设计文件审查", "Construction drawing review", "housing", 2, 20, 15)]);

    /// <summary>How one input ended: rows and rejections, a refusal, or something else (a defect).</summary>
    public sealed record Outcome(int DataRows, int Valid, int Rejected, string? Refusal, Exception? Defect)
    {
        public bool IsDefect => Defect is not null || (Refusal is null && Valid + Rejected != DataRows);
    }

    public static async Task<IReadOnlyList<(string Name, byte[] Content)>> SeedsAsync()
    {
        const string header = "项目代码,项目名称,审批事项,办理状态,受理日期,承诺时限,经办人邮箱,数据日期";
        const string row = "2022-653001-48-01-00123X,学校,HC-01,审查中,2026-03-02,12,a@b.org,2026-03-13";
        var csv = $"标题\r\n{header}\r\n{row}\r\n\"2022-653001-48-01-00124X\",\"多行\n名称\",HC-01,受理,2026/3/2,,c@d.org,\r\n";
        return
        [
            ("housing/a.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]),
            ("housing/a.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(csv.Replace(',', '\t'))]),
            ("housing/a.csv", Domain.Submissions.Files.TextEncodings.Gb18030.GetBytes(csv)),
            (
                "housing/a.json",
                Encoding.UTF8.GetBytes(
                    """
                    [{"project_code":"2022-653001-48-01-00123X","procedure":"HC-01","status":"审查中","accepted_on":"2026-03-02","handler_email":"a@b.org"},
                     {"project_code":1,"procedure":null}]
                    """
                )
            ),
            ("housing/a.xlsx", await SubmissionTemplate.XlsxAsync(Department.Get("housing"), Catalogue)),
        ];
    }

    /// <summary>Reads and validates one input the way ingestion's first pass does.</summary>
    public static Outcome Probe(string name, byte[] content)
    {
        try
        {
            var opened = SubmissionReader.Open(name, new MemoryStream(content), SubmissionLimits.Default);
            var validator = new SubmissionValidator(Catalogue, "housing", DateTimeOffset.UnixEpoch, 10_000);
            var valid = validator.Validate(opened.Rows).Count();
            return new Outcome(validator.DataRows, valid, validator.RejectedRows, null, null);
        }
        catch (UnreadableSubmissionException e)
        {
            return new Outcome(0, 0, 0, e.Message, null);
        }
        catch (Exception e)
        {
            return new Outcome(0, 0, 0, null, e);
        }
    }

    /// <summary>A few random edits of a seed: flips, cuts, repeats, insertions of bytes that matter to the formats.</summary>
    public static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        byte[] interesting = [0x00, 0xFF, 0xFE, 0xD8, 0xDC, (byte)',', (byte)'"', (byte)'\t', (byte)'\n', (byte)'\r', (byte)'[', (byte)'{', 0x80, 0xC3, 0xE4];
        for (int edits = random.Next(1, 9), i = 0; i < edits && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = interesting[random.Next(interesting.Length)];
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 64), bytes.Count - at));
                    break;
                case 3:
                    bytes.InsertRange(at, bytes.GetRange(at, Math.Min(random.Next(1, 256), bytes.Count - at)));
                    break;
                default:
                    bytes.Insert(at, interesting[random.Next(interesting.Length)]);
                    break;
            }
        }

        return [.. bytes];
    }
}
