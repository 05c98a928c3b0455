using System.Text.Json.Serialization;

namespace ApprovalWatch.Domain.Digests;

/// <summary>Who a rung of the escalation ladder notifies (as written in <c>escalation.json</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EscalationRole>))]
public enum EscalationRole
{
    /// <summary>The procedure's handler (his department's head when the directory does not know him).</summary>
    [JsonStringEnumMemberName("handler")]
    Handler,

    /// <summary>The head of the procedure's department.</summary>
    [JsonStringEnumMemberName("head")]
    Head,

    /// <summary>The leader in charge of the procedure's department.</summary>
    [JsonStringEnumMemberName("leader")]
    Leader,

    /// <summary>The development &amp; reform coordinator.</summary>
    [JsonStringEnumMemberName("coordinator")]
    Coordinator,

    /// <summary>Into the weekly report to the leadership (and sent even on a day off when so configured).</summary>
    [JsonStringEnumMemberName("weekly-report")]
    WeeklyReport,
}
