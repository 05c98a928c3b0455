using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Presentation.Notices;

/// <summary>
/// What a supervision notice says, in the order the document prints it: its title, number, the rows of the notice (to
/// whom, in copy, by when to reply), each item with its own rows and reply, what is required and who issues it. The
/// document, its HTML and its mail all print these, in Chinese (an official document).
/// </summary>
public sealed record NoticeView(
    string Title,
    string Number,
    IReadOnlyList<NoticeRow> Rows,
    IReadOnlyList<NoticeItemView> Items,
    string Required,
    string Issuer,
    string IssuedOn
)
{
    public static NoticeView Of(SupervisionNotice notice, Func<string, string> nameOf)
    {
        var department = Department.Find(notice.Department)?.ChineseName ?? notice.Department;
        var head = notice.OnBehalfOf is { } absent ? $"{notice.HeadName}（代 {absent}）" : notice.HeadName;
        var copies = new[] { notice.LeaderName is { Length: > 0 } leader ? $"{leader}（{department}分管领导）" : null }
            .Concat(notice.Coordinators.Select(c => $"{nameOf(c)}（统筹协调）")).OfType<string>();
        List<NoticeRow> rows =
        [
            new("被督办单位", $"{department}　负责人：{head}"),
            new("督办事项", $"{notice.Items.Count} 项（见下）"),
            new("回告期限", $"{IsoDate.Format(notice.ReplyBy)} 前，逐项回告"),
        ];
        if (notice.IssuedBy.Length > 0)
        {
            rows.Add(new("督办人", notice.IssuedBy));
        }

        if (notice.Provisional)
        {
            rows.Add(new("暂定", "标注日期所跨年份的放假通知尚未发布，按法定节假日推算（不含调休），通知发布后重新计算"));
        }

        rows.Add(new("抄送", string.Join("、", copies) is { Length: > 0 } cc ? cc : "无"));
        var items = notice.Items.Select((item, i) => NoticeItemView.Of(item, i + 1, notice)).ToList();
        var anyProblem = notice.Items.Any(i => i.IsProblem);
        var anyProcedure = notice.Items.Any(i => !i.IsProblem);
        var what = (anyProcedure, anyProblem) switch
        {
            (true, true) => "加快办理上述事项、研究解决上述问题",
            (false, true) => "研究解决上述问题",
            _ => "加快办理上述事项",
        };
        var required = $"请{department}收到本督办单后立即{what}，并于 {IsoDate.Format(notice.ReplyBy)} 前通过重点项目看板逐项书面回告逾期原因、整改措施和承诺完成日期；"
            + "承诺日期超过法定时限的，须说明理由并报分管领导。逾期不回告或承诺到期仍未完成的，报分管领导督办并在周调度会上通报。";
        return new NoticeView("督 办 单", notice.Number, rows, items, required, notice.Issuer, IsoDate.Format(notice.IssuedOn));
    }
}

/// <summary>One item of a notice as printed: its heading, its rows, and its reply (or what became of it) for the board's view.</summary>
public sealed record NoticeItemView(string Key, string Heading, IReadOnlyList<NoticeRow> Rows, IReadOnlyList<NoticeRow> Trail)
{
    public static NoticeItemView Of(NoticeItem item, int index, SupervisionNotice notice)
    {
        List<NoticeRow> rows = [new("项目", $"{item.ProjectName}（{item.ProjectCode}）")];
        if (item.ProjectLeaderName is { Length: > 0 } projectLeader)
        {
            rows.Add(new("项目包联领导", projectLeader));
        }

        if (item.HandlerName is { Length: > 0 } handler)
        {
            rows.Add(new("经办人", handler));
        }

        rows.Add(new(item.IsProblem ? "提出日期" : "受理日期", IsoDate.Format(item.StartedOn)));
        rows.Add(new(item.IsProblem ? "解决时限" : "承诺时限", $"{item.LimitDays} 个工作日，应于 {IsoDate.Format(item.DueOn)} 前{(item.IsProblem ? "解决" : "办结")}"));
        var unit = item.StatutoryInDays ? "日" : "个工作日";
        if (item.StatutoryDays > 0)
        {
            var due = item.StatutoryDueOn is { } law ? $"，应于 {IsoDate.Format(law)} 前办结" : "";
            rows.Add(new("法定时限", (item.Basis.Length > 0 ? $"{item.StatutoryDays} {unit}（依据{item.Basis}）" : $"{item.StatutoryDays} {unit}") + due));
        }
        else if (!item.IsProblem)
        {
            rows.Add(new("法定时限", KindWords.GetValueOrDefault(item.Kind, "无") + (item.Basis.Length > 0 ? $"（{item.Basis}）" : "")));
        }

        rows.Add(new("逾期情况", $"截至 {IsoDate.Format(notice.IssuedOn)} 已逾期 {item.OverdueWorkingDays} 个工作日{(item.Provisional ? "（暂定）" : "")}"));
        List<NoticeRow> trail = [];
        foreach (var back in item.SentBack)
        {
            trail.Add(new("原回告", Said(back.Reply)));
            trail.Add(
                back.By.Length > 0
                    ? new("退回重报", $"{back.By}，{IsoDate.Format(back.On)}：{back.Reason}")
                    : new("承诺未兑现", $"承诺日期 {IsoDate.Format(back.Reply.PromisedOn)} 已过仍未完成，{IsoDate.Format(back.On)} 起重新列为未回告")
            );
        }

        if (item.Reply is { } reply)
        {
            trail.Add(new("回告", Said(reply)));
        }
        else if (item.MovedTo is { } moved)
        {
            trail.Add(new("转办", $"{IsoDate.Format(item.MovedOn ?? notice.IssuedOn)} 随事项转至{Department.Find(moved)?.ChineseName ?? moved}，由其回告"));
        }
        else if (item.ReplyBy is { } again)
        {
            trail.Add(new("重新回告期限", $"{IsoDate.Format(again)} 前"));
        }

        if (item.ClimbedOn is { } climbed)
        {
            trail.Add(new("报分管领导", IsoDate.Format(climbed)));
        }

        var heading = $"{index}. {(item.IsProblem ? "督办问题" : "督办事项")}：{item.ItemChinese}";
        return new NoticeItemView(item.Key, heading, rows, trail);
    }

    private static string Said(NoticeReply reply) =>
        $"{reply.ByName}，{IsoDate.Format(reply.RepliedOn)}。原因：{reply.Reason}；措施：{reply.Measures}；承诺完成日期：{IsoDate.Format(reply.PromisedOn)}"
        + (reply.ExceedReason.Length > 0 ? $"；超过法定时限的理由：{reply.ExceedReason}" : "");

    // Why an item has no statutory limit: what it is in law.
    private static readonly Dictionary<ProcedureKind, string> KindWords = new()
    {
        [ProcedureKind.Filing] = "备案事项，法律未规定办理时限，按承诺时限督办",
        [ProcedureKind.Review] = "技术审查事项，非行政许可，法律未规定办理时限，按承诺时限督办",
        [ProcedureKind.Service] = "市政公用服务事项，非行政许可，按服务承诺时限督办",
        [ProcedureKind.Owner] = "建设单位自主实施事项，主管部门不作审批，按承诺时限督办",
    };
}

public sealed record NoticeRow(string Label, string Value);
