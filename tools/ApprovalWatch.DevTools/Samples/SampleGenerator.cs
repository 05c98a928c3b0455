using System.Globalization;
using System.Text;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Text;
using SpreadCheetah;
using SpreadCheetah.Styling;

namespace ApprovalWatch.DevTools.Samples;

/// <summary>
/// Writes the Kizilsu prefecture scenario: 258 key projects (three of them real-world examples, the rest
/// generated from a fixed seed) with 12.6 billion yuan of planned and 5.07 billion of completed annual
/// investment (the DRC's register, progress reports and problem list: <see cref="KeyProjectSamples"/>), the catalogue, the directory, and one file
/// per department with a mix of on-time,
/// due-soon, overdue, paused, extended and a few invalid rows, all as of one office day.
/// </summary>
public sealed class SampleGenerator(WorkingCalendar calendar, DateOnly asOf, int seed)
{
    public const int ProjectCount = 258;
    public const long PlannedInvestmentWan = 1_260_000;
    public const long CompletedInvestmentWan = 507_000;

    private static readonly (string Region, string Chinese, string English)[] Counties =
    [
        ("653001", "阿图什市", "Artux"), ("653022", "阿克陶县", "Akto"), ("653023", "阿合奇县", "Akqi"), ("653024", "乌恰县", "Ulugqat"),
    ];

    private static readonly string[] Places = ["城北", "城南", "新城区", "工业园区", "乡村振兴示范区", "上阿图什镇", "皮拉勒乡", "库兰萨日克乡", "吉根乡", "哈拉峻乡", "布伦口乡", "托云乡", "黑孜苇乡", "色帕巴依乡"];

    private static readonly string[] Works =
    [
        "中学教学楼",
        "小学综合楼",
        "人民医院门诊楼",
        "保障性住房",
        "污水处理厂",
        "供热管网改造",
        "农贸市场",
        "冷链物流中心",
        "道路提升改造",
        "光伏发电",
        "220千伏输变电",
        "文化活动中心",
        "幼儿园",
        "体育馆",
        "老旧小区改造",
        "农村饮水安全",
        "高标准农田",
        "游客服务中心",
    ];

    private readonly Random _random = new(seed);

    public sealed record SampleProject(string Code, string Name, string County, long PlannedWan, long CompletedWan, int Stage);

    /// <summary>The files of the scenario by path relative to the samples folder (calendars are not generated).</summary>
    public IReadOnlyDictionary<string, byte[]> Generate()
    {
        var projects = Projects();
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["config/catalogue.csv"] = Utf8(
                Csv(
                    ["code", "name_zh", "name_en", "department", "stage", "statutory_days", "promised_days", "requires", "kind", "statutory_unit", "basis"],
                    SampleCatalogue.Entries.Select(e =>
                        new[]
                        {
                            e.Code,
                            e.ChineseName,
                            e.EnglishName,
                            e.Department,
                            Num(e.Stage),
                            e.StatutoryDays > 0 ? Num(e.StatutoryDays) : "",
                            Num(e.PromisedDays),
                            string.Join(';', e.Requires),
                            e.Kind.ToString().ToLowerInvariant(),
                            e.StatutoryDays == 0 ? "" : e.StatutoryInDays ? "days" : "working_days",
                            e.Basis,
                        }
                    )
                )
            ),
            ["config/directory.csv"] = Utf8(
                Csv(
                    ["email", "name", "department", "role", "calendar", "language", "deputy"],
                    SampleDirectory.People.Select(p =>
                        new[]
                        {
                            p.Email,
                            p.Name,
                            p.Department,
                            p.Role.ToString().ToLowerInvariant(),
                            p.Calendar,
                            p.Language == Language.English ? "en" : "zh",
                            p.Deputy,
                        }
                    )
                )
            ),
        };
        foreach (var (path, content) in KeyProjectSamples.Files(projects))
        {
            files[path] = content;
        }

        foreach (var (path, content) in Reports(projects))
        {
            files[path] = content;
        }

        return files;
    }

    public void WriteTo(string folder)
    {
        foreach (var (path, content) in Generate())
        {
            var file = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, content);
        }
    }

    private List<SampleProject> Projects()
    {
        var projects = new List<SampleProject>
        {
            new("2022-653001-48-01-00123X", "阿图什市新城学校建设项目", "阿图什市", 20_000, 9_000, 3),
            new("2023-653022-48-01-004175", "阿克陶县城区基础设施配套建设项目", "阿克陶县", 15_000, 6_200, 2),
            new("2024-653023-52-01-000882", "阿合奇县乡村农贸市场建设项目", "阿合奇县", 3_000, 900, 1),
        };
        var names = projects.Select(p => p.Name).ToHashSet();
        var codes = projects.Select(p => p.Code).ToHashSet();
        var generated = new List<(string Code, string Name, string County, double Weight, double Done, int Stage)>();
        while (projects.Count + generated.Count < ProjectCount)
        {
            var county = Counties[_random.Next(Counties.Length)];
            var name = $"{county.Chinese}{Places[_random.Next(Places.Length)]}{Works[_random.Next(Works.Length)]}项目";
            // YYYY-AAAAAA-DD-TT-NNNNNN (GB/T 40058-2021): year, region, department, type, random code and check character.
            var (year, department, type) = (2023 + _random.Next(4), _random.Next(45, 56), _random.Next(1, 4));
            var code = $"{year}-{county.Region}-{department}-0{type}-{_random.Next(100_000):D5}{"0123456789X"[_random.Next(11)]}";
            if (!names.Add(name) || !codes.Add(code))
            {
                continue;
            }

            var stage = Pick((1, 35), (2, 30), (3, 25), (4, 10));
            generated.Add((code, name, county.Chinese, Math.Exp(_random.NextDouble() * 3), 0.15 + _random.NextDouble() * 0.55, stage));
        }

        var planned = Scale(generated.Select(g => g.Weight).ToList(), PlannedInvestmentWan - projects.Sum(p => p.PlannedWan));
        var completed = Scale(generated.Select((g, i) => g.Done * planned[i]).ToList(), CompletedInvestmentWan - projects.Sum(p => p.CompletedWan));
        projects.AddRange(generated.Select((g, i) => new SampleProject(g.Code, g.Name, g.County, planned[i], completed[i], g.Stage)));
        return projects;
    }

    private const int DeliberatelyOutOfOrderEvery = 40;

    private SortedDictionary<string, byte[]> Reports(List<SampleProject> projects)
    {
        var projectsMade = 0;
        var rows = Department.All.ToDictionary(d => d.Id, _ => new List<string[]>());
        var dataDate = asOf.AddDays(-3);
        foreach (var project in projects)
        {
            // Working days from the project's first acceptance to the data date; the finished stages share
            // the first four fifths of that time, the current stage the rest.
            var elapsed = project.Stage switch { 1 => 0, 2 => _random.Next(40, 86), 3 => _random.Next(75, 136), _ => _random.Next(110, 191) };
            var start = WorkingDaysBefore(dataDate, Math.Max(1, elapsed));
            var first = true;
            // As projects go: a procedure is applied for once what it requires is done (the catalogue's order) — but for one
            // project in forty, kept out of order on purpose so that the data checks have something real to find.
            var inOrder = ++projectsMade % DeliberatelyOutOfOrderEvery != 0;
            var doneOn = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
            for (var stage = 1; stage < project.Stage; stage++)
            {
                var from = (stage - 1) * elapsed * 4 / 5 / (project.Stage - 1);
                var to = stage * elapsed * 4 / 5 / (project.Stage - 1);
                foreach (var entry in SampleCatalogue.Entries.Where(e => e.Stage == stage))
                {
                    var offset = first ? 0 : from + _random.Next(Math.Max(1, (to - from) / 2));
                    var accepted = calendar.AddWorkingDays(start, offset);
                    var after = entry.Requires.Where(doneOn.ContainsKey).Select(r => doneOn[r]).DefaultIfEmpty(accepted).Max();
                    if (inOrder && after >= accepted)
                    {
                        accepted = calendar.AddWorkingDays(after, 1);
                    }

                    if (accepted >= dataDate)
                    {
                        accepted = WorkingDayBefore(dataDate);
                    }

                    var row = Finished(project, entry, accepted, dataDate);
                    doneOn[entry.Code] = IsoDate.Parse(row[7]);
                    rows[entry.Department].Add(row);
                    first = false;
                }
            }

            var current = SampleCatalogue.Entries.Where(e => e.Stage == project.Stage).OrderBy(_ => _random.Next()).Take(1 + _random.Next(2));
            foreach (var entry in current)
            {
                rows[entry.Department].Add(Open(project, entry, dataDate));
            }
        }

        AddInvalidRows(rows, projects, dataDate);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var stem = $"submissions/{{0}}/{IsoDate.Format(dataDate)}";
        foreach (var (department, list) in rows)
        {
            // Departments work as they do: housing in Excel with a merged title row, finance in a GBK/GB18030
            // CSV as Excel saves it on a Chinese Windows, natural resources in Chinese headers, the rest UTF-8.
            var chinese = department is "housing" or "natural-resources" or "finance";
            var header = Columns.Select(c => chinese ? c.ChineseName : c.Name).ToArray();
            var body = list.Select(r => chinese ? Chinese(r) : r).ToList();
            var title = $"{Department.Get(department).ChineseName} 重点项目审批事项进度表（数据日期 {dataDate:yyyy年M月d日}）";
            var path = string.Format(CultureInfo.InvariantCulture, stem, department);
            switch (department)
            {
                case "housing":
                    files[path + ".xlsx"] = Xlsx(title, header, body);
                    break;
                case "finance":
                    files[path + ".csv"] = ApprovalWatch.Domain.Submissions.Files.TextEncodings.Gb18030.GetBytes(
                        title + "\r\n" + Csv(header, body).Replace("\n", "\r\n")
                    );
                    break;
                default:
                    files[path + ".csv"] = Utf8((chinese ? title + "\n" : "") + Csv(header, body));
                    break;
            }
        }

        return files;
    }

    private static byte[] Xlsx(string title, string[] header, List<string[]> rows) => XlsxAsync(title, header, rows).GetAwaiter().GetResult();

    private static async Task<byte[]> XlsxAsync(string title, string[] header, List<string[]> rows)
    {
        using var output = new MemoryStream();
        await using (var workbook = await Spreadsheet.CreateNewAsync(output))
        {
            await workbook.StartWorksheetAsync("进度表");
            await workbook.AddRowAsync([new Cell(title)]);
            workbook.MergeCells($"A1:{ColumnName(header.Length - 1)}1");
            await workbook.AddHeaderRowAsync(header, workbook.AddStyle(new Style { Font = { Bold = true } }));
            var dates = workbook.AddStyle(new Style { Format = NumberFormat.Standard(StandardNumberFormat.ShortDate) });
            var row = 3;
            for (var i = 0; i < rows.Count; i++)
            {
                // Dates as Excel dates, as a clerk types them; everything else as text. The project's code, name
                // and county are merged down over its consecutive rows, as clerks lay out such sheets.
                var run = 1;
                while (i + run < rows.Count && rows[i + run][0] == rows[i][0])
                {
                    run++;
                }

                for (var r = i; r < i + run; r++)
                {
                    await workbook.AddRowAsync(rows[r].Select((v, c) => c < 3 && r > i ? default : Cell(v, dates)).ToArray());
                }

                if (run > 1)
                {
                    foreach (var column in new[] { "A", "B", "C" })
                    {
                        workbook.MergeCells($"{column}{row}:{column}{row + run - 1}");
                    }
                }

                row += run;
                i += run - 1;
            }

            await workbook.FinishAsync();
        }

        return output.ToArray();
    }

    private static Cell Cell(string value, StyleId dates) =>
        IsoDate.TryParse(value, out var date) ? new Cell(date.ToDateTime(TimeOnly.MinValue), dates)
        : value.Length == 0 ? default
        : new Cell(value);

    private static string ColumnName(int column) => ((char)('A' + column)).ToString();

    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static readonly ApprovalWatch.Domain.Submissions.SubmissionColumn[] Columns =
    [
        .. ApprovalWatch.Domain.Submissions.SubmissionColumn.All.Where(c =>
            c.Name is not ("limit_days" or "pause_reason" or "row_check" or "correction" or "received_on" or "correction_notified_on"
                or "materials_due_on" or "materials_supplied_on" or "verify_by" or "verified_on")
        ),
        ApprovalWatch.Domain.Submissions.SubmissionColumn.PauseReason,
    ];

    // project_code, project_name, county, procedure, status, accepted_on, handler_email, completed_on, as_of, paused_from, paused_to, extended_days,
    // extension_approved_on, pause_reason
    private string[] Row(SampleProject p, CatalogueEntry e, string status, DateOnly accepted, DateOnly? completed, DateOnly dataDate) =>
        [p.Code, p.Name, p.County, e.Code, status, Iso(accepted), Handler(e.Department), completed is { } c ? Iso(c) : "", Iso(dataDate), "", "", "", "", ""];

    private string[] Finished(SampleProject project, CatalogueEntry entry, DateOnly accepted, DateOnly dataDate)
    {
        var late = _random.Next(10) == 0;
        var took = late ? entry.PromisedDays + 1 + _random.Next(8) : 1 + _random.Next(entry.PromisedDays);
        var completed = calendar.AddWorkingDays(accepted, took);
        return Row(project, entry, "approved", accepted, completed < dataDate ? completed : WorkingDayBefore(dataDate), dataDate);
    }

    private string[] Open(SampleProject project, CatalogueEntry entry, DateOnly dataDate)
    {
        // Working days left at the scan date: mostly comfortable, some due soon, some overdue, a few past the statutory limit.
        var left = Pick((0, 62), (1, 20), (2, 16), (3, 2)) switch
        {
            0 => 4 + _random.Next(14),
            1 => _random.Next(4),
            2 => -1 - _random.Next(14),
            _ => -1 - Math.Max(0, entry.StatutoryDays - entry.PromisedDays) - _random.Next(5),
        };
        var due = left >= 0 ? calendar.AddWorkingDays(asOf, left) : WorkingDaysBefore(asOf, -left);
        var accepted = WorkingDaysBefore(due, entry.PromisedDays);
        if (accepted > dataDate)
        {
            accepted = WorkingDayBefore(dataDate);
        }

        var row = Row(project, entry, _random.Next(3) == 0 ? "accepted" : "in_review", accepted, null, dataDate);
        switch (_random.Next(25))
        {
            case 0 when accepted.AddDays(3) < dataDate:
                // Waiting for the applicant's supplement (补正), now over.
                var from = accepted.AddDays(2);
                var to = from.AddDays(_random.Next(3, 12));
                row[9] = Iso(from);
                row[10] = Iso(to < dataDate ? to : dataDate.AddDays(-1));
                row[13] = "补正材料";
                break;
            case 1:
                row[4] = "paused";
                row[9] = Iso(dataDate.AddDays(-_random.Next(1, 5)));
                row[13] = "专家评审";
                break;
            case 2:
                row[11] = "10";
                row[12] = Iso(WorkingDayBefore(dataDate.AddDays(-1)));
                break;
        }

        return row;
    }

    private void AddInvalidRows(Dictionary<string, List<string[]>> rows, List<SampleProject> projects, DateOnly dataDate)
    {
        var p = projects[^1];
        string[] Bad(string department, string procedure, Action<string[]> spoil)
        {
            var row = Row(p, SampleCatalogue.Entries.First(e => e.Code == procedure), "in_review", WorkingDaysBefore(dataDate, 5), null, dataDate);
            row[6] = Handler(department);
            spoil(row);
            return row;
        }

        rows["housing"].Add(Bad("housing", "HC-01", r => r[0] = "2022-65300-48-01-00123X"));
        rows["housing"].Add(Bad("housing", "NR-03", _ => { }));
        rows["natural-resources"].Add(Bad("natural-resources", "NR-03", r => r[5] = "2026-02-30"));
        rows["finance"].Add(Bad("finance", "FI-02", r => r[4] = "进行中"));
        rows["ecology"].Add(Bad("ecology", "EE-01", r => r[3] = "EE-09"));
        rows["power"].Add(Bad("power", "PS-01", r => r[6] = "luo.jun#kizilsu.example.org"));
    }

    private static string[] Chinese(string[] row)
    {
        var copy = (string[])row.Clone();
        copy[4] = copy[4] switch { "approved" => "办结", "in_review" => "审查中", "accepted" => "受理", "paused" => "暂停", var s => s };
        return copy;
    }

    private string Handler(string department)
    {
        var handlers = SampleDirectory.Handlers(department).ToList();
        return handlers[_random.Next(handlers.Count)].Email;
    }

    private DateOnly WorkingDayBefore(DateOnly date) => calendar.WorkingDayOnOrBefore(date.AddDays(-1))!.Value;

    /// <summary>The working day from which <paramref name="date"/> is the <paramref name="count"/>-th working day.</summary>
    private DateOnly WorkingDaysBefore(DateOnly date, int count)
    {
        var day = date.AddDays(-1);
        while (!(calendar.IsWorkingDay(day) && calendar.WorkingDaysAfter(day, date) == count))
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    private int Pick(params (int Value, int Weight)[] choices)
    {
        var roll = _random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }

    /// <summary>Whole numbers proportional to the weights that add up to exactly <paramref name="total"/>.</summary>
    private static List<long> Scale(List<double> weights, long total)
    {
        var sum = weights.Sum();
        var scaled = weights.Select(w => (long)Math.Round(w / sum * total)).ToList();
        scaled[^1] += total - scaled.Sum();
        return scaled;
    }

    internal static string Csv(string[] header, IEnumerable<string[]> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', header.Select(CsvReader.Escape)).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(CsvReader.Escape)).Append('\n');
        }

        return text.ToString();
    }

    internal static string Iso(DateOnly date) => IsoDate.Format(date);

    internal static string Num(long n) => n.ToString(CultureInfo.InvariantCulture);
}
