using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Reference;
using ApprovalWatch.Pipeline.Scanning;

namespace ApprovalWatch.Cli.Commands;

/// <summary>One person's digest of a day as the scan would make it (nothing written, nothing sent): the HTML to a file, the text printed.</summary>
public static class MailPreviewCommand
{
    public static async Task<int> RunAsync(CliSettings settings, string to, string? outFile, TextWriter output, CancellationToken cancellationToken)
    {
        await using var runtime = await CliRuntime.StartAsync(settings, cancellationToken);
        var (scan, digests) = await runtime.Get<DeadlineScanner>().PreviewDigestsAsync(settings.AsOf, cancellationToken);
        if (scan.Skipped is not null)
        {
            output.WriteLine($"No digests: {scan.Skipped}.");
            return 0;
        }

        var digest = digests.FirstOrDefault(d => d.RecipientEmail.Equals(to.Trim(), StringComparison.OrdinalIgnoreCase));
        if (digest is null)
        {
            output.WriteLine($"{to} gets no digest on {IsoDate.Format(scan.Date)}: nothing that reaches him is due soon or overdue.");
            return 0;
        }

        var loader = runtime.Get<ReferenceDataLoader>();
        var reference = await loader.LoadAsync(cancellationToken);
        var mail = (await loader.TemplatesAsync(cancellationToken)).Render(digest, reference.Staff.Find(to)?.Language ?? Language.Chinese);
        var path = Path.GetFullPath(outFile ?? Path.Combine("out", "preview", $"{IsoDate.Format(scan.Date)}-{digest.RecipientEmail}.html"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, mail.Html, cancellationToken);
        output.WriteLine($"Subject: {mail.Subject}");
        output.WriteLine();
        output.Write(mail.Text);
        output.WriteLine();
        output.WriteLine($"HTML written to {path}");
        return 0;
    }
}
