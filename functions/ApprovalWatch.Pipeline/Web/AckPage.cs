using ApprovalWatch.Domain.Acknowledgements;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Scanning;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Reference;
using ApprovalWatch.Pipeline.Scanning;
using ApprovalWatch.Pipeline.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Pipeline.Web;

/// <summary>
/// <c>GET /ack/{token}</c> shows the line and asks for a promised date (a working day, within the statutory limit)
/// and a note; <c>POST</c> records it on the procedure (ETag-conditional) with a History row. A tampered, expired,
/// replayed or foreign token, or a finished procedure, changes nothing and says so.
/// </summary>
public sealed class AckPage(StorageAccount storage, IOptions<BoardOptions> options, IOptions<ScanOptions> scan, TimeProvider time)
{
    public enum Outcome
    {
        Form,
        Recorded,
        Tampered,
        Expired,
        Foreign,
        Replayed,
        Finished,
        Unknown,
        BadDate,
    }

    public sealed record Result(Outcome Outcome, string Message, ProcedureEntity? Procedure = null, DateOnly? Latest = null, int Status = 200, DateOnly? Earliest = null);

    public async Task<Result> HandleAsync(string token, Viewer viewer, ReferenceData reference, IReadOnlyDictionary<string, string>? form, Page page, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Key is not { } key)
        {
            return new Result(Outcome.Unknown, page.T("确认链接未启用。", "Acknowledgement links are not enabled."), Status: 404);
        }

        var (check, parsed) = AckToken.Verify(token, time.GetUtcNow(), key, settings.PreviousKey);
        if (check == AckToken.Check.Tampered || parsed is null)
        {
            return new Result(Outcome.Tampered, page.T("链接无效（可能被改动）。请使用邮件中的原始链接。", "This link is not valid (it may have been altered). Use the link in your email as it came."), Status: 400);
        }

        if (check == AckToken.Check.Expired)
        {
            return new Result(Outcome.Expired, page.T("链接已过期。请使用最新一封提醒邮件中的链接。", "This link has expired. Use the link in your latest digest."), Status: 410);
        }

        if (!parsed.Recipient.Equals(viewer.Person.Email, StringComparison.OrdinalIgnoreCase))
        {
            return new Result(Outcome.Foreign, page.T("此链接属于另一位收件人，您不能代为确认。", "This link was sent to someone else: you cannot acknowledge for him."), Status: 403);
        }

        var found = await storage.Procedures.GetEntityIfExistsAsync<ProcedureEntity>(parsed.ProjectCode, parsed.ProcedureCode, cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } row)
        {
            return new Result(Outcome.Unknown, page.T("找不到该审批事项。", "No such procedure."), Status: 404);
        }

        var id = AckToken.IdOf(token);
        if (row.AckTokenId == id)
        {
            return new Result(Outcome.Replayed, page.T($"已确认过：承诺 {row.PromisedOn} 前办结。", $"Already acknowledged: promised by {row.PromisedOn}."), row, Status: 409);
        }

        if (row.CompletedOn is not null)
        {
            return new Result(Outcome.Finished, page.T("该事项已办结，无需确认。", "This procedure is finished: nothing to acknowledge."), row, Status: 409);
        }

        var today = OfficeClock.Today(time);
        var calendar = reference.Calendars.ForRegion(Domain.Submissions.ProjectCode.Region(row.PartitionKey));
        var measurement = scan.Value.MeasurementOn(today, reference);
        var measure = measurement.Add(row.ToProcedure(), Domain.Deadlines.Flags.Parse(row.Flag), row.EscalationCounts);
        var window = PromiseWindow.For(today, measure?.Assessment.StatutoryDueOn, calendar);
        if (form is null)
        {
            return new Result(Outcome.Form, "", row, window.Latest, Earliest: window.Earliest);
        }

        if (!IsoDate.TryParse(form.GetValueOrDefault("promised"), out var promised) || !window.Allows(promised, calendar))
        {
            return new Result(Outcome.BadDate, page.T($"请选择 {IsoDate.Format(window.Earliest)} 至 {IsoDate.Format(window.Latest)} 之间的一个工作日。", $"Choose a working day from {IsoDate.Format(window.Earliest)} to {IsoDate.Format(window.Latest)}."), row, window.Latest, 400, window.Earliest);
        }

        var note = (form.GetValueOrDefault("note") ?? "").Trim();
        var rung = PromiseWindow.RungToHold(measurement.Lines.OfType<Domain.Digests.ProcedureLine>().FirstOrDefault(), reference.Ladder);
        var update = ProcedureAckFields.For(row, new Acknowledgement(viewer.Person.Email, viewer.Person.Name, today, promised, rung, note), id);
        // The audit row first, as everywhere: a crash in between leaves a change described, never one undescribed.
        var audit = HistoryEntity.Change(row.PartitionKey, row.RowKey, "ack", row.PromisedOn, $"{IsoDate.Format(promised)} by {viewer.Person.Email}{(note.Length > 0 ? $": {note}" : "")}", time.GetUtcNow(), "board");
        await storage.History.UpsertEntityAsync(audit, cancellationToken: cancellationToken);
        try
        {
            await storage.Procedures.UpdateEntityAsync(update, update.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Nothing was acknowledged: the audit row must not say so.
            await storage.History.DeleteEntityAsync(audit.PartitionKey, audit.RowKey, cancellationToken: cancellationToken);
            return new Result(Outcome.Unknown, page.T("该事项刚刚被更新，请重新打开链接。", "The procedure changed just now: open the link again."), row, Status: 409);
        }

        return new Result(Outcome.Recorded, page.T($"已记录：您承诺 {IsoDate.Format(promised)} 前办结。在此日期前，该提醒不再升级；逾期未办结将升高一级。", $"Recorded: you promised it by {IsoDate.Format(promised)}. Until then it does not climb the ladder; unfinished after it, it climbs one rung higher."), row);
    }

    public static string Render(Result result, string token, Page page, Viewer viewer)
    {
        var row = result.Procedure;
        var about = row is null ? "" : $"<p><strong>{Page.H(row.ProjectName)}</strong> · {Page.H(row.RowKey)} · {Page.H(page.Department(row.Department))}<br><span class=\"muted\">{page.T("应办结", "due")} {Page.H(row.DueOn)} · {page.Flag(row.Flag)}</span></p>";
        var body = result.Outcome switch
        {
            Outcome.Form or Outcome.BadDate => $"""
                {about}
                {(result.Outcome == Outcome.BadDate ? $"<p class=\"muted\" style=\"color:#b91c1c\">{Page.H(result.Message)}</p>" : "")}
                <form method="post" action="/ack/{Page.H(token)}">
                <p><label>{page.T("承诺办结日期", "Promised date")} <input type="date" name="promised" required min="{IsoDate.Format(result.Earliest)}" max="{IsoDate.Format(result.Latest)}"></label></p>
                <p><label>{page.T("说明（可选）", "Note (optional)")}<br><textarea name="note" rows="3" cols="40" maxlength="500"></textarea></label></p>
                <p><button type="submit">{page.T("确认", "Acknowledge")}</button></p>
                </form>
                <p class="muted">{page.T($"最晚 {IsoDate.Format(result.Latest)}（法定时限内的工作日）。", $"At the latest {IsoDate.Format(result.Latest)} (a working day within the statutory limit).")}</p>
                """,
            _ => $"{about}<p>{Page.H(result.Message)}</p>",
        };
        return page.Render(page.T("确认提醒", "Acknowledge"), viewer, body);
    }
}
