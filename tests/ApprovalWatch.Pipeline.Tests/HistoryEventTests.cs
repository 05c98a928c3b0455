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
    public void The_procedures_a_file_adds_to_a_project_are_kept_together_and_read_back_one_by_one()
    {
        AuditEvent Added(string project, int i) =>
            new StatusChanged(null, i % 2 == 0 ? ProcedureStatus.Accepted : ProcedureStatus.InReview)
            {
                Project = project,
                Item = $"HC-{i:D3}",
                At = At,
                Source = "housing/a.csv#0123456789ab",
                Department = "housing",
                Line = i + 1,
                Uploader = "li.na@kizilsu.example.org",
            };
        var changed = new StatusChanged(ProcedureStatus.Accepted, ProcedureStatus.InReview) { Project = "P1", Item = "HC-900", At = At, Line = 300 };
        List<AuditEvent> changes = [.. Enumerable.Range(1, 250).Select(i => Added("P1", i)), Added("P2", 7), changed];

        var rows = HistoryEvents.Rows(changes).ToList();

        // 250 additions to P1 in three rows of at most 100, one to P2 in one, and the change of a status a row of its own.
        Assert.Equal(
            [("P1", "added"), ("P1", "added"), ("P1", "added"), ("P1", "status"), ("P2", "added")],
            rows.Select(r => (r.PartitionKey, r.Kind)).Order()
        );
        var read = rows.SelectMany(HistoryEvents.ReadAll).ToList();
        Assert.Equal(changes.OrderBy(c => (c.Project, c.Item)), read.OrderBy(c => (c.Project, c.Item)));
        // A retry with the same changes in another order writes the same rows.
        Assert.Equal(rows.Select(r => r.RowKey).Order(), HistoryEvents.Rows(Enumerable.Reverse(changes)).Select(r => r.RowKey).Order());
        // Another file adding the same procedures keeps rows of its own.
        var another = HistoryEvents.Rows(changes.Select(c => c with { Source = "housing/b.csv#ba9876543210" }));
        Assert.Empty(another.Select(r => r.RowKey).Intersect(rows.Select(r => r.RowKey)));
    }

    [Fact]
    public void An_added_row_that_does_not_read_is_kept_as_it_was_written()
    {
        var row = HistoryEntity.Change("P", "HC-01", HistoryEvents.Added, null, "not a list", At, "housing/a.csv", "housing");

        var read = Assert.IsType<UnreadChange>(Assert.Single(HistoryEvents.ReadAll(row)));

        Assert.Equal((HistoryEvents.Added, "not a list"), (read.Kind, read.To));
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
