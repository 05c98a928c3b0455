using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Pipeline.Tests;

public class InfrastructureTests
{
    [Fact]
    public async Task Main_bicep_builds_without_warnings_into_a_secure_deployment()
    {
        var bicep = typeof(InfrastructureTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepCli").Value!;
        var start = new ProcessStartInfo(bicep, ["build", Path.Combine(OfficialCalendars.RepositoryRoot, "infra", "main.bicep"), "--stdout"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, errors);
        Assert.DoesNotContain("Warning", errors);
        var template = await output;
        using var json = JsonDocument.Parse(template);
        Assert.Contains("subscriptionDeploymentTemplate", json.RootElement.GetProperty("$schema").GetString());
        foreach (var setting in new[] { "\"allowSharedKeyAccess\": false", "\"allowBlobPublicAccess\": false", "\"minimumTlsVersion\": \"TLS1_2\"", "\"httpsOnly\": true", "\"DisableLocalAuth\": true", "\"enableRbacAuthorization\": true", "\"ftpsState\": \"Disabled\"" })
        {
            Assert.Contains(setting, template);
        }

        // Entra sign-in in front of every request, the /ack links too.
        Assert.Contains("authsettingsV2", template);
        Assert.Contains("\"unauthenticatedClientAction\": \"RedirectToLoginPage\"", template);
        Assert.Contains("\"requireAuthentication\": true", template);
        Assert.DoesNotContain("core.windows.net", template); // any cloud: endpoints come from the account
        Assert.Contains("StringStartsWith ''{1}/''", template); // each department's group is held to its own folder
        foreach (var appSetting in new[] { "GatherSchedule", "ScanSchedule", "WeeklySchedule", "IngestQueue", "NotifyQueue", "ScanQueue", "AzureWebJobsStorage__blobServiceUri", "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri", "SendGrid__ApiKey", "Mail__From", "Mail__Transport", "Smtp__Host", "Smtp__Password", "Board__BaseUrl", "Board__AckKey", "Board__PreviousAckKey" })
        {
            Assert.Contains($"\"{appSetting}\"", template);
        }
    }
}
