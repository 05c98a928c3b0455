using ApprovalWatch.Domain.Calendar;

namespace ApprovalWatch.Domain.Acknowledgements;

/// <summary>
/// How long a signed link of a mail works: a digest's or a problem's for the board's valid days from the day it was sent
/// (to Beijing midnight); a notice's reply link that long past its reply deadline and a month more, as a late reply is
/// still a reply.
/// </summary>
public static class LinkLifetime
{
    public const int NoticeGraceDays = 30;

    public static DateTimeOffset From(DateOnly sent, int validDays) => OfficeClock.At(sent.AddDays(validDays), TimeOnly.MinValue);

    public static DateTimeOffset ForReply(DateOnly replyBy, int validDays) => From(replyBy, validDays + NoticeGraceDays);
}
