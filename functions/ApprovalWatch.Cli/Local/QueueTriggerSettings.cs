using System.Globalization;
using System.Text.Json.Nodes;

namespace ApprovalWatch.Cli.Local;

/// <summary>
/// How the Functions host retries a queue-triggered function (<c>extensions.queues</c> in <c>host.json</c>):
/// the tries before a message goes to <c>-poison</c>, how long a failed message stays invisible before its
/// next try, and how many messages it takes at once. The local queue pump reads the same file, so it
/// behaves as Azure does.
/// </summary>
public sealed record QueueTriggerSettings(int MaxDequeueCount, TimeSpan VisibilityTimeout, int BatchSize = 16)
{
    /// <summary>The host's own defaults, where <c>host.json</c> says nothing.</summary>
    public static readonly QueueTriggerSettings HostDefaults = new(5, TimeSpan.Zero);

    /// <summary>The settings in the <c>host.json</c> shipped beside the CLI.</summary>
    public static QueueTriggerSettings FromHostJson() => FromHostJson(Path.Combine(AppContext.BaseDirectory, "host.json"));

    public static QueueTriggerSettings FromHostJson(string path)
    {
        var queues = JsonNode.Parse(File.ReadAllText(path))?["extensions"]?["queues"];
        return new QueueTriggerSettings(
            queues?["maxDequeueCount"]?.GetValue<int>() ?? HostDefaults.MaxDequeueCount,
            queues?["visibilityTimeout"]?.GetValue<string>() is { } timeout
                ? TimeSpan.Parse(timeout, CultureInfo.InvariantCulture)
                : HostDefaults.VisibilityTimeout,
            queues?["batchSize"]?.GetValue<int>() ?? HostDefaults.BatchSize);
    }
}
