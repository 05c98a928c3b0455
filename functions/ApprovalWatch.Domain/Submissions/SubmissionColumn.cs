namespace ApprovalWatch.Domain.Submissions;

/// <summary>
/// A column of a department file, known by its English name or its Chinese alias. <see cref="Plain"/> columns
/// (codes, addresses, dates, numbers) are read in their plain form; every value is at most
/// <see cref="MaxLength"/> characters, far below what a table property holds (64 KiB).
/// </summary>
public sealed record SubmissionColumn(string Name, string ChineseName, bool Required, bool Plain = true, int MaxLength = 64, params string[] Aliases)
{
    public static readonly SubmissionColumn ProjectCode = new("project_code", "项目代码", true, Aliases: ["项目编码", "项目统一代码", "项目编号"]);
    public static readonly SubmissionColumn ProjectName = new("project_name", "项目名称", false, Plain: false, MaxLength: 200);
    public static readonly SubmissionColumn County = new("county", "县市", false, Plain: false, MaxLength: 50, Aliases: ["县", "县市区", "所属县市", "县区"]);
    public static readonly SubmissionColumn Procedure = new("procedure", "审批事项", true, Aliases: ["事项代码", "事项编码", "审批事项代码"]);
    public static readonly SubmissionColumn Status = new("status", "办理状态", true, Aliases: ["状态", "审批状态"]);
    public static readonly SubmissionColumn AcceptedOn = new("accepted_on", "受理日期", true, Aliases: ["受理时间"]);
    public static readonly SubmissionColumn LimitDays = new("limit_days", "承诺时限", false, Aliases: ["办理时限", "承诺办结时限"]);
    public static readonly SubmissionColumn HandlerEmail = new(
        "handler_email",
        "经办人邮箱",
        true,
        MaxLength: 254,
        Aliases: ["经办人电子邮箱", "经办人电子邮件", "经办人email", "经办人e-mail"]
    );
    public static readonly SubmissionColumn CompletedOn = new("completed_on", "办结日期", false, Aliases: ["办结时间"]);
    public static readonly SubmissionColumn AsOf = new("as_of", "数据日期", false, Aliases: ["填报日期", "统计日期", "数据截止日期"]);
    public static readonly SubmissionColumn PausedFrom = new("paused_from", "暂停开始日期", false, Aliases: ["暂停开始时间"]);
    public static readonly SubmissionColumn PausedTo = new("paused_to", "暂停结束日期", false, Aliases: ["暂停结束时间"]);
    public static readonly SubmissionColumn PauseReason = new("pause_reason", "暂停原因", false, Plain: false, MaxLength: 500);
    public static readonly SubmissionColumn ExtendedDays = new("extended_days", "延长天数", false, Aliases: ["延期天数", "延长时限"]);
    public static readonly SubmissionColumn ExtensionApprovedOn = new("extension_approved_on", "延长批准日期", false, Aliases: ["延期批准日期"]);

    /// <summary>The day the application was received (收件), before its acceptance: the deemed acceptance's day (行政许可法 第三十二条).</summary>
    public static readonly SubmissionColumn ReceivedOn = new("received_on", "收件日期", false, Aliases: ["收件时间", "申请日期"]);

    /// <summary>The day the applicant was told at once of everything to correct (一次性告知补正).</summary>
    public static readonly SubmissionColumn CorrectionNotifiedOn = new("correction_notified_on", "补正告知日期", false, Aliases: ["一次性告知日期"]);

    /// <summary>容缺受理: accepted with non-key materials missing, to be supplied by this day.</summary>
    public static readonly SubmissionColumn MaterialsDueOn = new("materials_due_on", "容缺补齐期限", false, Aliases: ["容缺材料补齐期限"]);

    /// <summary>The day the missing materials were supplied.</summary>
    public static readonly SubmissionColumn MaterialsSuppliedOn = new("materials_supplied_on", "容缺补齐日期", false, Aliases: ["容缺材料补齐日期"]);

    /// <summary>告知承诺制: approved on the applicant's commitment, to be verified by the department by this day.</summary>
    public static readonly SubmissionColumn VerifyBy = new("verify_by", "承诺核查期限", false, Aliases: ["告知承诺核查期限"]);

    /// <summary>The day the department verified the commitment.</summary>
    public static readonly SubmissionColumn VerifiedOn = new("verified_on", "承诺核查日期", false, Aliases: ["告知承诺核查日期"]);

    /// <summary>A pre-filled sheet's check of a row's locked cells (<see cref="LockedRow"/>).</summary>
    public static readonly SubmissionColumn RowCheck = new("row_check", "校验码", false);

    /// <summary>Why a row corrects what is stored: only a row that gives one may move a procedure back.</summary>
    public static readonly SubmissionColumn Correction = new("correction", "更正说明", false, Plain: false, MaxLength: 500, Aliases: ["更正原因"]);

    public static readonly IReadOnlyList<SubmissionColumn> All =
    [
        ProjectCode, ProjectName, County, Procedure, Status, AcceptedOn, LimitDays, HandlerEmail, CompletedOn, AsOf,
        PausedFrom, PausedTo, PauseReason, ExtendedDays, ExtensionApprovedOn, RowCheck, Correction, ReceivedOn, CorrectionNotifiedOn,
        MaterialsDueOn, MaterialsSuppliedOn, VerifyBy, VerifiedOn,
    ];

    /// <summary>How a receipt names the column: both names, as a clerk may know either.</summary>
    public string Label => $"{ChineseName} {Name}";

    /// <summary>
    /// True when a header cell names this column: "project_code", "项目代码" (or an alias such as "项目编码"),
    /// both together as in "项目代码 project_code" or "项目代码(project_code)", wrapped over lines ("受理⏎日期"),
    /// or with a unit, hint or example in brackets ("承诺时限（工作日）", "受理日期【必填，格式 2026-03-02】").
    /// </summary>
    public bool IsNamedBy(string header)
    {
        var (outside, inside) = HeaderText.Tokens(header);
        return outside.Concat(inside).Any(Names)
            && outside.All(t => Names(t) || HeaderText.IsHint(t));
    }

    private bool Names(string token) =>
        token.Equals(Name, StringComparison.OrdinalIgnoreCase) || token == ChineseName || Aliases.Any(a => a.Equals(token, StringComparison.OrdinalIgnoreCase));
}
