using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Pipeline.Chat;

/// <summary>A robot's secrets by name: from Key Vault when <see cref="ChatOptions.KeyVaultUri"/> is set, else from <c>Chat:Secrets</c>.</summary>
public sealed class ChatSecrets(IOptions<ChatOptions> options)
{
    private readonly Lazy<SecretClient?> _vault = new(() =>
        options.Value.KeyVaultUri is { Length: > 0 } uri
            ? new SecretClient(
                new Uri(uri),
                options.Value.ClientId is { Length: > 0 } id
                    ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(id))
                    : new DefaultAzureCredential()
            )
            : null
    );

    /// <summary>The secret's value, or null when there is no such secret.</summary>
    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        if (_vault.Value is not { } vault)
        {
            return options.Value.Secrets.GetValueOrDefault(name) is { Length: > 0 } value ? value : null;
        }

        try
        {
            return (await vault.GetSecretAsync(name, cancellationToken: cancellationToken)).Value.Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
