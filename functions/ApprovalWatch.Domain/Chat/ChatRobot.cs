using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Chat;

/// <summary>The group chat platforms whose group robots ApprovalWatch posts to.</summary>
public enum ChatPlatform
{
    /// <summary>WeCom (企业微信 / 政务微信): the webhook's key is the secret.</summary>
    WeCom,

    /// <summary>DingTalk (钉钉 / 浙政钉): the webhook's access token, and a signing secret when the robot signs.</summary>
    DingTalk,
}

/// <summary>
/// A department's group robot (<c>config/chat.csv</c>: <c>department,platform,webhook_secret,sign_secret</c>): the names of
/// the Key Vault secrets that hold its webhook URL and, for a DingTalk robot that signs, its signing secret — never the
/// values themselves, which a config file would show to anyone who reads it.
/// </summary>
public sealed record ChatRobot(string Department, ChatPlatform Platform, string WebhookSecret, string? SignSecret)
{
    public const string BlobName = "chat.csv";

    public static IReadOnlyList<ChatRobot> Parse(TextReader reader)
    {
        var table = CsvTable.Parse(BlobName, reader, "department", "platform", "webhook_secret");
        var robots = new List<ChatRobot>();
        foreach (var row in table.Rows)
        {
            var department = table.Required(row, "department");
            if (Catalogue.Department.Find(department) is null)
            {
                throw table.Error(row, Catalogue.Department.Unknown(department));
            }

            var platform = table.Required(row, "platform").ToLowerInvariant() switch
            {
                "wecom" or "wechat-work" or "企业微信" or "政务微信" => ChatPlatform.WeCom,
                "dingtalk" or "钉钉" or "浙政钉" => ChatPlatform.DingTalk,
                var other => throw table.Error(row, $"platform '{other}' is not wecom or dingtalk"),
            };
            var sign = table.Get(row, "sign_secret");
            if (platform == ChatPlatform.WeCom && sign.Length > 0)
            {
                throw table.Error(row, "a WeCom robot does not sign: leave sign_secret empty");
            }

            if (robots.Any(r => r.Department == department.ToLowerInvariant()))
            {
                throw table.Error(row, $"{department} has a robot already");
            }

            robots.Add(
                new ChatRobot(
                    department.ToLowerInvariant(),
                    platform,
                    SecretName(table, row, table.Required(row, "webhook_secret")),
                    sign.Length > 0 ? SecretName(table, row, sign) : null
                )
            );
        }

        return robots;
    }

    // Key Vault secret names: letters, digits and dashes.
    private static string SecretName(CsvTable table, SourceRow row, string name) =>
        name.Length <= 127 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? name
            : throw table.Error(row, $"'{name}' is not a Key Vault secret name (letters, digits, dashes)");
}
