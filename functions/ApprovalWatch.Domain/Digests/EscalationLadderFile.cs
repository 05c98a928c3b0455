using System.Text.Json;
using ApprovalWatch.Domain.Catalogue;

namespace ApprovalWatch.Domain.Digests;

/// <summary>
/// Reads <c>config/escalation.json</c>:
/// <code>
/// { "rungs": [ { "overdueDays": 0, "notify": ["handler"] }, { "overdueDays": 1, "notify": ["handler", "head"] }, … ],
///   "overrides": [ { "stage": 1, "rungs": [ … ] }, { "procedure": "NR-01", "rungs": [ … ] } ],
///   "climb": { "yellowPeriods": 2, "overdueWeeks": 3 }, "signWithinWorkingDays": 1,
///   "notices": { "problemOverdueDays": 5 } }
/// </code>
/// Every problem is named at once; a file with any is refused whole.
/// </summary>
public static class EscalationLadderFile
{
    public const string BlobName = "escalation.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <exception cref="FormatException">What is wrong with the file, every problem named.</exception>
    public static EscalationLadder Parse(string json, ProcedureCatalogue catalogue)
    {
        LadderJson file;
        try
        {
            file = JsonSerializer.Deserialize<LadderJson>(json, Options) ?? throw new FormatException($"{BlobName} is empty.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{BlobName} is not valid: {e.Message}", e);
        }

        var problems = new List<string>();
        var rungs = Rungs(file.Rungs, "rungs", problems);
        var overrides = new List<EscalationOverride>();
        foreach (var (o, i) in (file.Overrides ?? []).Select((o, i) => (o, i)))
        {
            var where = $"overrides[{i}]";
            if ((o.Stage is null) == (o.Procedure is null))
            {
                problems.Add($"{where}: name either a stage or a procedure");
            }
            else if (o.Stage is { } stage && stage is < 1 or > 4)
            {
                problems.Add($"{where}: stage {stage} is not one of 1–4");
            }
            else if (o.Procedure is { } code && catalogue.Find(code) is null)
            {
                problems.Add($"{where}: procedure {code} is not in the catalogue");
            }

            overrides.Add(new EscalationOverride(o.Stage, o.Procedure, Rungs(o.Rungs, $"{where}.rungs", problems)));
        }

        if (file.Climb is { YellowPeriods: < 0 } or { OverdueWeeks: < 0 })
        {
            problems.Add("climb: counts cannot be negative (0 turns a climb off)");
        }

        if (file.SignWithinWorkingDays is < 0)
        {
            problems.Add("signWithinWorkingDays: cannot be negative");
        }

        if (file.Notices is { ProblemOverdueDays: < 0 })
        {
            problems.Add("notices.problemOverdueDays: cannot be negative (0: no notice for problems)");
        }

        if (problems.Count > 0)
        {
            throw new FormatException($"{BlobName}: {string.Join("; ", problems)}");
        }

        return new EscalationLadder
        {
            Rungs = rungs,
            Overrides = overrides,
            ClimbAfterYellowPeriods = file.Climb?.YellowPeriods ?? EscalationLadder.Default.ClimbAfterYellowPeriods,
            ClimbAfterOverdueWeeks = file.Climb?.OverdueWeeks ?? EscalationLadder.Default.ClimbAfterOverdueWeeks,
            SignWithinWorkingDays = file.SignWithinWorkingDays ?? EscalationLadder.Default.SignWithinWorkingDays,
            NoticeAfterProblemOverdueDays = file.Notices?.ProblemOverdueDays ?? EscalationLadder.Default.NoticeAfterProblemOverdueDays,
        };
    }

    private static IReadOnlyList<EscalationStep> Rungs(List<RungJson>? rungs, string where, List<string> problems)
    {
        if (rungs is not { Count: > 0 })
        {
            problems.Add($"{where}: at least one rung");
            return [];
        }

        if (rungs[0].OverdueDays != 0)
        {
            problems.Add($"{where}[0]: the first rung starts at overdueDays 0 (yellow and just overdue)");
        }

        for (var i = 1; i < rungs.Count; i++)
        {
            if (rungs[i].OverdueDays <= rungs[i - 1].OverdueDays)
            {
                problems.Add($"{where}[{i}]: overdueDays {rungs[i].OverdueDays} does not come after {rungs[i - 1].OverdueDays}");
            }
        }

        foreach (var (rung, i) in rungs.Select((r, i) => (r, i)).Where(r => r.r.Notify is not { Count: > 0 }))
        {
            problems.Add($"{where}[{i}]: notify names no role (handler, head, leader, coordinator, weekly-report)");
        }

        return rungs.Select(r => new EscalationStep(r.OverdueDays, (r.Notify ?? []).ToHashSet())).ToList();
    }

    private sealed record LadderJson(List<RungJson>? Rungs, List<OverrideJson>? Overrides, ClimbJson? Climb, int? SignWithinWorkingDays, NoticesJson? Notices);

    private sealed record NoticesJson(int? ProblemOverdueDays);

    private sealed record RungJson(int OverdueDays, List<EscalationRole>? Notify);

    private sealed record OverrideJson(int? Stage, string? Procedure, List<RungJson>? Rungs);

    private sealed record ClimbJson(int? YellowPeriods, int? OverdueWeeks);
}
