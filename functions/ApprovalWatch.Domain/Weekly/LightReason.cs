using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApprovalWatch.Domain.Weekly;

/// <summary>
/// Why a project is lit, as data: the reader's language says it (<c>Presentation/Weekly/ReasonText</c>). A report
/// archived before reasons were data holds them as text; such a reason reads back as <see cref="Text"/>.
/// </summary>
[JsonConverter(typeof(LightReasonConverter))]
public sealed record LightReason(
    string Kind,
    decimal? Points = null,
    DateOnly? Month = null,
    string? Procedure = null,
    string? Problem = null,
    int? WorkingDays = null,
    string? Text = null
)
{
    public const string BelowPace = "below_pace";
    public const string StartMissed = "start_missed";
    public const string ProcedureOverdue = "procedure_overdue";
    public const string ProblemOverdue = "problem_overdue";
    public const string Legacy = "text";

    public static LightReason InvestmentBelowPace(decimal points) => new(BelowPace, Points: points);

    public static LightReason NotStarted(DateOnly plannedMonth) => new(StartMissed, Month: plannedMonth);

    public static LightReason OverdueProcedure(string code, int workingDays) => new(ProcedureOverdue, Procedure: code, WorkingDays: workingDays);

    /// <param name="text">The problem's words, so that the reader knows which one without looking it up.</param>
    public static LightReason OverdueProblem(string id, string text, int workingDays) => new(ProblemOverdue, Problem: id, Text: text, WorkingDays: workingDays);
}

/// <summary>Reads a reason written as an object, or as the text of a report archived before (kind <c>text</c>).</summary>
public sealed class LightReasonConverter : JsonConverter<LightReason>
{
    public override LightReason? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new LightReason(LightReason.Legacy, Text: reader.GetString());
        }

        return JsonSerializer.Deserialize<Plain>(ref reader, options) is { } p
            ? new LightReason(p.Kind, p.Points, p.Month, p.Procedure, p.Problem, p.WorkingDays, p.Text)
            : null;
    }

    public override void Write(Utf8JsonWriter writer, LightReason value, JsonSerializerOptions options)
    {
        JsonSerializer.Serialize(
            writer,
            new Plain(value.Kind, value.Points, value.Month, value.Procedure, value.Problem, value.WorkingDays, value.Text),
            options
        );
    }

    // The same fields in a type without this converter, so that it is not called again.
    private sealed record Plain(string Kind, decimal? Points, DateOnly? Month, string? Procedure, string? Problem, int? WorkingDays, string? Text);
}
