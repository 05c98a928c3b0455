using Azure;
using Azure.Core;

namespace ApprovalWatch.Testing;

/// <summary>Fails the requests it picks before they reach the emulator, as the store does in an outage (503) or when it refuses a request (400 with
/// an error code).</summary>
public sealed class FailingRequests(Func<Request, bool> fails, int status = 503, string? errorCode = null) : Azure.Core.Pipeline.HttpPipelinePolicy
{
    public override void Process(HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
    {
        if (fails(message.Request))
        {
            throw new RequestFailedException(status, $"injected: HTTP {status} {errorCode}", errorCode, null);
        }

        await ProcessNextAsync(message, pipeline);
    }
}
