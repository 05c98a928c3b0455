using System.CommandLine;
using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Cli;

/// <summary>The options and the running of a command line that the operator's tool and the development tool share.</summary>
public static class CommonOptions
{
    public static Option<string?> Storage() =>
        new("--storage") { Description = "Storage connection string (default: AzureWebJobsStorage, else Azurite)", Recursive = true };

    public static Option<bool> Verbose() => new("--verbose") { Description = "Log what each step does", Recursive = true };

    public static Option<DateOnly?> AsOf() =>
        new("--as-of")
        {
            Description = $"Act as on this office day ({IsoDate.Pattern}), 10:00 Beijing time",
            CustomParser = r => ParseDate(r.Tokens[0].Value),
        };

    public static Option<string?> Config() =>
        new("--config")
        {
            Description = "The configuration folder: catalogue.csv, directory.csv, calendar/ (default: samples/config here or above)",
        };

    public static DateOnly? ParseDate(string text) =>
        DateText.TryParse(text, out var date) ? date : throw new FormatException($"'{text}' is not a date ({DateText.Shapes}).");

    /// <summary>Runs the command line; bad input or missing data is said in one line, without a stack trace (exit code 1).</summary>
    public static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException or IOException or ArgumentException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
