using ApprovalWatch.Domain.Audit;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Pipeline.Chat;
using ApprovalWatch.Pipeline.Notices;
using ApprovalWatch.Pipeline.Storage;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>The History keeps typed changes and the outbox typed payloads; rows and messages written before read as well.</summary>
public class HistoryEventTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 16, 2, 0, 0, TimeSpan.Zero);

    public static TheoryData<AuditEvent> Changes() =>
    [
        new StatusChanged(null, ProcedureStatus.Accepted),
        new StatusChanged(ProcedureStatus.InReview, ProcedureStatus.Approved),
        new FlagChanged(Flag.Yellow, Flag.Red),
        new Acknowledged(new DateOnly(2026, 3, 18), new DateOnly(2026, 3, 20), "zhang.wei@kizilsu.example.org", "材料已齐; 周五办结"),
        new ReportBackdated("housing/open.csv", new DateOnly(2026, 3, 6), "housing/done.csv", "completed", new DateOnly(2026, 3, 4)),
        new ProjectRowChanged(null, [("ytd", "900")]),
        new ProjectRowChanged([("ytd", "1200")], [("ytd", "900"), ("lowered_from", "1200")]),
        new ProblemSigned("li.na@kizilsu.example.org"),
        new ProblemReturned("li.na@kizilsu.example.org", "不属于本部门职责"),
        new ProblemReassigned("power", "housing", "xu.ming@kizilsu.example.org"),
    ];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Each_change_reads_back_as_it_was_written(AuditEvent change)
    {
        change = change with { Project = "2022-653001-48-01-00123X", Item = "HC-01", At = At, Source = "housing/a.csv#0123456789ab", Department = "housing" };

        var read = HistoryEvents.Read(HistoryEvents.Row(change));

        Assert.Equal(change.GetType(), read.GetType());
        Assert.Equal(HistoryEvents.Row(change).RowKey, HistoryEvents.Row(read).RowKey);
        Assert.Equal((HistoryEvents.Row(change).From, HistoryEvents.Row(change).To), (HistoryEvents.Row(read).From, HistoryEvents.Row(read).To));
        Assert.Equal(
            (change.Project, change.Item, change.At, change.Source, change.Department),
            (read.Project, read.Item, read.At, read.Source, read.Department)
        );
    }

    [Fact]
    public void A_row_of_a_kind_not_read_here_is_kept_as_it_was_written()
    {
        var row = HistoryEntity.Change("P", "HC-01", "merged", "a", "b", At, "someone", "housing");

        var read = Assert.IsType<UnreadChange>(HistoryEvents.Read(row));

        Assert.Equal(("merged", "a", "b"), (read.Kind, read.From, read.To));
        Assert.Equal(row.RowKey, HistoryEvents.Row(read).RowKey);
    }

    [Fact]
    public void A_message_queued_before_payloads_were_typed_reads_as_the_typed_one()
    {
        Assert.Equal(new NoticeMail.About(2026, 7, NoticeMail.Head), NoticeMail.About.Written("2026|7|head"));
        Assert.Equal(
            new NoticeMail.About(2026, 7, NoticeMail.Copy),
            NotifyMessage.Regarding(NoticeMail.Name, new DateOnly(2026, 3, 16), "a@b.org", new NoticeMail.About(2026, 7, NoticeMail.Copy))
                .AboutAs<NoticeMail.About>()
        );
        Assert.Equal(new ChatMessages.About("notice", "power", 2026, 7).Key, ChatMessages.About.Written("notice|power|2026|7")!.Key);
        Assert.Equal("chat|summary|power", ChatMessages.About.Written("summary|power")!.Key);
        Assert.Null(new NotifyMessage("notice", new DateOnly(2026, 3, 16), "a@b.org", "2026|7|head").AboutAs<NoticeMail.About>());
    }
}
