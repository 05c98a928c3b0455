namespace ApprovalWatch.Pipeline.Hosting;

/// <summary>
/// The timers' default schedules (NCRONTAB, UTC), the one source of them: the CLI's host uses these, and tests hold
/// <c>local.settings.json</c> and <c>infra/main.bicep</c> to the same values.
/// </summary>
public static class Schedules
{
    /// <summary>GatherSchedule: every five minutes.</summary>
    public const string Gather = "0 */5 * * * *";

    /// <summary>ScanSchedule: 00:30 UTC, 08:30 Beijing time, before any office opens.</summary>
    public const string Scan = "0 30 0 * * *";

    /// <summary>WeeklySchedule: Mondays 00:00 UTC, 08:00 Beijing time.</summary>
    public const string Weekly = "0 0 0 * * 1";

    /// <summary>BackupSchedule: 19:00 UTC, 03:00 Beijing time, when nobody works: every state table into backups/.</summary>
    public const string Backup = "0 0 19 * * *";
}
