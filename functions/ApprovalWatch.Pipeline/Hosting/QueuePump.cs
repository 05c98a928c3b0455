using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.Hosting;

/// <summary>
/// Runs a queue handler the way the Functions host runs a queue trigger, for the CLI where no host runs:
/// a message is deleted when its handler returns, made visible again after a delay when it throws, and
/// moved to the <c>-poison</c> queue after its fifth failed try.
/// </summary>
public sealed class QueuePump(QueueClient queue, QueueClient poison, Func<string, CancellationToken, Task> handle, ILogger logger)
{
    public int MaxDequeueCount { get; init; } = 5;

    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a failed message stays invisible before its next try.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Receives one batch and handles it; the number of messages handled (succeeded or not).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        QueueMessage[] messages = await queue.ReceiveMessagesAsync(16, VisibilityTimeout, cancellationToken);
        foreach (var message in messages)
        {
            await HandleAsync(message, cancellationToken);
        }

        return messages.Length;
    }

    /// <summary>
    /// Handles messages until none is visible for longer than a failed message's retry delay. Messages
    /// that are not due yet (digests waiting for office hours) stay in the queue.
    /// </summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var quiet = DateTimeOffset.UtcNow;
        while (true)
        {
            if (await RunOnceAsync(cancellationToken) > 0)
            {
                quiet = DateTimeOffset.UtcNow;
                continue;
            }

            if (DateTimeOffset.UtcNow - quiet > RetryDelay + TimeSpan.FromSeconds(1))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    /// <summary>Polls until cancelled.</summary>
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
            if (message.DequeueCount >= MaxDequeueCount)
            {
                logger.LogError(e, "Message {Id} on {Queue} failed {Count} times; moved to {Poison}", message.MessageId, queue.Name, message.DequeueCount, poison.Name);
                await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                await poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
            }
            else
            {
                logger.LogWarning(e, "Message {Id} on {Queue} failed (try {Count} of {Max}); retrying in {Delay}", message.MessageId, queue.Name, message.DequeueCount, MaxDequeueCount, RetryDelay);
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: RetryDelay, cancellationToken: cancellationToken);
            }
        }
    }
}
