using ApprovalWatch.Calendar;
using ApprovalWatch.Catalogue;
using ApprovalWatch.Staff;

namespace ApprovalWatch.Configuration;

/// <summary>The configuration data of one run, loaded from the <c>config</c> container and validated.</summary>
public sealed record PipelineConfig(ProcedureCatalogue Catalogue, StaffDirectory Staff, CalendarSet Calendars);
