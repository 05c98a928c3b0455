namespace ApprovalWatch.Domain.Calendar;

/// <summary>
/// One year of one calendar layer, as published in one notice; or, where the notice is not loaded yet, as the layer's
/// rules reckon it (<see cref="Provisional"/>, 暂定), its source then the rule's.
/// </summary>
public sealed record CalendarYear(int Year, string Layer, string Source, IReadOnlyList<CalendarDay> Days)
{
    public bool Provisional { get; init; }
}
