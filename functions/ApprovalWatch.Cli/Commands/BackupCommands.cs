using ApprovalWatch.Pipeline.Backup;

namespace ApprovalWatch.Cli.Commands;

/// <summary><c>approvalwatch backup --to DIR</c> and <c>restore --from DIR [--force]</c>: every state table, row for row.</summary>
public static class BackupCommands
{
    public static async Task<int> BackupAsync(CliSettings settings, string folder, TextWriter output, CancellationToken cancellationToken)
    {
        await using var runtime = await CliRuntime.StartAsync(settings, cancellationToken);
        var rows = await runtime.Get<TableBackup>().ExportToFolderAsync(folder, cancellationToken);
        Print(rows, $"Backed up into {Path.GetFullPath(folder)}", output);
        return 0;
    }

    /// <summary>Exit 2 when refused (a store already holding rows, a backup file missing or unreadable): nothing is changed then.</summary>
    public static async Task<int> RestoreAsync(CliSettings settings, string folder, bool force, TextWriter output, CancellationToken cancellationToken)
    {
        await using var runtime = await CliRuntime.StartAsync(settings, cancellationToken);
        var backup = runtime.Get<TableBackup>();
        try
        {
            var rows = await backup.RestoreFromFolderAsync(folder, force, cancellationToken);
            Print(rows, $"Restored from {Path.GetFullPath(folder)}", output);
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or FileNotFoundException or FormatException)
        {
            await output.WriteLineAsync($"Refused: {e.Message}");
            return 2;
        }
    }

    private static void Print(IReadOnlyDictionary<string, long> rows, string what, TextWriter output)
    {
        output.WriteLine($"{what}: {rows.Values.Sum()} row(s)");
        foreach (var (table, count) in rows)
        {
            output.WriteLine($"  {table,-14} {count}");
        }
    }
}
