using ApprovalWatch.Calendar;
using ApprovalWatch.Catalogue;
using ApprovalWatch.Staff;

namespace ApprovalWatch.Reference;

/// <summary>The reference data of one run (catalogue, directory, calendars), loaded from the <c>config</c> container and validated.</summary>
public sealed record ReferenceData(ProcedureCatalogue Catalogue, StaffDirectory Staff, CalendarSet Calendars);
