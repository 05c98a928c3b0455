using System.ComponentModel.DataAnnotations;

namespace ApprovalWatch.Pipeline.Chat;

/// <summary>
/// The group robots' secrets and calls (configuration section <c>Chat</c>): in Azure, the Key Vault that holds each
/// robot's webhook URL and signing secret under the names <c>config/chat.csv</c> gives (read with the app's identity);
/// locally, where no Key Vault is, the same names under <c>Chat:Secrets</c>.
/// </summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    public string? KeyVaultUri { get; set; }

    /// <summary>The user-assigned identity that reads the vault; empty: the default credential.</summary>
    public string? ClientId { get; set; }

    public Dictionary<string, string> Secrets { get; set; } = new(StringComparer.Ordinal);

    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;
}
