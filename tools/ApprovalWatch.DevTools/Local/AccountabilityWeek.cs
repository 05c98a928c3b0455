using System.Text.RegularExpressions;
using ApprovalWatch.Pipeline.Notices;

namespace ApprovalWatch.DevTools.Local;

/// <summary>
/// The demo's accountability steps, through the same pages and services as in Azure: a handler enters his leave on the
/// board before the scan (his deputy gets his lines); after it, the notices issued are copied to <c>out/notices/</c> and
/// the first one's head replies through the link in his mail.
/// </summary>
public static partial class AccountabilityWeek
{
    /// <summary>The handler who goes on leave in the demo's week, and his deputy (AB角) in the samples' directory.</summary>
    public const string Away = "zhang.wei@kizilsu.example.org";

    public static async Task<string> EnterLeaveAsync(LocalRuntime local, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var response = await local.Board.PostAsync("/leave", Away, new Dictionary<string, string>
        {
            ["action"] = "add",
            ["from"] = Domain.Text.IsoDate.Format(from),
            ["to"] = Domain.Text.IsoDate.Format(to),
        }, cancellationToken: cancellationToken);
        var deputy = Regex.Match(response.Text, "<td>[0-9-]+</td><td>[0-9-]+</td><td>([^<]+)</td>").Groups[1].Value;
        return response.Status == 200
            ? $"Leave: {Away} entered {from:yyyy-MM-dd} to {to:yyyy-MM-dd} on the board's leave page; his lines go to {deputy}"
            : $"Leave: refused ({response.Status})";
    }

    /// <summary>Copies the notices issued to <paramref name="folder"/> and has the first one's head reply through his mail's link.</summary>
    public static async Task<string> NoticesAsync(LocalRuntime local, string folder, CancellationToken cancellationToken)
    {
        var runtime = local.Runtime;
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            File.Delete(file);
        }

        var notices = await runtime.Get<NoticeBook>().ListAsync(2000, cancellationToken);
        await foreach (var blob in runtime.Storage.Notices.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var content = await runtime.Storage.Notices.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken);
            await File.WriteAllBytesAsync(Path.Combine(folder, Path.GetFileName(blob.Name)), content.Value.Content.ToArray(), cancellationToken);
        }

        if (notices.Count == 0)
        {
            return "Notices: none issued";
        }

        var first = notices[0].Notice;
        var reference = await runtime.Get<Pipeline.Reference.ReferenceDataLoader>().LoadAsync(cancellationToken);
        var promised = NoticeReplies.CalendarOf(first, reference).AddWorkingDays(first.ReplyBy, 5);
        var perDay = notices.Where(n => n.Notice.IssuedBy.Length == 0).GroupBy(n => (n.Notice.Department, n.Notice.IssuedOn)).Max(g => g.Count());
        var rightLeader = notices.All(n =>
            n.Notice.LeaderEmail is not { } leader
            || reference.Staff.WithRole(Domain.Staff.Role.Leader, n.Notice.Department).Any(l => l.Email.Equals(leader, StringComparison.OrdinalIgnoreCase))
        );
        var mail = local.Mail?.Received.LastOrDefault(m => m.To == first.HeadEmail && m.Subject.Contains(first.Number, StringComparison.Ordinal));
        var link = mail is null ? null : ReplyLink().Match(mail.Html) is { Success: true } m ? new Uri(m.Groups[1].Value).PathAndQuery : null;
        var replied = link is null ? null : await local.Board.PostAsync(link, first.HeadEmail, new Dictionary<string, string>
        {
            ["item"] = first.Items[0].Key,
            ["reason"] = "申请人补正材料未按时提交",
            ["measures"] = "已一次性告知需补正的材料并安排专人跟进，收到后两个工作日内办结",
            ["promised"] = Domain.Text.IsoDate.Format(promised),
            ["exceed"] = "补正材料涉及第三方检测报告，检测机构出具报告需五个工作日",
        }, cancellationToken: cancellationToken);
        return $"Notices: {notices.Count} issued ({string.Join("、", notices.Select(n => n.Notice.Number).Take(3))}{(notices.Count > 3 ? "…" : "")}), "
            + $"{notices.Sum(n => n.Notice.Items.Count)} item(s), at most {perDay} per department a day, "
            + $"each in copy to its department's own leader in charge: {(rightLeader ? "yes" : "NO")}; "
            + $"documents in {Path.GetFullPath(folder)}; "
            + (replied?.Status == 200 ? $"{first.HeadName} replied to {first.Number} through the link in his mail" : "no reply made (no local mail)");
    }

    [GeneratedRegex("href=\"(http[^\"]+/notice/[^\"]+)\"")]
    private static partial Regex ReplyLink();
}
