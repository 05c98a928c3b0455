using System.Globalization;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Presentation.Digests;

/// <summary>The words of a digest in one language: headings, labels and how a line's state, responsibility and time limit read.</summary>
public abstract class DigestText
{
    public static readonly DigestText Chinese = new ChineseText();
    public static readonly DigestText English = new EnglishText();

    public static DigestText For(Language language) => language == Language.English ? English : Chinese;

    public abstract Language Language { get; }

    public abstract string Greeting(string name);

    public abstract string Intro(DateOnly date);

    public abstract string Subject(DateOnly date, int red, int yellow, DigestLine? worst);

    public abstract string Heading(DigestReason reason);

    public abstract string State(DigestLine line);

    /// <summary>The words of a line's acknowledgement link.</summary>
    public abstract string AckLabel { get; }

    public abstract string Change(LineChange change);

    public abstract string Responsibility(DigestLine line);

    public abstract string Limit(DigestLine line);

    public abstract string Handler(string name, string email);

    public abstract string OthersInDepartment(int red, int yellow);

    /// <summary>What a long section leaves out, after its most urgent lines.</summary>
    public abstract string More(int red, int yellow);

    public abstract IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>A project with its code, as a heading or in the resolved list.</summary>
    public string Project(string name, string code) => Language == Language.English ? $"{name} ({code})" : $"{name}（{code}）";

    public string Name(DigestLine line) => Language == Language.English ? line.EnglishName : line.ChineseName;

    public string Name(DigestItem item) => Language == Language.English ? item.EnglishName : item.ChineseName;

    public string DepartmentName(string id) =>
        Department.Find(id) is { } d ? (Language == Language.English ? d.EnglishName : d.ChineseName) : id;

    protected static string Iso(DateOnly date) => IsoDate.Format(date);

    private sealed class ChineseText : DigestText
    {
        public override Language Language => Language.Chinese;

        public override IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>
        {
            ["summary"] = "概览",
            ["overdue"] = "超期",
            ["due_soon"] = "临期",
            ["new"] = "新增",
            ["worse"] = "加重",
            ["still_open"] = "持续",
            ["resolved"] = "已解除",
            ["worst"] = "最紧急",
            ["state"] = "状态",
            ["change"] = "变化",
            ["item"] = "事项",
            ["responsibility"] = "责任",
            ["accepted"] = "受理",
            ["limit"] = "时限",
            ["due"] = "应办结",
            ["resolved_heading"] = "自上次提醒以来已解除的事项",
            ["note"] = "注意",
            ["colon"] = "：",
            ["signature"] = "ApprovalWatch 重点项目代办窗口",
        };

        public override string Greeting(string name) => $"{name}，您好：";

        public override string Intro(DateOnly date) => $"截至 {date.Year}年{date.Month}月{date.Day}日（北京时间），以下审批事项需要您关注。";

        public override string Subject(DateOnly date, int red, int yellow, DigestLine? worst) =>
            $"【审批时限提醒】{Iso(date)} 超期 {red} 项、临期 {yellow} 项" + (worst is null ? "" : $"；最紧急：{worst.ProjectName} {worst.ChineseName}（{State(worst)}）");

        public override string Heading(DigestReason reason) => reason switch
        {
            DigestReason.Handler => "您经办的临期、超期事项（按项目）",
            DigestReason.NoKnownHandler => "本部门经办人缺失或不在通讯录中的事项（按项目）",
            DigestReason.DepartmentHead => "本部门的超期事项（按经办人）",
            DigestReason.LeaderInCharge => "您包联部门持续超期的事项（按项目）",
            DigestReason.Coordinator => "各部门持续超期的事项（按部门）",
            DigestReason.ProjectAtRisk => "全流程或阶段时限临期、超期的项目",
            _ => throw new ArgumentOutOfRangeException(nameof(reason)),
        };

        public override string AckLabel => "已阅，承诺办结日期";

        public override string State(DigestLine line) => (line.Flag == Flag.Red
            ? $"超期 {line.OverdueWorkingDays} 个工作日"
            : line.WorkingDaysLeft == 0 ? "今日到期" : $"剩余 {line.WorkingDaysLeft} 个工作日")
            + (line is ProcedureLine { AcknowledgedBy: { } by, PromisedOn: { } promised } p
                ? p.AckLapsed ? $"；{by} 曾承诺 {Iso(promised)} 前办结，已逾期" : $"；{by} 已确认，承诺 {Iso(promised)} 前办结"
                : "");

        public override string Change(LineChange change) => change switch
        {
            LineChange.New => "新增",
            LineChange.Worse => "加重",
            _ => "持续",
        };

        public override string Responsibility(DigestLine line) => line switch
        {
            ProcedureLine p => $"{DepartmentName(p.Department)}，经办人 {Handler(p.HandlerName, p.HandlerEmail)}",
            ProjectLine p => $"待办部门 {string.Join("、", p.HoldingDepartments.Select(DepartmentName))}",
            ProblemLine p => $"责任部门 {DepartmentName(p.Department)}",
            _ => throw new ArgumentOutOfRangeException(nameof(line)),
        };

        public override string Handler(string name, string email) =>
            email.Length == 0 ? "（未填写）" : name == email ? email : $"{name}（{email}）";

        public override string Limit(DigestLine line)
        {
            if (line is ProblemLine)
            {
                return $"{Iso(line.StartedOn)} 提出，时限 {line.LimitDays} 个工作日，应于 {Iso(line.DueOn)} 前解决";
            }

            if (line is not ProcedureLine p)
            {
                return $"{Iso(line.StartedOn)} 首次受理，时限 {line.LimitDays} 个工作日，应于 {Iso(line.DueOn)} 前完成";
            }

            var limit = $"{Iso(p.StartedOn)} 受理，承诺 {p.LimitDays} 个工作日，应于 {Iso(p.DueOn)} 办结";
            if (p.StatutoryDays > 0)
            {
                limit += $"；法定 {p.StatutoryDays} 个工作日{(p.StatutoryDueOn is { } d ? $"（{Iso(d)}）" : "")}{(p.PastStatutory ? "，已超法定时限" : "")}";
            }

            limit += p.ExtensionDays > 0 ? $"；延长 {p.ExtensionDays} 个工作日" : "";
            return limit + (p.PausedWorkingDays > 0 ? $"；暂停不计 {p.PausedWorkingDays} 个工作日" : "");
        }

        public override string OthersInDepartment(int red, int yellow) => $"另有其他超期 {red} 项、临期 {yellow} 项";

        public override string More(int red, int yellow) => $"以上为最紧急的事项；本节另有超期 {red} 项、临期 {yellow} 项未列出。";
    }

    private sealed class EnglishText : DigestText
    {
        public override Language Language => Language.English;

        public override IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>
        {
            ["summary"] = "At a glance",
            ["overdue"] = "Overdue",
            ["due_soon"] = "Due soon",
            ["new"] = "New",
            ["worse"] = "Worse",
            ["still_open"] = "Still open",
            ["resolved"] = "Resolved",
            ["worst"] = "Most urgent",
            ["state"] = "State",
            ["change"] = "Change",
            ["item"] = "Procedure",
            ["responsibility"] = "Responsibility",
            ["accepted"] = "Accepted",
            ["limit"] = "Time limit",
            ["due"] = "Due",
            ["resolved_heading"] = "Resolved since your last digest",
            ["note"] = "Note",
            ["colon"] = ": ",
            ["signature"] = "ApprovalWatch, key project agency window",
        };

        public override string Greeting(string name) => $"Dear {name},";

        public override string Intro(DateOnly date) => $"As of {date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} (Beijing time), these approval procedures need your attention.";

        public override string Subject(DateOnly date, int red, int yellow, DigestLine? worst) =>
            $"Approval deadlines {Iso(date)}: {red} overdue, {yellow} due soon" + (worst is null ? "" : $"; most urgent: {worst.ProjectName}, {worst.EnglishName} ({State(worst)})");

        public override string Heading(DigestReason reason) => reason switch
        {
            DigestReason.Handler => "Procedures you handle that are due soon or overdue (by project)",
            DigestReason.NoKnownHandler => "Procedures of your department whose handler is missing or not in the directory (by project)",
            DigestReason.DepartmentHead => "Overdue procedures of your department (by handler)",
            DigestReason.LeaderInCharge => "Procedures of the departments in your charge that stay overdue (by project)",
            DigestReason.Coordinator => "Procedures that stay overdue, by department",
            DigestReason.ProjectAtRisk => "Projects due soon or overdue against their whole-process or stage limits",
            _ => throw new ArgumentOutOfRangeException(nameof(reason)),
        };

        public override string AckLabel => "Seen: promise a date";

        public override string State(DigestLine line) => (line.Flag == Flag.Red
            ? $"{line.OverdueWorkingDays} working day{Plural(line.OverdueWorkingDays)} overdue"
            : line.WorkingDaysLeft == 0 ? "due today" : $"{line.WorkingDaysLeft} working day{Plural(line.WorkingDaysLeft)} left")
            + (line is ProcedureLine { AcknowledgedBy: { } by, PromisedOn: { } promised } p
                ? p.AckLapsed ? $"; {by} promised it by {Iso(promised)}, which has passed" : $"; acknowledged by {by}, promised {Iso(promised)}"
                : "");

        public override string Change(LineChange change) => change switch
        {
            LineChange.New => "new",
            LineChange.Worse => "worse",
            _ => "still open",
        };

        public override string Responsibility(DigestLine line) => line switch
        {
            ProcedureLine p => $"{DepartmentName(p.Department)}, handler {Handler(p.HandlerName, p.HandlerEmail)}",
            ProjectLine p => $"open at {string.Join(", ", p.HoldingDepartments.Select(DepartmentName))}",
            ProblemLine p => $"{DepartmentName(p.Department)} to solve",
            _ => throw new ArgumentOutOfRangeException(nameof(line)),
        };

        public override string Handler(string name, string email) =>
            email.Length == 0 ? "(none given)" : name == email ? email : $"{name} <{email}>";

        public override string Limit(DigestLine line)
        {
            if (line is ProblemLine)
            {
                return $"raised {Iso(line.StartedOn)}, limit {line.LimitDays} working days, due {Iso(line.DueOn)}";
            }

            if (line is not ProcedureLine p)
            {
                return $"first accepted {Iso(line.StartedOn)}, limit {line.LimitDays} working days, due {Iso(line.DueOn)}";
            }

            var limit = $"accepted {Iso(p.StartedOn)}, promised {p.LimitDays} working days, due {Iso(p.DueOn)}";
            if (p.StatutoryDays > 0)
            {
                limit += $"; statutory {p.StatutoryDays}{(p.StatutoryDueOn is { } d ? $" ({Iso(d)})" : "")}{(p.PastStatutory ? ", PAST THE STATUTORY LIMIT" : "")}";
            }

            limit += p.ExtensionDays > 0 ? $"; extended by {p.ExtensionDays}" : "";
            return limit + (p.PausedWorkingDays > 0 ? $"; {p.PausedWorkingDays} paused days not counted" : "");
        }

        public override string OthersInDepartment(int red, int yellow) => $"and {red} other overdue, {yellow} due soon";

        public override string More(int red, int yellow) => $"The most urgent are listed above; {red} more overdue and {yellow} more due soon in this section are not.";

        private static string Plural(int n) => n == 1 ? "" : "s";
    }
}
