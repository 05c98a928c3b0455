using System.Text;
using ApprovalWatch.Domain.Acknowledgements;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Presentation.Digests;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

public class AckTokenTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("the current key");
    private static readonly byte[] OldKey = Encoding.UTF8.GetBytes("the previous key");
    private static readonly DateTimeOffset Now = new(2026, 3, 16, 2, 0, 0, TimeSpan.Zero);
    private static readonly AckToken Token = new("zhang.wei@kizilsu.example.org", "2022-653001-48-01-00123X", "HC-01", new(2026, 3, 16), Now.AddDays(7));

    [Fact]
    public void A_signed_token_verifies_and_reads_back()
    {
        var (check, token) = AckToken.Verify(Token.Sign(Key), Now, Key);

        Assert.Equal(AckToken.Check.Valid, check);
        Assert.Equal(Token with { Expires = DateTimeOffset.FromUnixTimeSeconds(Token.Expires.ToUnixTimeSeconds()) }, token);
    }

    [Fact]
    public void A_tampered_token_is_refused()
    {
        var signed = Token.Sign(Key);
        var other = new AckToken("wang.lei@kizilsu.example.org", Token.ProjectCode, Token.ProcedureCode, Token.Date, Token.Expires).Sign(Key);
        var forged = other[..other.IndexOf('.')] + signed[signed.IndexOf('.')..]; // another recipient under this token's signature

        Assert.Equal(AckToken.Check.Tampered, AckToken.Verify(forged, Now, Key).Check);
        Assert.Equal(AckToken.Check.Tampered, AckToken.Verify(signed[..^2] + (signed[^2] == 'A' ? "B" : "A") + signed[^1], Now, Key).Check);
        Assert.Equal(AckToken.Check.Tampered, AckToken.Verify("not-a-token", Now, Key).Check);
        Assert.Equal(AckToken.Check.Tampered, AckToken.Verify(signed, Now, Encoding.UTF8.GetBytes("someone else's key")).Check);
    }

    [Fact]
    public void An_expired_token_is_refused()
    {
        Assert.Equal(AckToken.Check.Expired, AckToken.Verify(Token.Sign(Key), Token.Expires.AddSeconds(1), Key).Check);
    }

    [Fact]
    public void A_token_signed_with_the_previous_key_verifies_during_a_rotation_and_not_after()
    {
        var old = Token.Sign(OldKey);

        Assert.Equal(AckToken.Check.Valid, AckToken.Verify(old, Now, Key, previousKey: OldKey).Check);
        Assert.Equal(AckToken.Check.Tampered, AckToken.Verify(old, Now, Key).Check);
    }

    [Fact]
    public void The_id_of_a_token_is_the_same_for_the_same_text_so_a_replay_is_known()
    {
        var signed = Token.Sign(Key);

        Assert.Equal(AckToken.IdOf(signed), AckToken.IdOf(signed));
        Assert.NotEqual(AckToken.IdOf(signed), AckToken.IdOf((Token with { Date = new(2026, 3, 17) }).Sign(Key)));
    }

    [Fact]
    public void An_acknowledged_line_holds_its_rung_until_the_promise_and_climbs_one_higher_after_it()
    {
        var line = TestLines.Procedure("HC-01", "zhang@x.org", Flag.Red, -12) with { Stage = 2 }; // rung 3 by its days overdue
        var acknowledged = line with { AckRung = 1, PromisedOn = new(2026, 3, 20), AcknowledgedBy = "张伟" };

        Assert.Equal(3, EscalationLadder.Default.RungOf(line));
        Assert.Equal(1, EscalationLadder.Default.RungOf(acknowledged));
        Assert.Equal(
            2,
            EscalationLadder.Default.RungOf(
                TestLines.Procedure("HC-01", "zhang@x.org", Flag.Red, -1) with
                {
                    Stage = 2,
                    AckRung = 1,
                    AckLapsed = true,
                }
            )
        ); // rung 1 by its days, one higher
        Assert.Equal(
            3,
            EscalationLadder.Default.RungOf(
                TestLines.Procedure("HC-01", "zhang@x.org", Flag.Red, -5) with
                {
                    Stage = 2,
                    AckRung = 1,
                    AckLapsed = true,
                }
            )
        ); // rung 2 by its days, one higher
        Assert.Contains("张伟 已确认，承诺 2026-03-20 前办结", DigestText.Chinese.State(acknowledged));
        Assert.Contains("acknowledged by 张伟, promised 2026-03-20", DigestText.English.State(acknowledged));
    }
}
