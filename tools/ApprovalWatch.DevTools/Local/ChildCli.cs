using System.Diagnostics;
using ApprovalWatch.Cli;
using ApprovalWatch.Pipeline.Storage;

namespace ApprovalWatch.DevTools.Local;

/// <summary>
/// The operator's CLI or this development tool started as a child process over given storage names (top-level settings,
/// as in Azure) and, when given, a SendGrid endpoint: for fault runs that kill it.
/// </summary>
public static class ChildCli
{
    /// <summary>
    /// The operator's <c>approvalwatch</c>, from this tool's folder: with this tool's dependencies and frameworks (copied
    /// beside it, its own would name libraries that the ASP.NET Core framework brings here).
    /// </summary>
    public static Process Operator(IEnumerable<string> args, string? storage, StorageNames names, string? sendGridHost = null)
    {
        var tool = typeof(ChildCli).Assembly.Location;
        string[] host =
        [
            "exec",
            "--runtimeconfig",
            Path.ChangeExtension(tool, ".runtimeconfig.json"),
            "--depsfile",
            Path.ChangeExtension(tool, ".deps.json"),
            typeof(CliRuntime).Assembly.Location,
        ];
        return Start([.. host, .. args], storage, names, sendGridHost);
    }

    /// <summary>This <c>approvalwatch-dev</c>.</summary>
    public static Process Dev(IEnumerable<string> args, string? storage, StorageNames names, string? sendGridHost = null) =>
        Start([typeof(ChildCli).Assembly.Location, .. args], storage, names, sendGridHost);

    private static Process Start(IEnumerable<string> arguments, string? storage, StorageNames names, string? sendGridHost)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
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

        if (sendGridHost is not null)
        {
            (start.Environment["SendGrid__ApiKey"], start.Environment["SendGrid__Host"]) = ("local", sendGridHost);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
