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
/// costs one listing of the container, not a read of every file. Each accepted file is kept as the last good copy
/// (<see cref="LastGoodConfiguration"/>); a refused one is reported (log, operator report, file and line) while the last
/// good one stays in force — this process's, else the kept copy, else, for the optional files (the ladder, templates,
/// notices…), the built-in one. Only with no good copy ever does a refused catalogue, directory or calendar stop
/// everything (<see cref="ConfigurationUnavailableException"/>), and pages and the fallback operator address say why.
/// </summary>
public sealed class ReferenceDataLoader(
    StorageAccount storage,
    LastGoodConfiguration lastGoodCopies,
    Staff.LeaveRegister leaveRegister,
    TimeProvider time,
    ILogger<ReferenceDataLoader> logger
)
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

        var (data, templates) = await ReadAllAsync(container, versions, Volatile.Read(ref _loaded), cancellationToken);
        foreach (var problem in data.Problems)
        {
            logger.LogError("Configuration refused: {Problem}", problem);
        }

        var fresh = new Loaded(version, data, templates);
        Volatile.Write(ref _loaded, fresh);
        return fresh;
    }

    private async Task<(ReferenceData Data, DigestTemplates Templates)> ReadAllAsync(
        BlobContainerClient container,
        IReadOnlyDictionary<string, string> versions,
        Loaded? lastGood,
        CancellationToken cancellationToken
    )
    {
        var files = new Dictionary<string, ConfigFile>(StringComparer.Ordinal);
        foreach (var (name, etag) in versions)
        {
            files[name] = new ConfigFile(name, etag, await ReadTextAsync(container, name, cancellationToken));
        }

        var problems = new List<string>();
        var accepted = new List<ConfigFile>();
        Core core;
        try
        {
            core = await ParseCoreAsync(files.ToDictionary(f => f.Key, f => f.Value.Text), container.Name);
            accepted.AddRange(files.Values.Where(f => Core.Holds(f.Name)));
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            // A file refused whole never locks everyone out: the last good catalogue, directory and calendars stay in
            // force — this process's, or, in a fresh one, the copies kept when they were last accepted.
            if (lastGood is not null)
            {
                core = new Core(lastGood.Data.Catalogue, lastGood.Data.Staff, lastGood.Data.Calendars, lastGood.Data.ServedRegions);
                problems.Add($"{e.Message} — the last good catalogue, directory and calendars stay in force");
            }
            else
            {
                var copies = await lastGoodCopies.ReadAsync(Core.Files, CalendarFolder.Prefix, cancellationToken);
                try
                {
                    core = await ParseCoreAsync(copies, storage.LastGoodConfig.Name);
                }
                catch (Exception kept) when (kept is FormatException or InvalidOperationException)
                {
                    throw new ConfigurationUnavailableException(
                        $"{e.Message} — and no good copy of the catalogue, directory and calendars was ever kept: mend the file in {container.Name}/.",
                        e
                    );
                }

                problems.Add($"{e.Message} — the last good catalogue, directory and calendars (kept in {storage.LastGoodConfig.Name}/) stay in force");
            }
        }

        var catalogue = core.Catalogue;
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
        NoticeSettings? notices = files.ContainsKey(NoticeSettings.BlobName)
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
        if (files.ContainsKey(DigestTemplates.HtmlBlob) || files.ContainsKey(DigestTemplates.TextBlob))
        {
            try
            {
                templates = DigestTemplates.From(
                    files.GetValueOrDefault(DigestTemplates.HtmlBlob)?.Text,
                    files.GetValueOrDefault(DigestTemplates.TextBlob)?.Text
                );
                accepted.AddRange(files.Values.Where(f => f.Name is DigestTemplates.HtmlBlob or DigestTemplates.TextBlob));
            }
            catch (FormatException e)
            {
                var kept = lastGood?.Templates ?? await KeptTemplatesAsync();
                templates = kept ?? DigestTemplates.BuiltIn;
                problems.Add($"{e.Message} — {(kept is null ? "the built-in templates" : "the last good templates")} stay in force");
            }
        }

        // The calendar copies are replaced as a set, only when the set was accepted.
        await KeepAsync(accepted, accepted.Any(f => f.Name == CatalogueBlob) ? CalendarFolder.Prefix : null, cancellationToken);
        return (
            new ReferenceData(catalogue, core.Staff, core.Calendars, core.Regions)
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

        // An optional file: absent, the built-in value; refused, the last good one (this process's, else the kept copy,
        // else the built-in one) stays in force, and the refusal is reported.
        async Task<T> OptionalAsync<T>(string name, Func<TextReader, T> parse, T? lastGoodValue, T builtIn, string what, string builtInWhat)
        {
            if (!files.TryGetValue(name, out var file))
            {
                return builtIn;
            }

            try
            {
                var value = parse(new StringReader(file.Text));
                accepted.Add(file);
                return value;
            }
            catch (FormatException e)
            {
                var kept = lastGoodValue ?? await KeptAsync(name, parse);
                problems.Add($"{e.Message} — {(kept is null ? builtInWhat : $"the last good {what}")} stays in force");
                return kept ?? builtIn;
            }
        }

        async Task<T?> KeptAsync<T>(string name, Func<TextReader, T> parse)
        {
            var copies = await lastGoodCopies.ReadAsync([name], null, cancellationToken);
            try
            {
                return copies.TryGetValue(name, out var text) ? parse(new StringReader(text)) : default;
            }
            catch (FormatException)
            {
                return default;
            }
        }

        async Task<DigestTemplates?> KeptTemplatesAsync()
        {
            var copies = await lastGoodCopies.ReadAsync([DigestTemplates.HtmlBlob, DigestTemplates.TextBlob], null, cancellationToken);
            try
            {
                return copies.Count == 0
                    ? null
                    : DigestTemplates.From(copies.GetValueOrDefault(DigestTemplates.HtmlBlob), copies.GetValueOrDefault(DigestTemplates.TextBlob));
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }

    /// <summary>Keeps the accepted files' copies; a failure to keep them is logged and never stops the load.</summary>
    private async Task KeepAsync(IReadOnlyList<ConfigFile> accepted, string? replacing, CancellationToken cancellationToken)
    {
        try
        {
            await lastGoodCopies.KeepAsync(accepted, replacing, cancellationToken);
        }
        catch (RequestFailedException e)
        {
            logger.LogWarning(e, "The accepted configuration could not be kept as the last good copy");
        }
    }

    /// <summary>The catalogue, directory, calendars and served regions, which must agree with one another, from the texts of their files.</summary>
    private static async Task<Core> ParseCoreAsync(IReadOnlyDictionary<string, string> texts, string from)
    {
        TextReader Read(string name) =>
            texts.TryGetValue(name, out var text)
                ? new StringReader(text)
                : throw new InvalidOperationException($"Configuration file {from}/{name} is missing.");

        var catalogue = ProcedureCatalogue.Parse(Read(CatalogueBlob));
        var staff = StaffDirectory.Parse(Read(DirectoryBlob));
        var calendars = await CalendarFolder.LoadAsync(
            texts.Keys.Where(n => n.StartsWith(CalendarFolder.Prefix, StringComparison.Ordinal)),
            name => Task.FromResult(Read(name))
        );
        var unknown = staff.People.FirstOrDefault(p => !calendars.Has(p.Calendar));
        if (unknown is not null)
        {
            throw new FormatException($"{DirectoryBlob}: {unknown.Email} keeps calendar '{unknown.Calendar}', which has no files under calendar/.");
        }

        var regions = texts.ContainsKey(ReferenceData.ServedRegionsFile) ? ReferenceData.ParseServedRegions(Read(ReferenceData.ServedRegionsFile)) : [];
        return new Core(catalogue, staff, calendars, regions);
    }

    private static async Task<string> ReadTextAsync(BlobContainerClient container, string name, CancellationToken cancellationToken)
    {
        var content = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
        return Encoding.UTF8.GetString(content.Value.Content.ToMemory().Span).TrimStart('\uFEFF');
    }

    /// <summary>The files that must agree with one another, accepted or refused together.</summary>
    private sealed record Core(ProcedureCatalogue Catalogue, StaffDirectory Staff, CalendarSet Calendars, IReadOnlyList<string> Regions)
    {
        public static readonly string[] Files = [CatalogueBlob, DirectoryBlob, ReferenceData.ServedRegionsFile];

        public static bool Holds(string name) => Files.Contains(name) || name.StartsWith(CalendarFolder.Prefix, StringComparison.Ordinal);
    }

    /// <summary>The board's absences as read at a time, merged into the configuration of that time.</summary>
    private sealed record BoardLeave(DateTimeOffset ReadAt, Loaded Into, ReferenceData Data, long Version);

    /// <summary>The data and templates as read, and the names and ETags of the files they were read from.</summary>
    private sealed record Loaded(string Version, ReferenceData Data, DigestTemplates Templates);
}
