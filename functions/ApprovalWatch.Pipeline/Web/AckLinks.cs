using ApprovalWatch.Domain.Acknowledgements;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Digests;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Pipeline.Web;

/// <summary>The acknowledgement link of each red or yellow procedure line of a digest: the board's address and a token signed for the digest's recipient.</summary>
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

        var expires = OfficeClock.At(digest.Date.AddDays(settings.AckValidDays), TimeOnly.MinValue);
        return line => line is ProcedureLine { Flag: Domain.Deadlines.Flag.Red or Domain.Deadlines.Flag.Yellow } procedure
            ? $"{baseUrl.TrimEnd('/')}/ack/{new AckToken(digest.RecipientEmail, procedure.ProjectCode, procedure.ProcedureCode, digest.Date, expires).Sign(key)}"
            : null;
    }
}
