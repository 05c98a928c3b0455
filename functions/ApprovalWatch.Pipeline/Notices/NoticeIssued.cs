using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Domain.Reference;

namespace ApprovalWatch.Pipeline.Notices;

/// <summary>A supervision notice was issued (again, when the day's run is tried again): numbered, archived and mailed.</summary>
public sealed record NoticeIssued(SupervisionNotice Notice, ReferenceData Reference);
