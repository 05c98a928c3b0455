using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.Cli.Local;

/// <summary>
/// Runs a queue handler the way the Functions host runs a queue trigger, for the CLI where no host runs:
/// a message is deleted when its handler returns, made visible again after the <c>host.json</c> delay
/// when it throws, and moved to the <c>-poison</c> queue after its last try.
/// </summary>
public sealed class QueuePump(
    QueueClient queue,
    QueueClient poison,
    Func<string, CancellationToken, Task> handle,
    QueueTriggerSettings settings,
    ILogger logger
)
{
    /// <summary>How long a received message is hidden from other pumps while its handler runs.</summary>
    public TimeSpan ProcessingLease { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private DateTimeOffset _retryVisibleAt = DateTimeOffset.MinValue;

    private DateTimeOffset RetryVisibleAt
    {
        get
        {
            lock (_gate)
            {
                return _retryVisibleAt;
            }
        }
    }

    /// <summary>Receives one batch and handles its messages side by side, as the host does; the number handled (succeeded or not).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        QueueMessage[] messages = await queue.ReceiveMessagesAsync(settings.BatchSize, ProcessingLease, cancellationToken);
        await Task.WhenAll(messages.Select(m => HandleAsync(m, cancellationToken)));
        return messages.Length;
    }

    /// <summary>
    /// Handles messages until none is visible and none that failed here is waiting for its next try; with
    /// <paramref name="settle"/>, until none has come for that long (retries the handlers queued themselves).
    /// Messages that are not due yet (digests waiting for office hours) stay in the queue.
    /// </summary>
    public async Task DrainAsync(CancellationToken cancellationToken, TimeSpan settle = default)
    {
        var quietSince = DateTimeOffset.UtcNow;
        while (true)
        {
            if (await RunOnceAsync(cancellationToken) > 0)
            {
                quietSince = DateTimeOffset.UtcNow;
                continue;
            }

            var now = DateTimeOffset.UtcNow;
            if (now > RetryVisibleAt + TimeSpan.FromSeconds(1) && now - quietSince >= settle)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    /// <summary>Polls until cancelled. A failure to reach the queue is logged loudly and tried again; the pump never stops on its own.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (await RunOnceAsync(cancellationToken) == 0)
                {
                    await Task.Delay(PollInterval, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The pump of {Queue} could not receive; trying again in {Delay}", queue.Name, PollInterval);
                try
                {
                    await Task.Delay(PollInterval, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await handle(message.Body.ToString(), cancellationToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                logger.LogError(
                    e,
                    "Message {Id} on {Queue} failed {Count} times; moved to {Poison}",
                    message.MessageId,
                    queue.Name,
                    message.DequeueCount,
                    poison.Name
                );
                await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                await poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
            }
            else
            {
                logger.LogWarning(
                    e,
                    "Message {Id} on {Queue} failed (try {Count} of {Max}); retrying in {Delay}",
                    message.MessageId,
                    queue.Name,
                    message.DequeueCount,
                    settings.MaxDequeueCount,
                    settings.VisibilityTimeout
                );
                await queue.UpdateMessageAsync(
                    message.MessageId,
                    message.PopReceipt,
                    visibilityTimeout: settings.VisibilityTimeout,
                    cancellationToken: cancellationToken
                );
                lock (_gate)
                {
                    _retryVisibleAt = DateTimeOffset.UtcNow + settings.VisibilityTimeout;
                }
            }
        }
    }
}
