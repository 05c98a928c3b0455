using ApprovalWatch.Domain.Chat;

namespace ApprovalWatch.Domain.Tests;

/// <summary><c>config/chat.csv</c>: secret names only, one robot per department, each problem named.</summary>
public class ChatRobotFileTests
{
    [Fact]
    public void Robots_are_read_with_their_secret_names_and_a_bad_row_is_refused_with_its_line()
    {
        var robots = ChatRobot.Parse(
            new StringReader(
                "department,platform,webhook_secret,sign_secret\nhousing,企业微信,housing-robot,\nfinance,dingtalk,finance-robot,finance-sign\n"
            )
        );
        Assert.Equal(
            [
                new ChatRobot("housing", ChatPlatform.WeCom, "housing-robot", null),
                new ChatRobot("finance", ChatPlatform.DingTalk, "finance-robot", "finance-sign"),
            ],
            robots
        );

        string Refused(string row) =>
            Assert.Throws<FormatException>(() => ChatRobot.Parse(new StringReader("department,platform,webhook_secret,sign_secret\n" + row))).Message;
        Assert.Contains("line 2", Refused("tax,wecom,r,\n"));
        Assert.Contains("platform 'slack'", Refused("housing,slack,r,\n"));
        Assert.Contains("does not sign", Refused("housing,wecom,r,s\n"));
        // A URL in the file: refused.
        Assert.Contains("not a Key Vault secret name", Refused("housing,wecom,https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc,\n"));
        Assert.Contains("has a robot already", Refused("housing,wecom,a,\nhousing,dingtalk,b,\n"));
    }

    [Fact]
    public void A_dingtalk_request_carries_its_timestamp_and_the_signature_of_it()
    {
        var url = DingTalkSignature.Append(
            "https://oapi.dingtalk.com/robot/send?access_token=t",
            "SECx",
            DateTimeOffset.FromUnixTimeMilliseconds(1_773_600_000_000)
        );
        Assert.StartsWith("https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1773600000000&sign=", url);
        Assert.Equal(DingTalkSignature.Sign("SECx", 1_773_600_000_000), Uri.UnescapeDataString(url[(url.IndexOf("&sign=", StringComparison.Ordinal) + 6)..]));
        Assert.NotEqual(DingTalkSignature.Sign("SECx", 1_773_600_000_000), DingTalkSignature.Sign("SECy", 1_773_600_000_000));
    }
}
