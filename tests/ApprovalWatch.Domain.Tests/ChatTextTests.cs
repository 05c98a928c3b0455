using ApprovalWatch.Domain.Chat;
using ApprovalWatch.Presentation.Chat;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

/// <summary>What a department's file says reaches the group robot as text: a clerk cannot post a heading or a link as the official robot.</summary>
public class ChatTextTests
{
    private const string Hostile = "幼儿园\n# 紧急通知\n[点此领取补贴](http://evil.example/x) ![图](http://evil.example/y.png) **加粗**";

    [Fact]
    public void A_name_from_a_file_is_text_in_the_summary_and_the_notice_never_markdown()
    {
        var summary = ChatText.Summary(
            new ChatSummary("housing", new DateOnly(2026, 3, 16), 1, 0, 0, 0, [new UrgentItem(Hostile, "施工图设计文件审查", "张伟", -3)]),
            "http://board.test/board"
        ).Markdown;
        var notice = ChatText.Notice(
            TestNotices.Notice("housing", new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 19), TestNotices.Item() with { ProjectName = Hostile }),
            null
        ).Markdown;

        foreach (var markdown in new[] { summary, notice })
        {
            var lines = markdown.Split('\n');
            Assert.Single(lines, l => l.StartsWith('#')); // the robot's own title only
            Assert.DoesNotContain("](http://evil", markdown);
            Assert.DoesNotContain("**加粗**", markdown);
            Assert.Contains("［点此领取补贴］（http://evil.example/x）", markdown); // still readable, formatting nothing
        }

        Assert.Contains("[打开看板](http://board.test/board)", summary); // the robot's own link stays a link
    }
}
