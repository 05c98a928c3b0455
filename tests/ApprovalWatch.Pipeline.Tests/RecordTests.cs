using ApprovalWatch.Domain.Audit;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Receipts;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>Nothing a clerk sends undoes, erases or falsifies the record unseen, and the receipt says what changed.</summary>
[Collection(AzuriteCollection.Name)]
public class RecordTests
{
    private const string Project = "2022-653001-48-01-00123X";
    private const string Header = ScanAndSendTests.Header + ",completed_on,correction";

    private static string Row(string status, string asOf, string completed = "", string correction = "") =>
        $"{Header}\n{Project},学校,阿图什市,HC-01,{status},2026-02-13,{ScanAndSendTests.Zhang},{asOf},{completed},{correction}\n";

    private static async Task<ProcedureEntity> StoredAsync(TestPipeline pipeline) =>
        (await pipeline.Storage.Procedures.GetEntityAsync<ProcedureEntity>(Project, "HC-01")).Value;

    [Theory]
    [InlineData("2026-03-13", "rejected")] // the same data date: refused, naming the file of the approval
    [InlineData("2026-03-12", "stale")] // an earlier one: older than what is stored
    [InlineData("2026-03-16", "applied")] // a later one: applied, and the receipt says so
    public async Task An_older_copy_cannot_undo_an_approval_unseen(string asOf, string outcome)
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("housing/v3.csv", Row("approved", "2026-03-13", "2026-03-11"));

        var copy = await pipeline.IngestAsync("housing/v4.csv", Row("accepted", asOf));

        var stored = await StoredAsync(pipeline);
        switch (outcome)
        {
            case "rejected":
                Assert.Equal((0, 1, "approved"), (copy.Applied, copy.Rejected, stored.Status));
                var refusal = Assert.Single(copy.Errors).Reason;
                Assert.Contains("housing/v3.csv", refusal.English());
                Assert.Contains("更正说明", refusal.Chinese());
                break;
            case "stale":
                Assert.Equal((0, 1, "approved"), (copy.Applied, copy.Stale, stored.Status));
                break;
            default:
                Assert.Equal((1, "accepted"), (copy.Applied, stored.Status));
                var change = Assert.Single(copy.Changes);
                Assert.Contains(new FieldChange("status", "approved", "accepted"), change.Fields);
                Assert.Contains(new FieldChange("completed_on", "2026-03-11", null), change.Fields);
                Assert.Equal(("学校", "HC-01", "施工图设计文件审查"), (change.ProjectName, change.Procedure, change.ProcedureName)); // named as the clerk knows it
                break;
        }
    }

    [Fact]
    public async Task A_correction_with_its_reason_moves_back_and_is_kept_in_the_history()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("housing/v3.csv", Row("approved", "2026-03-13", "2026-03-11"));

        var corrected = await pipeline.IngestAsync("housing/fix.csv", Row("in_review", "2026-03-13", correction: "误将审查中填为办结"));

        Assert.Equal((1, 0, "in_review"), (corrected.Applied, corrected.Rejected, (await StoredAsync(pipeline)).Status));
        Assert.Equal("误将审查中填为办结", Assert.Single(corrected.Changes).Correction);
        var events = await pipeline.Get<HistoryLog>().OfProjectAsync(Project, 50, _ => true, default);
        Assert.Equal("误将审查中填为办结", Assert.Single(events.OfType<Corrected>()).Reason);
        Assert.Contains(events.OfType<StatusChanged>(), s => (s.From, s.To) == (ProcedureStatus.Approved, ProcedureStatus.InReview));
        var heads = (await pipeline.Get<Reference.ReferenceDataLoader>().LoadAsync(default)).Staff.WithRole(Domain.Staff.Role.Head, "housing");
        var queued = (await pipeline.Storage.NotifyQueue.PeekMessagesAsync(32)).Value.Select(m => NotifyMessage.Read(m.Body.ToString())).ToList();
        Assert.NotEmpty(heads);
        Assert.All(heads, head => Assert.Contains(queued, m => m.Recipient == head.Email && m.About == "housing/fix.csv")); // the head hears of it
    }

    [Fact]
    public async Task Two_files_of_one_data_date_that_disagree_are_named_on_the_later_ones_receipt_and_every_change_keeps_its_row()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("housing/a.csv", Row("accepted", "2026-03-13"));
        var second = await pipeline.IngestAsync("housing/b.csv", Row("in_review", "2026-03-13"));
        await pipeline.IngestAsync("housing/c.csv", Row("approved", "2026-03-16", "2026-03-16"));

        Assert.Contains(second.Notes, n => n.English().Contains("differs from housing/a.csv of the same data date 2026-03-13", StringComparison.Ordinal));
        var statuses = (await pipeline.Get<HistoryLog>().OfProjectAsync(Project, 50, _ => true, default)).OfType<StatusChanged>().ToList();
        Assert.Equal(3, statuses.Count);
        Assert.Equal(["housing/a.csv", "housing/b.csv", "housing/c.csv"], statuses.Select(s => s.Source.Split('#')[0]).Order());
        Assert.All(statuses, s => Assert.Equal(2, s.Line));
    }

    [Theory]
    [InlineData("accepted", "2099-03-13", "", "as_of")]
    [InlineData("approved", "2026-03-13", "2099-01-02", "completed_on")]
    public async Task A_date_after_the_file_arrived_is_refused_with_the_date_named(string status, string asOf, string completed, string column)
    {
        await using var pipeline = await TestPipeline.StartAsync();

        var receipt = await pipeline.IngestAsync("housing/typo.csv", Row(status, asOf, completed));

        var error = Assert.Single(receipt.Errors, e => e.Column.EndsWith(column, StringComparison.Ordinal));
        Assert.Contains("2099-", error.Reason.English());
        Assert.Equal(0, receipt.Applied);
    }

    [Fact]
    public async Task Another_departments_file_is_refused_in_one_sentence_and_does_not_report_the_week()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var csv = $"{ScanAndSendTests.Header}\n{Project},学校,阿图什市,NR-03,in_review,2026-02-13,{ScanAndSendTests.Zhang},2026-03-13\n"
            + $"2022-653001-48-01-00124X,学校,阿图什市,NR-02,accepted,2026-02-13,{ScanAndSendTests.Zhang},2026-03-13\n";

        var receipt = await pipeline.IngestAsync("housing/picked-wrong.csv", csv);

        Assert.Equal(Receipt.UnreadableStatus, receipt.Status);
        Assert.Empty(receipt.Errors);
        Assert.Contains("Natural Resources", receipt.Message.English());
        Assert.DoesNotContain("housing", (await pipeline.Get<Ingestion.SubmissionLedger>().LatestSinceAsync(DateTimeOffset.UnixEpoch, default)).Keys);
    }

    [Fact]
    public async Task The_uploader_is_the_apps_word_and_a_recomputed_check_is_refused()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var forged = new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = new Dictionary<string, string> { ["uploadedby"] = "someone@else.org" } };
        await pipeline.Storage.Submissions.GetBlobClient("housing/forged.csv").UploadAsync(BinaryData.FromString(Row("accepted", "2026-03-13")), forged);
        var unkeyed = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{Project}\n学校\n阿图什市\nHC-01")))[..8];
        var keyed = new Domain.Submissions.LockedRow(System.Text.Encoding.UTF8.GetBytes("test-ack-key")).Check(new(Project, "学校", "阿图什市", "HC-01"));
        string Checked(string check) =>
            $"{ScanAndSendTests.Header},row_check\n{Project},学校,阿图什市,HC-01,accepted,2026-02-13,{ScanAndSendTests.Zhang},2026-03-13,{check}\n";

        var recomputed = await pipeline.IngestAsync("housing/recomputed.csv", Checked(unkeyed));
        var genuine = await pipeline.IngestAsync("housing/genuine.csv", Checked(keyed));

        Assert.Empty(await pipeline.Get<Ingestion.SubmissionLedger>().UploadersAsync(["housing/forged.csv"], default));
        Assert.Contains("the row check does not fit this row", Assert.Single(recomputed.Errors).Reason.English());
        Assert.Equal((1, 0), (genuine.Applied, genuine.Rejected));
    }
}
