using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Domain.Receipts;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Domain.Submissions.Files;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Mail;
using ApprovalWatch.Pipeline.Reference;
using ApprovalWatch.Pipeline.Storage;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Pipeline.Ingestion;

/// <summary>
/// Reads one submitted file, validates it against the catalogue and the department's authority (its
/// folder), applies the valid rows and writes the receipt; when rows were rejected or the file could not
/// be read, the department's contacts get the receipt by email. The original blob is never changed. The
/// file is read twice, row by row: once to check it whole, so a refused file applies nothing, once to
/// apply it. The same message twice gives the same tables and the same receipt.
/// </summary>
public sealed class SubmissionIngestor(
    StorageAccount storage,
    ReferenceDataLoader referenceLoader,
    ProcedureApplier applier,
    ProcedureTable procedures,
    KeyProjects.ProjectFileApplier projectFiles,
    SubmissionLedger ledger,
    IngestClaims claims,
    ReceiptWriter receipts,
    NotificationQueue replies,
    IOptions<IngestOptions> options,
    LargeFileTurns largeFiles,
    IOptions<Links.BoardOptions> board,
    TimeProvider time,
    ILogger<SubmissionIngestor> logger)
{
    // Beyond this many projects with changed locked cells, one query of the department's rows is cheaper than one per project.
    private const int MaxProjectsLookedUp = 20;

    /// <summary>
    /// Ingests one blob version, holding its in-flight claim (state <c>applying</c>) until the receipt is
    /// written; null when that version is gone (deleted or replaced since it was gathered).
    /// </summary>
    public async Task<Receipt?> IngestAsync(IngestMessage message, CancellationToken cancellationToken)
    {
        await using var hold = await claims.HoldAsync(message.BlobName, message.ETag, cancellationToken);
        Receipt? receipt;
        try
        {
            receipt = await IngestHeldAsync(message, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 400 or 413 && e.ErrorCode is not null)
        {
            // The store refuses what this file makes us write (a receipt name past the length limit, say): retrying cannot help.
            logger.LogError(e, "{Blob} could not be ingested, not even to write its receipt; recorded as refused and never queued again", message.BlobName);
            await hold.DisposeAsync();
            await claims.RefuseAsync(message.BlobName, message.ETag, $"{e.Status} {e.ErrorCode}: {e.Message.Split('\n')[0]}", cancellationToken);
            return null;
        }

        await hold.ReleaseAsync(cancellationToken);
        return receipt;
    }

    private async Task<Receipt?> IngestHeldAsync(IngestMessage message, CancellationToken cancellationToken)
    {
        var limits = options.Value.Limits;
        await using var file = await SubmissionFile.DownloadAsync(storage.Submissions, message, limits.MaxFileBytes, cancellationToken);
        if (file is null)
        {
            logger.LogInformation("Submission {Blob} version {ETag} is gone; a newer version, if any, is gathered on its own", message.BlobName, message.ETag);
            return null;
        }

        using var turn = await largeFiles.TakeAsync(file.Length > options.Value.LargeFileBytes, cancellationToken);

        var department = Department.OfBlob(message.BlobName);
        if (department is null)
        {
            return await RefuseAsync(
                message,
                "",
                file.Hash,
                null,
                Reason.Of("file.outside_department_folder", string.Join(", ", Department.All.Select(d => d.Id))),
                cancellationToken
            );
        }

        var reference = await referenceLoader.LoadAsync(cancellationToken);
        if (file.Length > limits.MaxFileBytes)
        {
            return await RefuseAsync(
                message,
                department.Id,
                file.Hash,
                reference,
                Reason.Of("file.too_large", file.Length, limits.MaxFileBytes),
                cancellationToken
            );
        }

        if (await ledger.FindAsync(department.Id, file.Hash, cancellationToken) is { } first && first.BlobName != message.BlobName)
        {
            return await WriteAsync(
                message,
                Receipt.DuplicateOfFile(message.BlobName, department.Id, file.Hash, time.GetUtcNow(), first.BlobName, first.AppliedAt),
                null,
                cancellationToken
            );
        }

        SubmissionValidator Validator(IReadOnlyCollection<LockedCells>? lockedOriginals = null) =>
            new(
                reference.Catalogue,
                department.Id,
                file.LastModified,
                limits.MaxRows,
                servedRegions: reference.ServedRegions,
                receivedOn: OfficeClock.DateOf(file.LastModified),
                lockedRows: board.Value.RowChecks,
                lockedOriginals: lockedOriginals
            );
        OpenedSubmission Open()
        {
            file.Content.Position = 0;
            return SubmissionReader.Open(message.BlobName, file.Content, limits);
        }

        var fileDate = FileDataDate.Of(message.BlobName, OfficeClock.DateOf(file.LastModified));
        ProjectFileValidator ProjectValidator(ProjectFileKind kind) => new(kind, reference.Staff, reference.ServedRegions, fileDate, limits.MaxRows);

        // The first pass reads and validates the whole file, its kind told from its first rows on the way: whatever it
        // holds ends in a receipt, never in an exception, and a file that cannot be read to its end applies nothing.
        OpenedSubmission check;
        ProjectFileKind? projectFile;
        SubmissionValidator? firstPass;
        try
        {
            check = Open();
            var (head, rows) = RowLookahead.Split(check.Rows, ProjectFileKind.HeaderLookAhead);
            projectFile = ProjectFileKind.Detect(head);
            firstPass = projectFile is null ? Validator() : null;
            _ = firstPass?.Validate(rows).Count() ?? ProjectValidator(projectFile!).Validate(rows).Count();
            if (firstPass?.OtherDepartmentsFile is { } owner)
            {
                var wrongFile = Reason.Of("file.other_department", owner, department.Id);
                return await RefuseAsync(message, department.Id, file.Hash, reference, wrongFile, cancellationToken);
            }
        }
        catch (UnreadableSubmissionException e)
        {
            return await RefuseAsync(message, department.Id, file.Hash, reference, e.Reason, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Reading {Blob} failed in an unforeseen way; refused with a receipt", message.BlobName);
            return await RefuseAsync(
                message,
                department.Id,
                file.Hash,
                reference,
                Reason.Of("file.unreadable", e.GetType().Name),
                cancellationToken
            );
        }

        if (projectFile is not null)
        {
            return await ApplyProjectFileAsync(
                message,
                file.Hash,
                department.Id,
                check,
                ProjectValidator(projectFile),
                Open().Rows,
                reference,
                fileDate,
                cancellationToken
            );
        }

        // What changed locked cells said is looked for only when some were changed: in their projects, or the department's rows.
        var lockedOriginals = firstPass!.LockedChangedProjects.Count == 0
            ? null
            : await procedures.LockedCellsAsync(
                firstPass.LockedChangedProjects,
                department.Id,
                firstPass.LockedProjectCodeChanged || firstPass.LockedChangedProjects.Count > MaxProjectsLookedUp,
                cancellationToken
            );
        var validator = Validator(lockedOriginals);
        var handlers = new HandlerCheck(reference.Staff);
        var result = await applier.ApplyAsync(
            validator.Validate(Open().Rows).Select(handlers.Check),
            message.BlobName,
            file.Hash,
            cancellationToken,
            reference.Catalogue,
            await ledger.UploaderOfAsync(message.BlobName, message.ETag, cancellationToken)
        );
        // A message delivered again finds every row applied already: the first delivery's receipt tells what they changed.
        var changes = result.Changes.Count > 0
            ? result.Changes
            : (await receipts.ReadVersionAsync(message.BlobName, message.ETag, cancellationToken))?.Changes ?? [];
        var receipt = await WriteAsync(
            message,
            new Receipt
            {
                File = message.BlobName,
                Department = department.Id,
                Status = Receipt.AppliedStatus,
                Format = check.Format,
                Notes = Receipt.Bounded([
                    .. check.Notes,
                    .. validator.IgnoredColumns.Select(c => Reason.Of("file.column_not_read", c)),
                    .. handlers.Notes(),
                    .. result.Contradictions.Select(c => c.Note),
                    .. result.Conflicts.Select(c => c.Note),
                    .. await BackdatedNotesAsync(result, cancellationToken),
                ]),
                ContentHash = file.Hash,
                ReceivedAt = time.GetUtcNow(),
                Rows = validator.DataRows,
                Applied = result.Applied,
                Unchanged = result.Unchanged,
                Stale = result.Stale.Count,
                Rejected = validator.RejectedRows + result.Refused.Count,
                Errors = [.. validator.Errors, .. result.Refused],
                ErrorsNotListed = validator.ErrorsNotListed,
                StaleRows = result.Stale,
                Changes = [.. changes.Take(Receipt.MaxChanges)],
                ChangesNotListed = Math.Max(0, changes.Count - Receipt.MaxChanges),
            },
            reference,
            cancellationToken
        );

        await ledger.RecordAsync(receipt, cancellationToken);
        logger.LogInformation(
            "Ingested {Blob} ({Format}): {Applied} applied, {Unchanged} unchanged, {Stale} stale, {Rejected} rejected",
            message.BlobName, check.Format, receipt.Applied, receipt.Unchanged, receipt.Stale, receipt.Rejected);
        return receipt;
    }

    /// <summary>A project file (register, progress, problems): applied to the KeyProjects table, its receipt written like a procedure file's.</summary>
    private async Task<Receipt> ApplyProjectFileAsync(
        IngestMessage message,
        string hash,
        string department,
        OpenedSubmission check,
        ProjectFileValidator validator,
        IEnumerable<SourceRow> rows,
        ReferenceData reference,
        DateOnly fileDate,
        CancellationToken cancellationToken
    )
    {
        if (!validator.Kind.AllowedFor(department))
        {
            return await RefuseAsync(
                message,
                department,
                hash,
                reference,
                Reason.Of("file.project_file_not_allowed", validator.Kind.Id),
                cancellationToken
            );
        }

        var outcome = await projectFiles.ApplyAsync(validator.Validate(rows), department, message.BlobName, reference, fileDate, cancellationToken);
        var receipt = await WriteAsync(message, new Receipt
        {
            File = message.BlobName,
            Department = department,
            Status = Receipt.AppliedStatus,
            Format = check.Format,
            Notes = Receipt.Bounded([.. check.Notes, Reason.Of("file.read_as_project_file", validator.Kind.Id), .. outcome.Notes]),
            ContentHash = hash,
            ReceivedAt = time.GetUtcNow(),
            Rows = validator.DataRows,
            Applied = outcome.Applied,
            Unchanged = outcome.Unchanged,
            Rejected = validator.RejectedRows + outcome.Refused.Count,
            Errors = [.. validator.Errors, .. outcome.Refused],
            ErrorsNotListed = validator.ErrorsNotListed,
        }, reference, cancellationToken);
        await ledger.RecordAsync(receipt, cancellationToken);
        logger.LogInformation(
            "Ingested {Blob} as a {Kind} file: {Applied} applied, {Unchanged} unchanged, {Rejected} rejected",
            message.BlobName,
            validator.Kind.Id,
            receipt.Applied,
            receipt.Unchanged,
            receipt.Rejected
        );
        return receipt;
    }

    /// <summary>The receipt's notes on back-dated rows, each naming who uploaded the two files (as the app recorded it; — when not on the board).</summary>
    private async Task<List<Reason>> BackdatedNotesAsync(ApplyResult result, CancellationToken cancellationToken)
    {
        var uploaders = await ledger.UploadersAsync(result.Backdated.SelectMany(b => new[] { b.EarlierFile, b.LaterFile }), cancellationToken);
        string UploaderOf(string name) => uploaders.GetValueOrDefault(name) ?? "—";
        return [.. result.Backdated.Select(late => late.Note(UploaderOf(late.EarlierFile), UploaderOf(late.LaterFile)))];
    }

    private Task<Receipt> RefuseAsync(
        IngestMessage message,
        string department,
        string hash,
        ReferenceData? reference,
        Reason reason,
        CancellationToken cancellationToken
    )
    {
        logger.LogWarning("Submission {Blob} was not read: {Reason}", message.BlobName, reason);
        return WriteAsync(message, Receipt.Unreadable(message.BlobName, department, hash, time.GetUtcNow(), reason), reference, cancellationToken);
    }

    /// <summary>Writes the receipt; when something was rejected, queues it by email to the department's contacts.</summary>
    private async Task<Receipt> WriteAsync(IngestMessage message, Receipt receipt, ReferenceData? reference, CancellationToken cancellationToken)
    {
        await receipts.WriteAsync(receipt, message.ETag, cancellationToken);
        if (reference is not null && (receipt.NeedsReply || receipt.TellsHead))
        {
            var day = OfficeClock.DateOf(receipt.ReceivedAt);
            // A contact away: whoever stands in for him gets it. A correction goes to the head as well.
            var recipients = (receipt.NeedsReply ? reference.Staff.WithRole(Role.Contact, receipt.Department) : [])
                .Concat(receipt.TellsHead ? reference.Staff.WithRole(Role.Head, receipt.Department) : [])
                .Select(c => StandIns.Receiver(c.Email, reference.Staff, reference.Leave, day))
                .Distinct(StringComparer.OrdinalIgnoreCase);
            foreach (var to in recipients)
            {
                await replies.SendAsync(ReceiptMail.Message(day, to, receipt.File), TimeSpan.Zero, cancellationToken);
            }
        }

        return receipt;
    }
}
