using ApprovalWatch.Domain.Catalogue;

namespace ApprovalWatch.DevTools.Samples;

/// <summary>
/// The DRC's key-project files of the scenario: the register of the 258 projects (natures, leaders in charge,
/// responsible units; some reserve projects converted this year, one last December; some planned starts missed),
/// three weekly progress reports ending with the year's 50.70 亿元 (one figure lowered the week after, problems
/// raised with the reports), the problem list (open, solved and overdue), and a department closing one of its problems.
/// </summary>
public static class KeyProjectSamples
{
    private static readonly string[] Units = ["housing", "natural-resources", Department.DevelopmentReform, "finance", "power", "ecology"];
    private static readonly string[] UnitNames = ["住房和城乡建设局", "自然资源局", "发展和改革委员会", "财政局", "供电公司", "生态环境局"];
    private static readonly string[] Leaders = ["zhao.deming", "zhou.lixin", "zheng.hai", "guo.wen", "xie.dong", "dong.qiang"];
    private static readonly string[] Industries = ["教育", "市政", "农业", "交通", "水利", "能源", "文旅", "卫生"];
    private static readonly string[] ProblemTexts = ["征地拆迁尚未完成", "施工用电接入滞后", "环评批复待出具", "资金拨付不到位", "施工图审查意见未回复"];
    private static readonly string[] Physical = ["主体结构施工", "基础施工", "设备安装", "装饰装修", "场地平整"];
    private static readonly (string Week, decimal Share)[] Weeks = [("2026-02-27", 0.80m), ("2026-03-06", 0.92m), ("2026-03-13", 1m)];

    private sealed record Entry(
        SampleGenerator.SampleProject Project,
        string Nature,
        string PlannedStart,
        string StartedOn,
        string ConvertedOn,
        int Unit,
        long Completed,
        long Total
    );

    public static IEnumerable<(string Path, byte[] Content)> Files(IReadOnlyList<SampleGenerator.SampleProject> projects)
    {
        var entries = Register(projects);
        yield return (
            "submissions/development-reform/register-2026-03-13.csv",
            SampleGenerator.Utf8(
                "\uFEFF克州重点项目库（2026年3月13日）\n"
                    + SampleGenerator.Csv(
                        [
                            "项目代码",
                            "项目名称",
                            "县市",
                            "行业",
                            "项目性质",
                            "总投资（万元）",
                            "年度计划投资（万元）",
                            "计划开工",
                            "实际开工",
                            "计划竣工",
                            "包联领导",
                            "责任单位",
                            "建设单位",
                            "储备转化日期",
                        ],
                        entries.Select(
                            (e, i) =>
                                new[]
                                {
                                    e.Project.Code,
                                    e.Project.Name,
                                    e.Project.County,
                                    Industries[i % 8],
                                    e.Nature,
                                    SampleGenerator.Num(e.Total),
                                    SampleGenerator.Num(e.Project.PlannedWan),
                                    e.PlannedStart,
                                    e.StartedOn,
                                    $"{2026 + i % 3}-12",
                                    $"{Leaders[e.Unit]}@kizilsu.example.org",
                                    UnitNames[e.Unit],
                                    e.Project.County + (i % 2 == 1 ? "城投公司" : "人民政府"),
                                    e.ConvertedOn,
                                }
                        )
                    )
            )
        );

        var lowered = entries[120].Project.Code;
        foreach (var (week, share) in Weeks)
        {
            yield return (
                $"submissions/development-reform/progress-{week}.csv",
                SampleGenerator.Utf8(
                    SampleGenerator.Csv(
                        ["project_code", "project_name", "reported_on", "ytd_completed_wan", "physical_progress", "new_problems"],
                        entries
                            .Select((e, i) => (e, i))
                            .Where(x => x.e.Nature != "储备")
                            .Select(x =>
                            {
                                var (e, i) = x;
                                var done = share == 1m ? e.Completed : (long)(e.Completed * share);
                                done += e.Project.Code == lowered && week == "2026-03-06" ? e.Completed - done + 300 : 0; // corrected down the week after
                                var physical = e.Nature == "新开工" && e.StartedOn.Length == 0 ? "前期手续办理" : Physical[i % 5];
                                return new[]
                                {
                                    e.Project.Code,
                                    e.Project.Name,
                                    week,
                                    SampleGenerator.Num(done),
                                    physical,
                                    week == "2026-03-06" && i % 37 == 5 ? ProblemTexts[i % 5] : "",
                                };
                            })
                    )
                )
            );
        }

        yield return (
            "submissions/development-reform/problems-2026-03-13.csv",
            SampleGenerator.Utf8(
                SampleGenerator.Csv(
                    ["项目代码", "问题编号", "问题描述", "责任部门", "提出日期", "办理时限（工作日）", "状态", "销号日期", "销号人"],
                    Enumerable
                        .Range(0, 18)
                        .Select(k =>
                        {
                            var raised = new DateOnly(2026, 2, 9).AddDays(3 * k);
                            var solved = k % 3 == 0;
                            return new[]
                            {
                                entries[20 + k * 11].Project.Code,
                                $"WT-2026-{k + 1:D3}",
                                ProblemTexts[k % 5],
                                UnitNames[(k % 6 + 1) % 6],
                                SampleGenerator.Iso(raised),
                                "10",
                                solved ? "已销号" : "未销号",
                                solved ? SampleGenerator.Iso(raised.AddDays(12)) : "",
                                solved ? "徐明" : "",
                            };
                        })
                )
            )
        );

        // Natural resources closes its own problem in its own folder.
        yield return ("submissions/natural-resources/problems-2026-03-13.csv", SampleGenerator.Utf8(SampleGenerator.Csv(
            ["project_code", "problem_id", "state", "solved_on", "solved_by"],
            [[entries[20 + 6 * 11].Project.Code, "WT-2026-007", "solved", "2026-03-12", "孙强"]])));
    }

    private static List<Entry> Register(IReadOnlyList<SampleGenerator.SampleProject> projects)
    {
        var entries = projects.Select((p, i) =>
        {
            var nature = i < 10 ? "储备" : i < 80 ? "新开工" : i < 250 ? "续建" : "竣工";
            var (plannedStart, startedOn) = ("", "");
            if (nature == "新开工")
            {
                var month = 1 + i % 6;
                plannedStart = $"2026-{month:D2}";
                if (month <= 3 && i % 9 != 0)
                {
                    startedOn = month == 3 && 5 + i % 20 > 13 ? "2026-03-10" : $"2026-{month:D2}-{5 + i % 20:D2}";
                }
            }

            var converted = i is >= 10 and < 16 && startedOn.Length > 0 ? startedOn : "";
            // A reserve project has done no investment: what the generator gave the ten is carried by ten continuing projects.
            var completed = i < 10 ? 0 : p.CompletedWan + (i is >= 100 and < 110 ? projects[i - 100].CompletedWan : 0);
            return new Entry(p, nature, plannedStart, startedOn, converted, i % 6, completed, p.PlannedWan * (2 + i % 4));
        }).ToList();

        // One reserve project converted last December: it does not count for this year.
        var december = entries.FindIndex(e => e.Nature == "新开工" && e.StartedOn.Length > 0 && e.ConvertedOn.Length == 0);
        entries[december] = entries[december] with { PlannedStart = "2025-12", StartedOn = "2025-12-20", ConvertedOn = "2025-12-20" };
        return entries;
    }
}
