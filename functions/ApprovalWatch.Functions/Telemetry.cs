using ApprovalWatch.Pipeline.Telemetry;
using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;

namespace ApprovalWatch.Functions;

public static class Telemetry
{
    public const string ConnectionSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>
    /// The worker's traces, logs and the pipeline's business counts (<see cref="PipelineMetrics"/>) to Application
    /// Insights through OpenTelemetry, signed in with the app's managed identity (the resource refuses local keys).
    /// </summary>
    public static IServiceCollection AddApprovalWatchTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[ConnectionSetting]))
        {
            return services;
        }

        services
            .AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddMeter(PipelineMetrics.MeterName))
            .UseFunctionsWorkerDefaults()
            .UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = configuration[ConnectionSetting];
                options.Credential = Credential(configuration[AuthenticationSetting]);
            });
        return services;
    }

    /// <summary>The managed identity the authentication setting names (<c>ClientId=…;Authorization=AAD</c>).</summary>
    private static TokenCredential? Credential(string? authentication)
    {
        var clientId = authentication?
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .FirstOrDefault(pair => pair.Length == 2 && pair[0].Equals("ClientId", StringComparison.OrdinalIgnoreCase))?[1];
        return clientId is null ? null : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
    }
}
