using System.Text.Json;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Text;
using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>A row of the Procedures table: PartitionKey = project code, RowKey = procedure code.</summary>
public sealed class ProcedureEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string ProjectName { get; set; } = "";

    public string County { get; set; } = "";

    public string Department { get; set; } = "";

    public string Status { get; set; } = "";

    public string AcceptedOn { get; set; } = "";

    public int LimitDays { get; set; }

    public string HandlerEmail { get; set; } = "";

    public string? CompletedOn { get; set; }

    public DateTimeOffset AsOf { get; set; }

    public string Pauses { get; set; } = "[]";

    public int ExtensionDays { get; set; }

    public string? ExtensionApprovedOn { get; set; }

    /// <summary>The blob the current facts came from, and the SHA-256 of its content.</summary>
    public string SourceBlob { get; set; } = "";

    public string SourceHash { get; set; } = "";

    public int SourceLine { get; set; }

    /// <summary>The day the application was received (收件), when reported.</summary>
    public string? ReceivedOn { get; set; }

    /// <summary>The day the applicant was told what to correct (补正告知), when reported.</summary>
    public string? CorrectionNotifiedOn { get; set; }

    /// <summary>Received, its acceptance not reported yet (<see cref="AcceptedOn"/> then the day received).</summary>
    public bool? AcceptancePending { get; set; }

    // The reform clocks (容缺受理, 告知承诺制), when reported:
    public string? MaterialsDueOn { get; set; }

    public string? MaterialsSuppliedOn { get; set; }

    public string? VerifyBy { get; set; }

    public string? VerifiedOn { get; set; }

    /// <summary>
    /// The status before the source file changed it (empty for a procedure it added); null when that file did
    /// not change the status. Lets a retried file write the audit row it may not have written before a crash.
    /// </summary>
    public string? StatusChangedFrom { get; set; }

    // The scan's columns (ScanFields): only what changes rarely is kept — the flag, the due date, the escalation counts (a red
    // procedure's once a week) — so a day's scan writes the rows whose state changed; the working days left are computed when read.
    public string? Flag { get; set; }

    public string? DueOn { get; set; }

    /// <summary>The due date or the days counted pass a year whose holiday notice is not loaded (暂定).</summary>
    public bool? DueProvisional { get; set; }

    /// <summary>Accepted by law on the day it was received (视为受理): its clock runs from then.</summary>
    public bool? DeemedAccepted { get; set; }

    public bool? FinishedLate { get; set; }

    public string? FlaggedOn { get; set; }

    public int? YellowPeriods { get; set; }

    public int? OverdueWeeks { get; set; }

    public string? LastOverdueWeek { get; set; }

    // The acknowledgement's columns (AckFields, the board's /ack), merged conditional on the ETag the page read:
    public string? AckBy { get; set; }

    public string? AckByName { get; set; }

    public string? AckOn { get; set; }

    public string? PromisedOn { get; set; }

    public int? AckRung { get; set; }

    public string? AckNote { get; set; }

    /// <summary>The id of the token that made the acknowledgement: the same link used again changes nothing.</summary>
    public string? AckTokenId { get; set; }

    /// <summary>Promises broken before this one (<see cref="Domain.Acknowledgements.Acknowledgement.Penalty"/>).</summary>
    public int? AckPenalty { get; set; }

    /// <summary>The columns the scan writes, a merge that leaves the reported facts alone; ingestion carries them over when it replaces a row.</summary>
    public static readonly ColumnGroup<ProcedureEntity> ScanFields = new(
        nameof(Flag),
        nameof(DueOn),
        nameof(DueProvisional),
        nameof(DeemedAccepted),
        nameof(FinishedLate),
        nameof(FlaggedOn),
        nameof(YellowPeriods),
        nameof(OverdueWeeks),
        nameof(LastOverdueWeek)
    );

    /// <summary>The scan's state, less the day it was flagged: a row that already says this is not written again.</summary>
    private static readonly ColumnGroup<ProcedureEntity> ScanState = new(
        nameof(Flag),
        nameof(DueOn),
        nameof(DueProvisional),
        nameof(DeemedAccepted),
        nameof(FinishedLate),
        nameof(YellowPeriods),
        nameof(OverdueWeeks),
        nameof(LastOverdueWeek)
    );

    /// <summary>The columns an acknowledgement writes; ingestion carries them over when it replaces a row.</summary>
    public static readonly ColumnGroup<ProcedureEntity> AckFields = new(
        nameof(AckBy),
        nameof(AckByName),
        nameof(AckOn),
        nameof(PromisedOn),
        nameof(AckRung),
        nameof(AckNote),
        nameof(AckTokenId),
        nameof(AckPenalty)
    );

    /// <summary>What the daily scan reads of a row: all but where it came from and the acknowledgement's token, about a fifth of its bytes.</summary>
    public static readonly IReadOnlyList<string> ScanColumns =
    [
        nameof(PartitionKey),
        nameof(RowKey),
        .. TableColumns
            .Of<ProcedureEntity>()
            .Except([nameof(SourceBlob), nameof(SourceHash), nameof(SourceLine), nameof(StatusChangedFrom), nameof(AckTokenId)]),
    ];

    [System.Runtime.Serialization.IgnoreDataMember]
    public Domain.Acknowledgements.Acknowledgement? Acknowledgement =>
        AckBy is { } by && PromisedOn is { } promised && AckOn is { } on
            ? new(by, AckByName ?? by, IsoDate.Parse(on), IsoDate.Parse(promised), AckRung ?? 0, AckNote ?? "", AckPenalty ?? 0)
            : null;

    /// <summary>The escalation counts the scan keeps here.</summary>
    [System.Runtime.Serialization.IgnoreDataMember]
    public EscalationCounts EscalationCounts => new(YellowPeriods ?? 0, OverdueWeeks ?? 0, LastOverdueWeek);

    public static ProcedureEntity From(Procedure p, string sourceBlob, string sourceHash, int sourceLine) => new()
    {
        PartitionKey = p.ProjectCode,
        RowKey = p.ProcedureCode,
        ProjectName = p.ProjectName,
        County = p.County,
        Department = p.Department,
        Status = p.Status.Code(),
        AcceptedOn = IsoDate.Format(p.AcceptedOn),
        LimitDays = p.LimitDays,
        HandlerEmail = p.HandlerEmail,
        CompletedOn = IsoDate.Format(p.CompletedOn),
        AsOf = p.AsOf,
        Pauses = JsonSerializer.Serialize(p.Pauses.Select(x => new StoredPause(IsoDate.Format(x.From), IsoDate.Format(x.To), x.Reason)), StoredPause.Options),
        ExtensionDays = p.ExtensionDays,
        ExtensionApprovedOn = IsoDate.Format(p.ExtensionApprovedOn),
        ReceivedOn = IsoDate.Format(p.ReceivedOn),
        CorrectionNotifiedOn = IsoDate.Format(p.CorrectionNotifiedOn),
        AcceptancePending = p.AcceptancePending ? true : null,
        MaterialsDueOn = IsoDate.Format(p.MaterialsDueOn),
        MaterialsSuppliedOn = IsoDate.Format(p.MaterialsSuppliedOn),
        VerifyBy = IsoDate.Format(p.VerifyBy),
        VerifiedOn = IsoDate.Format(p.VerifiedOn),
        SourceBlob = sourceBlob,
        SourceHash = sourceHash,
        SourceLine = sourceLine,
    };

    public Procedure ToProcedure()
    {
        ProcedureStatuses.TryParse(Status, out var status);
        return new Procedure
        {
            ProjectCode = PartitionKey,
            ProcedureCode = RowKey,
            ProjectName = ProjectName,
            County = County,
            Department = Department,
            Status = status,
            AcceptedOn = IsoDate.Parse(AcceptedOn),
            LimitDays = LimitDays,
            HandlerEmail = HandlerEmail,
            CompletedOn = IsoDate.ParseOptional(CompletedOn),
            AsOf = AsOf,
            Pauses = PauseList(),
            ExtensionDays = ExtensionDays,
            ExtensionApprovedOn = IsoDate.ParseOptional(ExtensionApprovedOn),
            ReceivedOn = IsoDate.ParseOptional(ReceivedOn),
            CorrectionNotifiedOn = IsoDate.ParseOptional(CorrectionNotifiedOn),
            AcceptancePending = AcceptancePending == true,
            MaterialsDueOn = IsoDate.ParseOptional(MaterialsDueOn),
            MaterialsSuppliedOn = IsoDate.ParseOptional(MaterialsSuppliedOn),
            VerifyBy = IsoDate.ParseOptional(VerifyBy),
            VerifiedOn = IsoDate.ParseOptional(VerifiedOn),
        };
    }

    public List<Pause> PauseList() => (JsonSerializer.Deserialize<List<StoredPause>>(Pauses, StoredPause.Options) ?? [])
        .Select(x => new Pause(IsoDate.Parse(x.From), IsoDate.ParseOptional(x.To), x.Reason)).ToList();

    /// <summary>Carries over what the scan and acknowledgements wrote, so that a new report erases neither the last known flag nor a promise.</summary>
    public ProcedureEntity WithScanFieldsOf(ProcedureEntity stored)
    {
        ScanFields.Copy(stored, this);
        AckFields.Copy(stored, this);
        ETag = stored.ETag;
        return this;
    }

    /// <summary>The scan's columns of this row as measured on <paramref name="today"/> (the keys with them, every other column left empty).</summary>
    public ProcedureEntity Scanned(Domain.Scanning.ProcedureMeasure measure, DateOnly today) => new()
    {
        PartitionKey = PartitionKey,
        RowKey = RowKey,
        ETag = ETag.All,
        Flag = measure.Assessment.Flag.Code(),
        DueOn = IsoDate.Format(measure.Assessment.Deadline.DueOn),
        DueProvisional = measure.Assessment.Provisional ? true : null,
        DeemedAccepted = measure.Assessment.Deemed ? true : null,
        FinishedLate = measure.Assessment.FinishedLate,
        FlaggedOn = IsoDate.Format(today),
        YellowPeriods = measure.Counts.YellowPeriods,
        OverdueWeeks = measure.Counts.OverdueWeeks,
        LastOverdueWeek = measure.Counts.LastOverdueWeek,
    };

    /// <summary>True when this row already says what <paramref name="scanned"/> says (the day it was flagged aside).</summary>
    public bool SaysAlready(ProcedureEntity scanned) => ScanState.Same(this, scanned);

    /// <summary>
    /// The acknowledgement's columns of this row as read (its ETag), made with the token <paramref name="tokenId"/>; the note
    /// cut to <see cref="Domain.Acknowledgements.Acknowledgement.MaxNote"/>.
    /// </summary>
    public ProcedureEntity Acknowledged(Domain.Acknowledgements.Acknowledgement ack, string tokenId) => new()
    {
        PartitionKey = PartitionKey,
        RowKey = RowKey,
        ETag = ETag,
        AckBy = ack.By,
        AckByName = ack.ByName,
        AckOn = IsoDate.Format(ack.On),
        PromisedOn = IsoDate.Format(ack.PromisedOn),
        AckRung = ack.Rung,
        AckNote = Domain.Acknowledgements.Acknowledgement.Cut(ack.Note),
        AckTokenId = tokenId,
        AckPenalty = ack.Penalty,
    };

    private sealed record StoredPause(string From, string? To, string Reason)
    {
        public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
    }
}
