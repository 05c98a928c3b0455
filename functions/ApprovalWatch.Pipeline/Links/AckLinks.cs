using ApprovalWatch.Domain.Acknowledgements;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Pipeline.Links;

/// <summary>
/// The link of each line of a digest that asks something of its reader: a red or yellow procedure's acknowledgement, a
/// problem's signing for or sending back; the board's address and a token signed for the digest's recipient.
/// </summary>
public sealed class AckLinks(IOptions<BoardOptions> options)
{
    /// <summary>The links of a digest's lines, or null when the board has no address or no key.</summary>
    public Func<DigestLine, string?>? For(Digest digest)
    {
        var settings = options.Value;
        if (settings.BaseUrl is not { Length: > 0 } baseUrl || settings.Key is not { } key)
        {
            return null;
        }

        var expires = LinkLifetime.From(digest.Date, settings.AckValidDays);
        return line =>
            line switch
            {
                ProcedureLine { Flag: Flag.Red or Flag.Yellow, Reform: ReformClock.None } procedure => $"{baseUrl.TrimEnd('/')}/ack/"
                    + new AckToken(digest.RecipientEmail, procedure.ProjectCode, procedure.ProcedureCode, digest.Date, expires).Sign(key),
                ProblemLine { AwaitsSignature: true } problem => baseUrl.TrimEnd('/')
                    + ProblemPath(key, digest.RecipientEmail, problem.ProjectCode, problem.Id, digest.Date, expires),
                _ => null,
            };
    }

    /// <summary>The board's path where a person signs for a problem or sends it back; null when the board has no key.</summary>
    public string? ProblemPath(string recipient, string projectCode, string id, DateOnly today)
    {
        var settings = options.Value;
        return settings.Key is { } key
            ? ProblemPath(key, recipient, projectCode, id, today, LinkLifetime.From(today, settings.AckValidDays))
            : null;
    }

    /// <summary>The notice's signed reply link for its recipient, or null when the board has no address or no key.</summary>
    public string? NoticeReply(string recipient, int year, int sequence, DateOnly issuedOn, DateOnly replyBy)
    {
        var settings = options.Value;
        var expires = LinkLifetime.ForReply(replyBy, settings.AckValidDays);
        return settings.BaseUrl is { Length: > 0 } baseUrl && settings.Key is { } key
            ? $"{baseUrl.TrimEnd('/')}/notice/{new AckToken(recipient, NoticeToken, $"{year}|{sequence}", issuedOn, expires).Sign(key)}"
            : null;
    }

    /// <summary>A page of the board, or null when the board has no address.</summary>
    public string? Board(string path) => options.Value.BaseUrl is { Length: > 0 } baseUrl ? baseUrl.TrimEnd('/') + path : null;

    /// <summary>What a notice's reply token carries where an acknowledgement's carries a project code.</summary>
    public const string NoticeToken = "notice";

    private static string ProblemPath(byte[] key, string recipient, string projectCode, string id, DateOnly today, DateTimeOffset expires) =>
        $"/problem/{new AckToken(recipient, projectCode, ProblemLine.ItemPrefix + id, today, expires).Sign(key)}";
}
