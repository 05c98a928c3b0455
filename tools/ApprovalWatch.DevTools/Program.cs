using System.CommandLine;
using ApprovalWatch.Cli;
using ApprovalWatch.DevTools.Commands;
using ApprovalWatch.DevTools.Samples;
using ApprovalWatch.Pipeline.Hosting;

// approvalwatch-dev: what development runs here and nowhere else — the demo, the board served locally, the functions run on
// their schedules, benchmarks, the chaos run, the fuzzer and the sample scenario — over the local stand-ins.
var storage = CommonOptions.Storage();
var mail = new Option<string>("--mail")
{
    Description = "Folder for mail sent to the local SendGrid endpoint",
    DefaultValueFactory = _ => Path.Combine("out", "mail"),
    Recursive = true,
};
var verbose = CommonOptions.Verbose();
var port = new Option<int>("--port")
{
    Description = "The board's port on 127.0.0.1",
    DefaultValueFactory = _ => 8080,
    Recursive = true,
};
var asOf = CommonOptions.AsOf();
var samples = new Option<string?>("--samples") { Description = "The samples folder: config/ and submissions/ (default: samples/ here or above)" };
var config = CommonOptions.Config();

var root = new RootCommand(
    "approvalwatch-dev: the demo, the board and the functions served locally, benchmarks, chaos, fuzzing and the samples, over Azurite and local stand-ins"
)
{
    storage, mail, verbose, port,
};

CliSettings Settings(ParseResult r) => new(r.GetValue(storage), r.GetValue(asOf), r.GetValue(mail)!, r.GetValue(verbose), BoardPort: r.GetValue(port));

var serveDemo = new Option<bool>("--serve") { Description = "Keep the board served on 127.0.0.1 afterwards, until Ctrl+C" };
var demo = new Command("demo", "Load the sample configuration and files, then gather → ingest → scan → send as the Functions would")
{
    asOf,
    samples,
    serveDemo,
};
demo.SetAction((r, ct) => DemoCommand.RunAsync(Settings(r), r.GetValue(samples), Console.Out, ct, r.GetValue(serveDemo)));
root.Add(demo);

var identity = new Option<string>("--as")
{
    Description = "Who the board is served as (an email in the directory)",
    DefaultValueFactory = _ => DemoCommand.BoardIdentity,
};
var serve = new Command("serve", "Serve the board on 127.0.0.1 as one person until Ctrl+C") { identity };
serve.SetAction((r, ct) => ServeCommand.RunAsync(Settings(r), r.GetValue(identity)!, Console.Out, ct));
root.Add(serve);

var gatherSchedule = new Option<string>("--gather-schedule")
{
    DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GatherSchedule") ?? Schedules.Gather,
};
var scanSchedule = new Option<string>("--scan-schedule")
{
    DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ScanSchedule") ?? Schedules.Scan,
};
var weeklySchedule = new Option<string>("--weekly-schedule")
{
    DefaultValueFactory = _ => Environment.GetEnvironmentVariable("WeeklySchedule") ?? Schedules.Weekly,
};
var host = new Command("host", "Run the eight functions' services on their schedules and queues, and the board on 127.0.0.1, until Ctrl+C")
{
    gatherSchedule,
    scanSchedule,
    weeklySchedule,
    identity,
};
host.SetAction(
    (r, ct) =>
        HostCommand.RunAsync(
            Settings(r),
            r.GetValue(gatherSchedule)!,
            r.GetValue(scanSchedule)!,
            r.GetValue(weeklySchedule)!,
            r.GetValue(identity)!,
            Console.Out,
            ct
        )
);
root.Add(host);

var procedures = new Option<int>("--procedures") { DefaultValueFactory = _ => 1_000_000 };
var benchDue = new Command("due", "Due-date evaluations per second on one core") { procedures, config };
benchDue.SetAction(r => BenchCommand.DueAsync(r.GetValue(config), r.GetValue(procedures), Console.Out));
var benchRows = new Option<int>("--rows") { DefaultValueFactory = _ => 200_000 };
var applyRows = new Option<int>("--apply-rows")
{
    Description = "Rows the storage part applies (the emulator slows as tables grow)",
    DefaultValueFactory = _ => 20_000,
};
var benchIngest = new Command("ingest", "Rows per second parsed and validated, rows per second applied to storage, peak memory")
{
    benchRows,
    applyRows,
};
var pairs = new Option<int>("--pairs")
{
    Description = "Measured and raw parts taken alternately this many times; the median ratio is the figure",
    DefaultValueFactory = _ => 3,
    Recursive = true,
};
benchIngest.Add(pairs);
benchIngest.SetAction((r, ct) => BenchIngestCommand.RunAsync(Settings(r), r.GetValue(benchRows), r.GetValue(applyRows), r.GetValue(pairs), Console.Out, ct));
var chaosRows = new Option<int>("--rows") { DefaultValueFactory = _ => 50_000 };
var chaosGather = new Option<int>("--gather-seconds") { DefaultValueFactory = _ => 5 };
var chaos = new Command("chaos", "A large file gathered by a host that is killed mid-apply and started again; prints what was queued and applied")
{
    chaosRows,
    chaosGather,
};
chaos.SetAction((r, ct) => ChaosCommand.RunAsync(Settings(r), r.GetValue(chaosRows), r.GetValue(chaosGather), Console.Out, ct));
var scanProcedures = new Option<int>("--procedures") { DefaultValueFactory = _ => 200_000 };
var scanBaseline = new Option<int>("--baseline")
{
    DefaultValueFactory = _ => 20_000,
    Description = "A smaller size measured first, to compare peak memory with; 0 for none",
};
var benchScan = new Command(
    "scan",
    "The sharded daily scan over N procedures beside a raw scan of the same table; peak memory against a baseline size"
)
{
    scanProcedures,
    scanBaseline,
};
benchScan.Add(pairs);
benchScan.SetAction(
    (r, ct) => BenchScanCommand.RunAsync(Settings(r), r.GetValue(scanProcedures), r.GetValue(scanBaseline), r.GetValue(pairs), Console.Out, ct)
);
var webProcedures = new Option<int>("--procedures") { DefaultValueFactory = _ => 100_000 };
var benchWeb = new Command("web", "The board's requests (p50, p95) over N procedures beside the raw table queries of the same data") { webProcedures };
benchWeb.SetAction((r, ct) => BenchWebCommand.RunAsync(Settings(r), r.GetValue(webProcedures), Console.Out, ct));
var uploadRows = new Option<int>("--rows") { DefaultValueFactory = _ => 1_000 };
var uploads = new Option<int>("--uploads") { DefaultValueFactory = _ => 20 };
var benchUpload = new Command("upload", "From upload on the board to receipt on screen (p50, p95) beside the raw store's same writes and reads")
{
    uploadRows,
    uploads,
};
benchUpload.SetAction((r, ct) => BenchUploadCommand.RunAsync(Settings(r), r.GetValue(uploadRows), r.GetValue(uploads), Console.Out, ct));
var workbookRows = new Option<int>("--rows") { DefaultValueFactory = _ => 20_000 };
var benchWorkbook = new Command("workbook", "Peak memory reading a plain sheet, a heavy workbook under the caps, and one past them (refused)") { workbookRows };
benchWorkbook.SetAction(r => BenchWorkbookCommand.RunAsync(r.GetValue(workbookRows), Console.Out));
root.Add(new Command("bench", "Benchmarks that print figures") { benchDue, benchIngest, benchScan, benchWeb, benchUpload, benchWorkbook, chaos });

var fuzzSeconds = new Option<int>("--seconds") { DefaultValueFactory = _ => 300 };
var fuzzSeed = new Option<int>("--seed") { DefaultValueFactory = _ => Environment.TickCount };
var fuzzOut = new Option<string>("--out")
{
    Description = "Where inputs that crash are kept",
    DefaultValueFactory = _ => Path.Combine("tests", "ApprovalWatch.Domain.Tests", "Fixtures", "fuzz"),
};
var fuzz = new Command("fuzz", "Feed the readers and the validator mutated department files; keep any that crash as regression files")
{
    fuzzSeconds,
    fuzzSeed,
    fuzzOut,
};
fuzz.SetAction(r => FuzzCommand.RunAsync(r.GetValue(fuzzSeconds), r.GetValue(fuzzSeed), r.GetValue(fuzzOut)!, Console.Out));
root.Add(fuzz);

var output = new Option<string>("--out") { DefaultValueFactory = _ => "samples" };
var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 20260316 };
var generate = new Command("samples", "Regenerate the sample scenario (calendars in OUT/config/calendar are read, not written)") { output, seed };
generate.SetAction(async r =>
{
    var folder = new SampleFolder(r.GetValue(output)!);
    var calendar = (await folder.Config.CalendarsAsync()).ForRegion("653001");
    new SampleGenerator(calendar, DemoCommand.SampleDate, r.GetValue(seed)).WriteTo(folder.Path);
    Console.WriteLine($"Wrote the sample scenario to {Path.GetFullPath(folder.Path)}");
});
root.Add(generate);

return await CommonOptions.InvokeAsync(root, args);

