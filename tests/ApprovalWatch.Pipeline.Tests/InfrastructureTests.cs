using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using ApprovalWatch.Pipeline.Links;
using ApprovalWatch.Pipeline.Telemetry;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Pipeline.Tests;

public class InfrastructureTests
{
    private static async Task<string> BuildMainAsync()
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
        return await output;
    }

    [Fact]
    public async Task Main_bicep_builds_without_warnings_into_a_secure_deployment()
    {
        var template = await BuildMainAsync();
        using var json = JsonDocument.Parse(template);
        Assert.Contains("subscriptionDeploymentTemplate", json.RootElement.GetProperty("$schema").GetString());
        foreach (
            var setting in new[]
            {
                "\"allowSharedKeyAccess\": false",
                "\"allowBlobPublicAccess\": false",
                "\"minimumTlsVersion\": \"TLS1_2\"",
                "\"httpsOnly\": true",
                "\"DisableLocalAuth\": true",
                "\"enableRbacAuthorization\": true",
                "\"ftpsState\": \"Disabled\"",
            }
        )
        {
            Assert.Contains(setting, template);
        }

        // Entra sign-in in front of every request, the /ack links too.
        Assert.Contains("authsettingsV2", template);
        Assert.Contains("\"unauthenticatedClientAction\": \"RedirectToLoginPage\"", template);
        Assert.Contains("\"requireAuthentication\": true", template);
        // #33: the token store forwards the ID token the board validates; every deployment is smoke-tested with forged identities.
        Assert.Contains("\"tokenStore\": {", template);
        var azd = File.ReadAllText(Path.Combine(OfficialCalendars.RepositoryRoot, "azure.yaml"));
        Assert.Matches(@"postdeploy:\s+shell: sh\s+run: bash ./scripts/smoke.sh", azd);
        Assert.DoesNotContain("core.windows.net", template); // any cloud: endpoints come from the account
        Assert.Contains("StringStartsWith ''{1}/''", template); // each department's group is held to its own folder
        // #19: departments hold roles of blob data actions only; the app may not change config/, and only add to submissions/ (#21, the upload page); no basic
        // publishing credentials; blob writes and deletes audited; a provision never makes a new acknowledgement key.
        Assert.Contains("\"type\": \"CustomRole\"", template);
        Assert.Contains("\"containerName\": \"@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name]\"", template);
        Assert.Contains("StringNotEquals ''config'' AND {4} StringNotEquals ''submissions''", template); // deleting a department's file stays refused
        Assert.Contains("basicPublishingCredentialsPolicies", template);
        Assert.Contains("\"StorageDelete\"", template);
        Assert.DoesNotContain("newGuid()", template);
        var departmentRoles = FindAll(json.RootElement, e =>
                e.TryGetProperty("type", out var t)
                && t.GetString() == "Microsoft.Authorization/roleDefinitions"
                && e.GetProperty("properties").GetProperty("roleName").GetString()!.Contains("department")
            )
            .ToList();
        Assert.Equal(2, departmentRoles.Count);
        Assert.All(departmentRoles, r => Assert.Empty(r.GetProperty("properties").GetProperty("permissions")[0].GetProperty("actions").EnumerateArray()));
        Assert.DoesNotContain("ba92f5b4-2d11-453d-a403-e96b0029c9fe", template); // Storage Blob Data Contributor carries container actions
        Assert.DoesNotContain("2a2b9908-6ea1-4ae2-8e65-a410df84e7d1", template); // and so does Storage Blob Data Reader
        // privateNetworking: storage and Key Vault closed to other networks, reached through private endpoints from the app's subnet.
        Assert.True(json.RootElement.GetProperty("parameters").TryGetProperty("privateNetworking", out _));
        Assert.Contains("Microsoft.Network/privateEndpoints", template);
        Assert.Contains("[if(parameters('privateNetworking'), 'Disabled', 'Enabled')]", template);
        Assert.Contains("virtualNetworkSubnetId", template);
        foreach (
            var policy in FindAll(json.RootElement, e =>
                e.TryGetProperty("type", out var t) && t.GetString() == "Microsoft.Web/sites/basicPublishingCredentialsPolicies"
            )
        )
        {
            Assert.False(policy.GetProperty("properties").GetProperty("allow").GetBoolean());
        }

        foreach (
            var appSetting in new[]
            {
                "GatherSchedule",
                "ScanSchedule",
                "WeeklySchedule",
                "IngestQueue",
                "NotifyQueue",
                "ScanQueue",
                "AzureWebJobsStorage__blobServiceUri",
                "AzureWebJobsStorage__queueServiceUri",
                "AzureWebJobsStorage__tableServiceUri",
                "SendGrid__ApiKey",
                "Mail__From",
                "Mail__Transport",
                "Smtp__Host",
                "Smtp__Password",
                "Board__BaseUrl",
                "Board__AckKey",
                "Board__PreviousAckKey",
                "SignIn__Issuer",
                "SignIn__ClientId",
            }
        )
        {
            Assert.Contains($"\"{appSetting}\"", template);
        }
    }

    [Fact]
    public async Task The_bicep_alerts_the_operators_on_the_apps_own_counts_and_backs_up_into_immutable_storage()
    {
        using var json = JsonDocument.Parse(await BuildMainAsync());
        var resources = FindAll(json.RootElement, e => e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String).ToList();
        string Type(JsonElement e) => e.GetProperty("type").GetString()!;

        var group = Assert.Single(resources, r => Type(r) == "Microsoft.Insights/actionGroups").GetProperty("properties");
        Assert.Contains("emailReceivers", group.ToString());
        Assert.Contains("smsReceivers", group.ToString());
        var rules = Assert.Single(resources, r => Type(r) == "Microsoft.Insights/scheduledQueryRules");
        var alerts = FindAll(
                json.RootElement,
                e => e.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && e.TryGetProperty("query", out _)
            )
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("query").GetString()!);
        Assert.Equal(["delivery-failures", "function-failures", "ingestion-stalled", "poison-messages", "scan-not-finished"], alerts.Keys.Order());
        // Each rule reads what the worker reports, by the names it reports them under.
        Assert.Contains(PipelineMetrics.ScanRuns, alerts["scan-not-finished"]);
        Assert.Contains("scanDueUtcHour", alerts["scan-not-finished"]);
        Assert.Contains(PipelineMetrics.PoisonMessages, alerts["poison-messages"]);
        Assert.Contains(PipelineMetrics.MailFailed, alerts["delivery-failures"]);
        Assert.Contains("deliveryFailureThreshold", alerts["delivery-failures"]);
        Assert.Contains(PipelineMetrics.StalledIngestions, alerts["ingestion-stalled"]);
        Assert.Contains("probes == 0", alerts["ingestion-stalled"]); // no gathering at all is stalled too
        Assert.Contains("success == false", alerts["function-failures"]);
        Assert.Contains("actionGroups", rules.GetProperty("properties").GetProperty("actions").ToString());

        // Storage: redundancy a parameter; the app's roles create containers, queues and tables but delete none.
        var parameters = json.RootElement.GetProperty("parameters");
        Assert.Equal("Standard_ZRS", parameters.GetProperty("storageSku").GetProperty("defaultValue").GetString());
        Assert.Contains("Standard_LRS", parameters.GetProperty("storageSku").GetProperty("allowedValues").ToString());
        var appRoles = resources
            .Where(r =>
                Type(r) == "Microsoft.Authorization/roleDefinitions" && r.GetProperty("properties").GetProperty("roleName").GetString()!.Contains("app")
            )
            .Select(r => r.GetProperty("properties").GetProperty("permissions")[0])
            .ToList();
        Assert.Equal(2, appRoles.Count);
        Assert.All(
            appRoles,
            p => Assert.DoesNotContain(p.GetProperty("actions").EnumerateArray(), a => a.GetString()!.EndsWith("/delete") || a.GetString()!.EndsWith('*'))
        );
        Assert.DoesNotContain(
            resources.Where(r => Type(r) == "Microsoft.Authorization/roleAssignments").Select(r => r.GetProperty("properties").ToString()),
            assignment => assignment.Contains("b7e6dc6d-f1e8-4753-8033-0f276bb0955b") && assignment.Contains("appPrincipalId")
        );
        // Backups: immutable for their retention, then removed by the lifecycle policy.
        var template = json.RootElement.ToString();
        Assert.Contains("immutableStorageWithVersioning", template);
        Assert.Contains("immutabilityPeriodSinceCreationInDays", template);
        Assert.Contains("backups-retention", template);
        Assert.Contains("Operations__FallbackAddress", template);
    }

    [Fact]
    public void An_unresolved_key_vault_reference_is_no_key()
    {
        var options = new BoardOptions { AckKey = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/BoardAckKey)", PreviousAckKey = "old-key" };

        Assert.Null(options.Key);
        Assert.Equal("old-key"u8.ToArray(), options.PreviousKey);
    }

    private static IEnumerable<JsonElement> FindAll(JsonElement element, Func<JsonElement, bool> match)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (match(element))
            {
                yield return element;
            }

            foreach (var property in element.EnumerateObject())
            {
                foreach (var found in FindAll(property.Value, match))
                {
                    yield return found;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var found in FindAll(item, match))
                {
                    yield return found;
                }
            }
        }
    }
}
