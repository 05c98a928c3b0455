namespace ApprovalWatch.Domain.Calendar;

/// <summary>A date falls in a year whose official notice is not loaded: never guess a working day.</summary>
public sealed class CalendarYearMissingException(string calendar, int year)
    : InvalidOperationException($"Calendar '{calendar}' has no data for {year}: load the official holiday notice for {year} into config/calendar/.")
{
    public string Calendar { get; } = calendar;

    public int Year { get; } = year;
}
