using System.Diagnostics;
using ApprovalWatch.Pipeline.Storage;

namespace ApprovalWatch.Cli.Local;

/// <summary>This CLI started as a child process over given storage names (top-level settings, as in Azure): for fault runs that kill it.</summary>
public static class ChildCli
{
    public static Process Start(IEnumerable<string> args, string? storage, StorageNames names)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(ChildCli).Assembly.Location, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var property in typeof(StorageNames).GetProperties())
        {
            start.Environment[property.Name] = (string)property.GetValue(names)!;
        }

        if (storage is not null)
        {
            start.Environment["AzureWebJobsStorage"] = storage;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
