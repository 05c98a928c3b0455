using ApprovalWatch.Domain.Acknowledgements;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Pipeline.Links;

namespace ApprovalWatch.Board;

/// <summary>
/// The checks every signed link of a digest passes before its page reads anything: the board has a key, the token is
/// untampered (the current or the previous key), unexpired and the viewer's own — or that of someone away today for whom
/// the viewer stands in (AB角: A's links work for B). A refusal names its words and status.
/// </summary>
public static class SignedLink
{
    public enum Refused
    {
        Disabled,
        Tampered,
        Expired,
        Foreign,
    }

    public sealed record Refusal(Refused Kind)
    {
        public string WordsKey =>
            Kind switch
            {
                Refused.Disabled => "ack_disabled",
                Refused.Expired => "ack_expired",
                Refused.Foreign => "ack_foreign",
                _ => "ack_tampered",
            };

        public int Status => Kind switch { Refused.Disabled => 404, Refused.Expired => 410, Refused.Foreign => 403, _ => 400 };
    }

    public static (AckToken? Token, Refusal? Refusal) Check(
        string token,
        Viewer viewer,
        BoardOptions settings,
        DateTimeOffset now,
        Domain.Reference.ReferenceData reference
    )
    {
        if (settings.Key is not { } key)
        {
            return (null, new Refusal(Refused.Disabled));
        }

        var (check, parsed) = AckToken.Verify(token, now, key, settings.PreviousKey);
        return check switch
        {
            AckToken.Check.Tampered => (null, new Refusal(Refused.Tampered)),
            _ when parsed is null => (null, new Refusal(Refused.Tampered)),
            AckToken.Check.Expired => (null, new Refusal(Refused.Expired)),
            _ when !parsed.Recipient.Equals(viewer.Person.Email, StringComparison.OrdinalIgnoreCase)
                    && !StandsIn(viewer, parsed.Recipient, reference, now) => (null, new Refusal(Refused.Foreign)),
            _ => (parsed, null),
        };
    }

    private static bool StandsIn(Viewer viewer, string recipient, Domain.Reference.ReferenceData reference, DateTimeOffset now)
    {
        var today = Domain.Calendar.OfficeClock.DateOf(now);
        return viewer.Person.Email.Equals(StandIns.For(recipient, reference.Staff, reference.Leave, today), StringComparison.OrdinalIgnoreCase);
    }
}
