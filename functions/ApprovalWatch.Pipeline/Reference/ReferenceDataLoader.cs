using System.Text;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Weekly;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Presentation.Digests;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.Pipeline.Reference;

/// <summary>
/// Loads the configuration data from the config container — <c>catalogue.csv</c>, <c>directory.csv</c>, the
/// optional <c>served-regions.csv</c> and the <see cref="CalendarFolder"/> — so that an operator's new file
/// takes effect without a deploy. Kept per instance and read again only when a file's ETag changed: a load
/// costs one listing of the container, not a read of every file. A missing or malformed file fails the run
/// with a message naming it — except the escalation ladder (<c>escalation.json</c>) and the digest templates
/// (<c>templates/*.liquid</c>), which are optional: a broken one is reported (log, operator report) and the
/// last good one, or the built-in one, stays in force.
/// </summary>
public sealed class ReferenceDataLoader(StorageAccount storage, Staff.LeaveRegister leaveRegister, TimeProvider time, ILogger<ReferenceDataLoader> logger)
{
    public const string CatalogueBlob = "catalogue.csv";
    public const string DirectoryBlob = "directory.csv";

    // Absences entered on the board are read again at most this often: a new one takes effect within it.
    private static readonly TimeSpan LeaveFreshFor = TimeSpan.FromSeconds(30);

    private Loaded? _loaded;
    private BoardLeave? _boardLeave;

    /// <summary>The reference data, with the absences entered on the board added to <c>leave.csv</c>'s.</summary>
    public async Task<ReferenceData> LoadAsync(CancellationToken cancellationToken)
    {
        var loaded = await LoadedAsync(cancellationToken);
        var now = time.GetUtcNow();
        var leave = Volatile.Read(ref _boardLeave);
        // Merged once per read of the table and per configuration, not per load.
        if (
            leave is null
            || !ReferenceEquals(leave.Into, loaded)
            || leave.Version != leaveRegister.Version
            || now - leave.ReadAt > LeaveFreshFor
            || now < leave.ReadAt
        )
        {
            // The version before the read: a change made while it reads is read again next time.
            var version = leaveRegister.Version;
            var absences = await leaveRegister.ListAsync(cancellationToken);
            leave = new BoardLeave(now, loaded, absences.Count == 0 ? loaded.Data : loaded.Data with { Leave = loaded.Data.Leave.With(absences) }, version);
            Volatile.Write(ref _boardLeave, leave);
        }

        return leave.Data;
    }

    /// <summary>The digest templates in force (<c>templates/*.liquid</c>, else the built-in ones), loaded with the reference data.</summary>
    public async Task<DigestTemplates> TemplatesAsync(CancellationToken cancellationToken) => (await LoadedAsync(cancellationToken)).Templates;

    private async Task<Loaded> LoadedAsync(CancellationToken cancellationToken)
    {
        var container = storage.Config;
        var versions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (
                blob.Name
                    is CatalogueBlob
                        or DirectoryBlob
                        or ReferenceData.ServedRegionsFile
                        or EscalationLadderFile.BlobName
                        or DigestTemplates.HtmlBlob
                        or DigestTemplates.TextBlob
                        or PaceCurve.BlobName
                        or LeaveBook.BlobName
                        or NoticeSettings.BlobName
                        or Domain.Chat.ChatRobot.BlobName
                || blob.Name.StartsWith(CalendarFolder.Prefix, StringComparison.Ordinal)
            )
            {
                versions[blob.Name] = blob.Properties.ETag?.ToString() ?? "";
            }
        }

        var version = string.Join('\n', versions.Select(v => $"{v.Key} {v.Value}"));
        if (Volatile.Read(ref _loaded) is { } loaded && loaded.Version == version)
        {
            return loaded;
        }

        var (data, templates) = await ReadAllAsync(container, versions.Keys, Volatile.Read(ref _loaded), cancellationToken);
        foreach (var problem in data.Problems)
        {
            logger.LogError("Configuration refused: {Problem}", problem);
        }

        var fresh = new Loaded(version, data, templates);
        Volatile.Write(ref _loaded, fresh);
        return fresh;
    }

    private static async Task<(ReferenceData Data, DigestTemplates Templates)> ReadAllAsync(
        BlobContainerClient container,
        ICollection<string> names,
        Loaded? lastGood,
        CancellationToken cancellationToken
    )
    {
        var problems = new List<string>();
        ProcedureCatalogue catalogue;
        StaffDirectory staff;
        CalendarSet calendars;
        IReadOnlyList<string> regions;
        try
        {
            catalogue = ProcedureCatalogue.Parse(await ReadAsync(container, CatalogueBlob, cancellationToken));
            staff = StaffDirectory.Parse(await ReadAsync(container, DirectoryBlob, cancellationToken));
            calendars = await CalendarFolder.LoadAsync(names.Where(n => n.StartsWith(CalendarFolder.Prefix, StringComparison.Ordinal)), name =>
                ReadAsync(container, name, cancellationToken)
            );
            var unknown = staff.People.FirstOrDefault(p => !calendars.Has(p.Calendar));
            if (unknown is not null)
            {
                throw new FormatException($"{DirectoryBlob}: {unknown.Email} keeps calendar '{unknown.Calendar}', which has no files under calendar/.");
            }

            regions = names.Contains(ReferenceData.ServedRegionsFile)
                ? ReferenceData.ParseServedRegions(await ReadAsync(container, ReferenceData.ServedRegionsFile, cancellationToken))
                : [];
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException && lastGood is not null)
        {
            // A file refused whole never locks everyone out: the last good catalogue, directory and calendars stay in force.
            (catalogue, staff, calendars, regions) = (lastGood!.Data.Catalogue, lastGood.Data.Staff, lastGood.Data.Calendars, lastGood.Data.ServedRegions);
            problems.Add($"{e.Message} — the last good catalogue, directory and calendars stay in force");
        }

        var last = lastGood?.Data;
        var ladder = await OptionalAsync(
            EscalationLadderFile.BlobName,
            r => EscalationLadderFile.Parse(r.ReadToEnd(), catalogue),
            last?.Ladder,
            EscalationLadder.Default,
            "ladder",
            "the built-in ladder"
        );
        var pace = await OptionalAsync<PaceCurve?>(PaceCurve.BlobName, PaceCurve.Parse, last?.Pace, null, "months' weights", "the working-day pace");
        var leave = await OptionalAsync(LeaveBook.BlobName, LeaveBook.Parse, last?.Leave, LeaveBook.None, "leave list", "nobody is taken as away");
        var robots = await OptionalAsync<IReadOnlyList<Domain.Chat.ChatRobot>>(
            Domain.Chat.ChatRobot.BlobName,
            Domain.Chat.ChatRobot.Parse,
            last?.ChatRobots,
            [],
            "chat robots",
            "no group chat robot"
        );
        // Notices are the prefecture's choice, made by giving their numbering; a numbering refused keeps them going.
        NoticeSettings? notices = names.Contains(NoticeSettings.BlobName)
            ? await OptionalAsync(
                NoticeSettings.BlobName,
                r => NoticeSettings.Parse(r.ReadToEnd()),
                last?.Notices,
                NoticeSettings.Default,
                "notice numbering",
                "the built-in notice numbering"
            )
            : null;

        var templates = DigestTemplates.BuiltIn;
        if (names.Contains(DigestTemplates.HtmlBlob) || names.Contains(DigestTemplates.TextBlob))
        {
            try
            {
                templates = DigestTemplates.From(await OptionalTextAsync(DigestTemplates.HtmlBlob), await OptionalTextAsync(DigestTemplates.TextBlob));
            }
            catch (FormatException e)
            {
                templates = lastGood?.Templates ?? DigestTemplates.BuiltIn;
                problems.Add($"{e.Message} — {(lastGood is null ? "the built-in templates" : "the last good templates")} stay in force");
            }
        }

        return (
            new ReferenceData(catalogue, staff, calendars, regions)
            {
                Ladder = ladder,
                Pace = pace,
                Leave = leave,
                Notices = notices,
                ChatRobots = robots,
                Problems = problems,
            },
            templates
        );

        // An optional file: absent, the built-in value; refused, the last good one (or the built-in one) stays in force, and the refusal is reported.
        async Task<T> OptionalAsync<T>(string name, Func<TextReader, T> parse, T? lastGoodValue, T builtIn, string what, string builtInWhat)
        {
            if (!names.Contains(name))
            {
                return builtIn;
            }

            try
            {
                return parse(await ReadAsync(container, name, cancellationToken));
            }
            catch (FormatException e)
            {
                problems.Add($"{e.Message} — {(lastGoodValue is null ? builtInWhat : $"the last good {what}")} stays in force");
                return lastGoodValue ?? builtIn;
            }
        }

        async Task<string?> OptionalTextAsync(string name) =>
            names.Contains(name) ? await (await ReadAsync(container, name, cancellationToken)).ReadToEndAsync(cancellationToken) : null;
    }

    private static async Task<TextReader> ReadAsync(BlobContainerClient container, string name, CancellationToken cancellationToken)
    {
        try
        {
            var content = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return new StringReader(Encoding.UTF8.GetString(content.Value.Content.ToMemory().Span).TrimStart('\uFEFF'));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new InvalidOperationException($"Configuration file {container.Name}/{name} is missing.", e);
        }
    }

    /// <summary>The board's absences as read at a time, merged into the configuration of that time.</summary>
    private sealed record BoardLeave(DateTimeOffset ReadAt, Loaded Into, ReferenceData Data, long Version);

    /// <summary>The data and templates as read, and the names and ETags of the files they were read from.</summary>
    private sealed record Loaded(string Version, ReferenceData Data, DigestTemplates Templates);
}
