namespace ApprovalWatch.Domain.Calendar;

/// <summary>
/// An immutable working-day calendar over a run of whole years, built once per run. Prefix counts of
/// working days make every question O(1): how many working days lie between two dates, and which date
/// is the N-th working day after another.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly int _firstDayNumber;
    private readonly int _lastDayNumber;
    private readonly int _firstYear;
    private readonly int _lastYear;

    // _workingBefore[i]: working days in [first, first + i). One more entry than there are days.
    private readonly int[] _workingBefore;

    // _workingDays[k]: offset from the first day of the k-th working day (0-based).
    private readonly int[] _workingDays;

    private readonly Dictionary<DateOnly, CalendarDay> _exceptions;

    private readonly HashSet<int> _provisional;

    private WorkingCalendar(
        string name,
        int firstYear,
        int lastYear,
        Dictionary<DateOnly, CalendarDay> exceptions,
        IReadOnlyDictionary<int, IReadOnlyList<string>> sources,
        HashSet<int> provisional
    )
    {
        Name = name;
        _provisional = provisional;
        _firstYear = firstYear;
        _lastYear = lastYear;
        _exceptions = exceptions;
        Sources = sources;
        var first = new DateOnly(firstYear, 1, 1);
        _firstDayNumber = first.DayNumber;
        _lastDayNumber = new DateOnly(lastYear, 12, 31).DayNumber;
        var days = _lastDayNumber - _firstDayNumber + 1;
        _workingBefore = new int[days + 1];
        var working = new List<int>(days * 3 / 4);
        for (var i = 0; i < days; i++)
        {
            var isWorking = IsWorkingByRule(first.AddDays(i));
            _workingBefore[i + 1] = _workingBefore[i] + (isWorking ? 1 : 0);
            if (isWorking)
            {
                working.Add(i);
            }
        }

        _workingDays = [.. working];
    }

    public string Name { get; }

    private WorkingCalendar? _everyDay;

    /// <summary>
    /// The same years with every day counted: for a limit a law sets in days (日) rather than working days, a pause's
    /// days still not counted.
    /// </summary>
    public WorkingCalendar EveryDay =>
        _everyDay ??= new WorkingCalendar(
            Name + "/every-day",
            _firstYear,
            _lastYear,
            Enumerable.Range(0, _lastDayNumber - _firstDayNumber + 1)
                .Select(i => DateOnly.FromDayNumber(_firstDayNumber + i))
                .ToDictionary(d => d, d => new CalendarDay(d, DayKind.WorkingDay, "")),
            Sources,
            _provisional
        );

    public int FirstYear => _firstYear;

    public int LastYear => _lastYear;

    /// <summary>For each year, the notices its data comes from (one per layer), so any due date can be reproduced.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> Sources { get; }

    /// <summary>The years some layer of this calendar has not loaded the notice of: reckoned by its rules (暂定).</summary>
    public IReadOnlyCollection<int> ProvisionalYears => _provisional;

    public bool IsProvisional(int year) => _provisional.Contains(year);

    /// <summary>True when a count of days from <paramref name="from"/> to <paramref name="to"/> (either order) passes a provisional year.</summary>
    public bool AnyProvisional(DateOnly from, DateOnly to)
    {
        var (first, last) = from <= to ? (from.Year, to.Year) : (to.Year, from.Year);
        for (var year = first; year <= last && _provisional.Count > 0; year++)
        {
            if (_provisional.Contains(year))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The dates of the loaded years that differ from the Monday–Friday rule.</summary>
    public IEnumerable<CalendarDay> Exceptions => _exceptions.Values.OrderBy(d => d.Date);

    /// <summary>
    /// Builds a calendar from layers of notices: the national notice of each year first, then regional
    /// overlays, a later layer overriding an earlier one on the same date. The years must be contiguous; a year
    /// any layer of which is reckoned by its rules (<see cref="CalendarYear.Provisional"/>) is provisional.
    /// </summary>
    public static WorkingCalendar Build(string name, IEnumerable<CalendarYear> layers)
    {
        var years = layers.ToList();
        if (years.Count == 0)
        {
            throw new ArgumentException($"Calendar '{name}' has no years loaded.", nameof(layers));
        }

        var loaded = years.Select(y => y.Year).Distinct().Order().ToList();
        for (var year = loaded[0]; year <= loaded[^1]; year++)
        {
            if (!loaded.Contains(year))
            {
                throw new CalendarYearMissingException(name, year);
            }
        }

        var exceptions = new Dictionary<DateOnly, CalendarDay>();
        foreach (var day in years.SelectMany(y => y.Days))
        {
            exceptions[day.Date] = exceptions.TryGetValue(day.Date, out var under) && under.Kind != day.Kind ? day with { Overrides = under } : day;
        }

        var sources = years
            .GroupBy(y => y.Year)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(y => y.Source).Where(s => s.Length > 0).ToList());
        var provisional = years.Where(y => y.Provisional).Select(y => y.Year).ToHashSet();
        return new WorkingCalendar(name, loaded[0], loaded[^1], exceptions, sources, provisional);
    }

    public bool IsWorkingDay(DateOnly date)
    {
        var i = Offset(date);
        return _workingBefore[i + 1] != _workingBefore[i];
    }

    /// <summary>What the notice says of a date, or null where the Monday–Friday rule holds.</summary>
    public CalendarDay? Exception(DateOnly date)
    {
        Offset(date);
        return _exceptions.GetValueOrDefault(date);
    }

    /// <summary>Working days in (from, to]; negative when <paramref name="to"/> is before <paramref name="from"/>.</summary>
    public int WorkingDaysAfter(DateOnly from, DateOnly to) => _workingBefore[Offset(to) + 1] - _workingBefore[Offset(from) + 1];

    /// <summary>Working days in [from, to], both days counted.</summary>
    /// <summary>A working day with no working day before it in its month; only that month's days are asked (on 2 January, last year's may not be
    /// loaded).</summary>
    public bool IsFirstWorkingDayOfMonth(DateOnly date) =>
        IsWorkingDay(date) && Enumerable.Range(1, date.Day - 1).All(day => !IsWorkingDay(new DateOnly(date.Year, date.Month, day)));

    public int WorkingDaysIn(DateOnly from, DateOnly to) => WorkingDaysAfter(from, to) + (IsWorkingDay(from) ? 1 : 0);

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="from"/> (the day itself is not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly from, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return from;
        }

        var k = _workingBefore[Offset(from) + 1] + count - 1;
        if (k >= _workingDays.Length)
        {
            throw new CalendarYearMissingException(Name, _lastYear + 1);
        }

        return DateOnly.FromDayNumber(_firstDayNumber + _workingDays[k]);
    }

    /// <summary>The latest working day on or before <paramref name="date"/>, or null if none is loaded.</summary>
    public DateOnly? WorkingDayOnOrBefore(DateOnly date)
    {
        var count = _workingBefore[Offset(date) + 1];
        return count == 0 ? null : DateOnly.FromDayNumber(_firstDayNumber + _workingDays[count - 1]);
    }

    public bool Covers(DateOnly date) => date.DayNumber >= _firstDayNumber && date.DayNumber <= _lastDayNumber;

    private int Offset(DateOnly date) => Covers(date)
        ? date.DayNumber - _firstDayNumber
        : throw new CalendarYearMissingException(Name, date.Year);

    private bool IsWorkingByRule(DateOnly date) => _exceptions.TryGetValue(date, out var day)
        ? day.Kind == DayKind.WorkingDay
        : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}
