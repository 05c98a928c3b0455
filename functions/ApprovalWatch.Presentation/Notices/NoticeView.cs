using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Presentation.Notices;

/// <summary>
/// What a supervision notice says, in the order the document prints it: its title, number, rows of label and value, what
/// is required and who issues it. The document, its HTML and its mail all print these, in Chinese (an official document).
/// </summary>
public sealed record NoticeView(string Title, string Number, IReadOnlyList<NoticeRow> Rows, string Required, string Issuer, string IssuedOn)
{
    public static NoticeView Of(SupervisionNotice notice, Func<string, string> nameOf)
    {
        var department = Department.Find(notice.Department)?.ChineseName ?? notice.Department;
        var head = notice.OnBehalfOf is { } absent ? $"{notice.HeadName}（代 {absent}）" : notice.HeadName;
        var copies = new[] { notice.LeaderName is { Length: > 0 } leader ? $"{leader}（分管领导）" : null }
            .Concat(notice.Coordinators.Select(c => $"{nameOf(c)}（统筹协调）")).OfType<string>();
        List<NoticeRow> rows =
        [
            new("被督办单位", $"{department}　负责人：{head}"),
            new("项目", $"{notice.ProjectName}（{notice.ProjectCode}）"),
            new(notice.IsProblem ? "督办问题" : "督办事项", notice.ItemChinese),
        ];
        if (notice.HandlerName is { Length: > 0 } handler)
        {
            rows.Add(new("经办人", handler));
        }

        rows.Add(new(notice.IsProblem ? "提出日期" : "受理日期", IsoDate.Format(notice.StartedOn)));
        rows.Add(new(notice.IsProblem ? "解决时限" : "承诺时限", $"{notice.LimitDays} 个工作日，应于 {IsoDate.Format(notice.DueOn)} 前{(notice.IsProblem ? "解决" : "办结")}"));
        var unit = notice.StatutoryInDays ? "日" : "个工作日";
        if (notice.StatutoryDays > 0)
        {
            rows.Add(new("法定时限", notice.Basis.Length > 0 ? $"{notice.StatutoryDays} {unit}（依据{notice.Basis}）" : $"{notice.StatutoryDays} {unit}"));
        }
        else if (!notice.IsProblem)
        {
            rows.Add(new("法定时限", KindWords.GetValueOrDefault(notice.Kind, "无") + (notice.Basis.Length > 0 ? $"（{notice.Basis}）" : "")));
        }

        rows.Add(new("逾期情况", $"截至 {IsoDate.Format(notice.IssuedOn)} 已逾期 {notice.OverdueWorkingDays} 个工作日"));
        rows.Add(new("回告期限", $"{IsoDate.Format(notice.ReplyBy)} 前"));
        if (notice.Provisional)
        {
            rows.Add(new("暂定", "以上日期所跨年份的放假通知尚未发布，按法定节假日推算（不含调休），通知发布后重新计算"));
        }

        rows.Add(new("抄送", string.Join("、", copies) is { Length: > 0 } cc ? cc : "无"));
        var required = notice.IsProblem
            ? $"请{department}收到本督办单后立即研究解决该问题，并于 {IsoDate.Format(notice.ReplyBy)} 前通过重点项目看板书面回告未按期解决的原因、整改措施和承诺解决日期。逾期不回告的，报分管领导督办并在周调度会上通报。"
            : $"请{department}收到本督办单后立即加快办理该事项，并于 {IsoDate.Format(notice.ReplyBy)} 前通过重点项目看板书面回告逾期原因、整改措施和承诺办结日期。逾期不回告的，报分管领导督办并在周调度会上通报。";
        return new NoticeView("督 办 单", notice.Number, rows, required, notice.Issuer, IsoDate.Format(notice.IssuedOn));
    }

    // Why an item has no statutory limit: what it is in law.
    private static readonly Dictionary<Domain.Catalogue.ProcedureKind, string> KindWords = new()
    {
        [Domain.Catalogue.ProcedureKind.Filing] = "备案事项，法律未规定办理时限，按承诺时限督办",
        [Domain.Catalogue.ProcedureKind.Review] = "技术审查事项，非行政许可，法律未规定办理时限，按承诺时限督办",
        [Domain.Catalogue.ProcedureKind.Service] = "市政公用服务事项，非行政许可，按服务承诺时限督办",
        [Domain.Catalogue.ProcedureKind.Owner] = "建设单位自主实施事项，主管部门不作审批，按承诺时限督办",
    };
}

public sealed record NoticeRow(string Label, string Value);
