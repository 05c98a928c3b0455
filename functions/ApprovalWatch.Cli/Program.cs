using System.CommandLine;
using ApprovalWatch.Cli;
using ApprovalWatch.Cli.Commands;
using ApprovalWatch.Domain.Deadlines;

var storage = CommonOptions.Storage();
var outFolder = new Option<string>("--out-folder")
{
    Description = "Folder for the files commands write (reports of a dry run)",
    DefaultValueFactory = _ => "out",
    Recursive = true,
};
var verbose = CommonOptions.Verbose();
var asOf = CommonOptions.AsOf();
var config = CommonOptions.Config();

var root = new RootCommand(
    "approvalwatch: the operator's tool over the app's storage — ingest a file, scan or dry-run a day, reports, status, mail, calendars, templates"
)
{
    storage, outFolder, verbose,
};

CliSettings Settings(ParseResult r) => new(r.GetValue(storage), r.GetValue(asOf), Path.Combine(r.GetValue(outFolder)!, "mail"), r.GetValue(verbose));

var file = new Argument<FileInfo>("file") { Description = "The department's file" };
var department = new Option<string>("--department") { Description = "The department whose folder it goes into", Required = true };
var ingest = new Command("ingest", "Upload one file into submissions/{department}/ and ingest it now") { file, department };
ingest.SetAction((r, ct) => OperatorCommands.IngestAsync(Settings(r), r.GetValue(file)!, r.GetValue(department)!, Console.Out, ct));
root.Add(ingest);

var dryRun = new Option<bool>("--dry-run") { Description = "Print who would get what; write and send nothing" };
var scan = new Command("scan", "Flag every procedure and send the day's digests") { asOf, dryRun };
scan.SetAction((r, ct) => OperatorCommands.ScanAsync(Settings(r), r.GetValue(dryRun), Console.Out, ct));
root.Add(scan);

var replay = new Command(
    "replay",
    "Show what every flag and digest line was (or would have been) on a past day (--as-of), from the stored facts as they stood that day; "
        + "writes and sends nothing"
)
{
    asOf,
};
replay.SetAction((r, ct) => OperatorCommands.ReplayAsync(Settings(r), Console.Out, ct));
root.Add(replay);

var week = new Option<string?>("--week") { Description = "The ISO week, e.g. 2026-W12 (default: this week, or the week of --as-of)" };
var weeklyDryRun = new Option<bool>("--dry-run") { Description = "Write the files under out/reports/ only; archive and send nothing" };
var weeklyReport = new Command(
    "weekly",
    "The weekly scheduling report (周调度): archived, sent to leaders, coordinators and department heads, and written under out/reports/"
)
{
    week,
    weeklyDryRun,
    asOf,
};
weeklyReport.SetAction((r, ct) => ReportCommand.RunAsync(Settings(r), r.GetValue(week), r.GetValue(weeklyDryRun), Console.Out, ct));
var month = new Option<string?>("--month") { Description = "The month, e.g. 2026-03 (default: the month before today, or before --as-of)" };
var monthlyDryRun = new Option<bool>("--dry-run") { Description = "Write the files under out/reports/monthly/ only; archive and send nothing" };
var monthlyReport = new Command(
    "monthly",
    "The monthly efficiency bulletin (效能通报): archived, sent to department heads, leaders and coordinators, and written under out/reports/monthly/"
)
{
    month,
    monthlyDryRun,
    asOf,
};
monthlyReport.SetAction((r, ct) => MonthlyReportCommand.RunAsync(Settings(r), r.GetValue(month), r.GetValue(monthlyDryRun), Console.Out, ct));
root.Add(new Command("report", "Reports") { weeklyReport, monthlyReport });

var status = new Command(
    "status",
    "Print what went wrong and is not mended: poisoned messages, failed and uncertain mail, missed scans, refused files, stalled ingestions"
);
status.SetAction((r, ct) => OperatorCommands.StatusAsync(Settings(r), Console.Out, ct));
root.Add(status);

var backupTo = new Option<string>("--to") { Description = "The folder the backup is written into", Required = true };
var backup = new Command("backup", "Export every state table (procedures, History, notices, leave, acknowledgements…) into a folder, row for row")
{
    backupTo,
};
backup.SetAction((r, ct) => BackupCommands.BackupAsync(Settings(r), r.GetValue(backupTo)!, Console.Out, ct));
root.Add(backup);

var restoreFrom = new Option<string>("--from") { Description = "The folder a backup was written into", Required = true };
var force = new Option<bool>("--force") { Description = "Restore into a store that already holds rows (rows of the same keys are replaced)" };
var restore = new Command("restore", "Restore a backup into an empty store; refuses a store that holds rows unless --force") { restoreFrom, force };
restore.SetAction((r, ct) => BackupCommands.RestoreAsync(Settings(r), r.GetValue(restoreFrom)!, r.GetValue(force), Console.Out, ct));
root.Add(restore);

var retryDate = new Option<DateOnly?>("--date")
{
    Description = "The office day whose mail is sent again (default: today)",
    CustomParser = r => CommonOptions.ParseDate(r.Tokens[0].Value),
};
var uncertain = new Option<bool>("--uncertain") { Description = "Also send mail whose delivery is uncertain (it may arrive twice)" };
var retry = new Command("retry", "Send again the mail of a day that failed") { retryDate, uncertain };
retry.SetAction((r, ct) => OperatorCommands.RetryMailAsync(Settings(r), r.GetValue(retryDate), r.GetValue(uncertain), Console.Out, ct));
root.Add(new Command("notify", "The mail ledger") { retry });

var previewTo = new Option<string>("--to") { Description = "The recipient's email", Required = true };
var previewOut = new Option<string?>("--out") { Description = "The HTML file to write (default: out/preview/{date}-{email}.html)" };
var preview = new Command(
    "preview",
    "One person's digest of a day as the scan would make it: HTML to a file, the text printed; nothing written to storage, nothing sent"
)
{
    previewTo,
    asOf,
    previewOut,
};
preview.SetAction((r, ct) => MailPreviewCommand.RunAsync(Settings(r), r.GetValue(previewTo)!, r.GetValue(previewOut), Console.Out, ct));
root.Add(new Command("mail", "The digests") { preview });

var calendarName = new Option<string>("--calendar")
{
    Description = "The calendar: national, or a layer such as xinjiang (the region) or kizilsu (the prefecture on it)",
    DefaultValueFactory = _ => "national",
};
var from = new Option<DateOnly>("--from")
{
    Description = "The acceptance date",
    Required = true,
    CustomParser = r => CommonOptions.ParseDate(r.Tokens[0].Value) ?? default,
};
var days = new Option<int>("--days") { Description = "The time limit in working days", Required = true };
var extend = new Option<int>("--extend") { Description = "Working days of an approved extension" };
var pause = new Option<string[]>("--pause")
{
    Description = "A pause FROM..TO (TO may be empty while still paused); repeatable",
    AllowMultipleArgumentsPerToken = false,
};
var due = new Command("due", "Print the due date: the N-th working day after the acceptance date, pauses not counted")
{
    from,
    days,
    extend,
    pause,
    calendarName,
    config,
};
due.SetAction(r =>
    CalendarCommands.DueAsync(
        r.GetValue(config),
        r.GetValue(calendarName)!,
        r.GetValue(from),
        r.GetValue(days),
        r.GetValue(extend),
        ParsePauses(r.GetValue(pause) ?? []),
        Console.Out
    )
);
root.Add(due);

var year = new Argument<int>("year") { Description = "The year" };
var show = new Command("show", "Print a year's holidays and swapped working days with the notices they come from") { year, calendarName, config };
show.SetAction(r => CalendarCommands.ShowAsync(r.GetValue(config), r.GetValue(calendarName)!, r.GetValue(year), Console.Out));
root.Add(new Command("calendar", "The working-day calendars") { show });

var templateDepartment = new Option<string>("--department") { Description = "The department", Required = true };
var templateFormat = new Option<string>("--format") { Description = "xlsx or csv", DefaultValueFactory = _ => "xlsx" };
templateFormat.AcceptOnlyFromAmong("xlsx", "csv");
var templateOut = new Option<string?>("--out") { Description = "The file to write (default: DEPARTMENT.FORMAT here)" };
var templatePrefilled = new Option<bool>("--prefilled")
{
    Description = "This week's sheet: the department's open procedures as stored (read from storage), to change and send back",
};
var template = new Command(
    "template",
    "Write the blank file a department fills in, with the department's procedures, or this week's pre-filled sheet"
)
{
    templateDepartment,
    templateFormat,
    templateOut,
    templatePrefilled,
    config,
};
template.SetAction(
    (r, ct) =>
        r.GetValue(templatePrefilled)
            ? TemplateCommand.PrefilledAsync(Settings(r), r.GetValue(templateDepartment)!, r.GetValue(templateOut), Console.Out, ct)
            : TemplateCommand.RunAsync(
                r.GetValue(config),
                r.GetValue(templateDepartment)!,
                r.GetValue(templateFormat)!,
                r.GetValue(templateOut),
                Console.Out
            )
);
root.Add(template);

return await CommonOptions.InvokeAsync(root, args);


static IReadOnlyList<Pause> ParsePauses(IEnumerable<string> texts) => texts.Select(text =>
{
    var parts = text.Split("..");
    return parts.Length == 2 && CommonOptions.ParseDate(parts[0]) is { } start
        ? new Pause(start, parts[1].Length == 0 ? null : CommonOptions.ParseDate(parts[1]), "")
        : throw new FormatException($"'{text}' is not a pause FROM..TO.");
}).ToList();
