namespace ApprovalWatch.Submissions;

/// <summary>
/// A column of a department file, known by its English name or its Chinese alias. <see cref="Plain"/> columns
/// (codes, addresses, dates, numbers) are read in their plain form; every value is at most
/// <see cref="MaxLength"/> characters, far below what a table property holds (64 KiB).
/// </summary>
public sealed record SubmissionColumn(string Name, string ChineseName, bool Required, bool Plain = true, int MaxLength = 64)
{
    public static readonly SubmissionColumn ProjectCode = new("project_code", "项目代码", true);
    public static readonly SubmissionColumn ProjectName = new("project_name", "项目名称", false, Plain: false, MaxLength: 200);
    public static readonly SubmissionColumn County = new("county", "县市", false, Plain: false, MaxLength: 50);
    public static readonly SubmissionColumn Procedure = new("procedure", "审批事项", true);
    public static readonly SubmissionColumn Status = new("status", "办理状态", true);
    public static readonly SubmissionColumn AcceptedOn = new("accepted_on", "受理日期", true);
    public static readonly SubmissionColumn LimitDays = new("limit_days", "承诺时限", false);
    public static readonly SubmissionColumn HandlerEmail = new("handler_email", "经办人邮箱", true, MaxLength: 254);
    public static readonly SubmissionColumn CompletedOn = new("completed_on", "办结日期", false);
    public static readonly SubmissionColumn AsOf = new("as_of", "数据日期", false);
    public static readonly SubmissionColumn PausedFrom = new("paused_from", "暂停开始日期", false);
    public static readonly SubmissionColumn PausedTo = new("paused_to", "暂停结束日期", false);
    public static readonly SubmissionColumn PauseReason = new("pause_reason", "暂停原因", false, Plain: false, MaxLength: 500);
    public static readonly SubmissionColumn ExtendedDays = new("extended_days", "延长天数", false);
    public static readonly SubmissionColumn ExtensionApprovedOn = new("extension_approved_on", "延长批准日期", false);

    public static readonly IReadOnlyList<SubmissionColumn> All =
    [
        ProjectCode, ProjectName, County, Procedure, Status, AcceptedOn, LimitDays, HandlerEmail, CompletedOn, AsOf,
        PausedFrom, PausedTo, PauseReason, ExtendedDays, ExtensionApprovedOn,
    ];

    /// <summary>How a receipt names the column: both names, as a clerk may know either.</summary>
    public string Label => $"{ChineseName} {Name}";

    /// <summary>
    /// True when a header cell names this column: "project_code", "项目代码", both together as in
    /// "项目代码 project_code" or "项目代码(project_code)", wrapped over lines ("受理⏎日期"), or with a unit or
    /// hint in brackets ("承诺时限（工作日）", "受理日期【必填】").
    /// </summary>
    public bool IsNamedBy(string header)
    {
        var tokens = HeaderText.Tokens(header);
        return tokens.Any(t => t.Equals(Name, StringComparison.OrdinalIgnoreCase) || t == ChineseName)
            && tokens.All(t => t.Equals(Name, StringComparison.OrdinalIgnoreCase) || t == ChineseName || HeaderText.IsHint(t));
    }
}
