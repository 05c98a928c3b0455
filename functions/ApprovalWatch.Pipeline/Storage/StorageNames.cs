namespace ApprovalWatch.Pipeline.Storage;

/// <summary>
/// The names of the containers, queues and tables. The queue names are also the Functions triggers'
/// <c>%IngestQueue%</c>, <c>%NotifyQueue%</c> and <c>%ScanQueue%</c> settings; tests give every run names of its own.
/// </summary>
public sealed class StorageNames
{
    public string SubmissionsContainer { get; set; } = "submissions";

    public string ReceiptsContainer { get; set; } = "receipts";

    public string ConfigContainer { get; set; } = "config";

    public string DigestsContainer { get; set; } = "digests";

    public string TemplatesContainer { get; set; } = "templates";

    public string ReportsContainer { get; set; } = "reports";

    /// <summary>Supervision notices as issued: <c>{year}/{number}.docx</c> and <c>.html</c>.</summary>
    public string NoticesContainer { get; set; } = "notices";

    /// <summary>The last copy of each configuration file that was accepted, read when the current one is refused in a fresh process.</summary>
    public string LastGoodConfigContainer { get; set; } = "config-lastgood";

    /// <summary>The nightly export of every state table: <c>{date}/{table}.jsonl</c>, immutable for its retention.</summary>
    public string BackupsContainer { get; set; } = "backups";

    public string IngestQueue { get; set; } = "ingest";

    public string NotifyQueue { get; set; } = "notify";

    public string ScanQueue { get; set; } = "scan";

    public string ProceduresTable { get; set; } = "Procedures";

    public string ProjectsTable { get; set; } = "Projects";

    public string HistoryTable { get; set; } = "History";

    public string SubmissionsTable { get; set; } = "Submissions";

    public string NotificationsTable { get; set; } = "Notifications";

    public string ScansTable { get; set; } = "Scans";

    /// <summary>The key projects: per project code, its register row, its progress reports and its problems.</summary>
    public string KeyProjectsTable { get; set; } = "KeyProjects";

    /// <summary>Supervision notices: per year, the sequence counter, the notices and one claim per line and rung.</summary>
    public string NoticesTable { get; set; } = "Notices";

    /// <summary>Absences entered on the board (my leave), beside <c>config/leave.csv</c>.</summary>
    public string LeaveTable { get; set; } = "Leave";

    /// <summary>Names with a suffix of letters and digits, so that parallel runs share nothing.</summary>
    public static StorageNames WithSuffix(string suffix)
    {
        var s = suffix.ToLowerInvariant();
        return new StorageNames
        {
            SubmissionsContainer = $"submissions-{s}",
            ReceiptsContainer = $"receipts-{s}",
            ConfigContainer = $"config-{s}",
            DigestsContainer = $"digests-{s}",
            TemplatesContainer = $"templates-{s}",
            ReportsContainer = $"reports-{s}",
            NoticesContainer = $"notices-{s}",
            LastGoodConfigContainer = $"config-lastgood-{s}",
            BackupsContainer = $"backups-{s}",
            IngestQueue = $"ingest-{s}",
            NotifyQueue = $"notify-{s}",
            ScanQueue = $"scan-{s}",
            ProceduresTable = $"Procedures{s}",
            ProjectsTable = $"Projects{s}",
            HistoryTable = $"History{s}",
            SubmissionsTable = $"Submissions{s}",
            NotificationsTable = $"Notifications{s}",
            ScansTable = $"Scans{s}",
            KeyProjectsTable = $"KeyProjects{s}",
            NoticesTable = $"Notices{s}",
            LeaveTable = $"Leave{s}",
        };
    }
}
