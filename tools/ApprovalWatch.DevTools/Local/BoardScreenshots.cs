using System.Diagnostics;

namespace ApprovalWatch.DevTools.Local;

/// <summary>Screenshots of served pages with headless Chromium (Debian's <c>chromium</c>, or <c>CHROMIUM_PATH</c>), for a person to look at.</summary>
public static class BoardScreenshots
{
    public static string? Chromium() =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path && File.Exists(path) ? path
        : new[] { "chromium", "chromium-browser", "google-chrome" }
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);

    /// <summary>Writes <c>{name}.png</c> of each page into the folder; false when no Chromium is installed.</summary>
    public static async Task<bool> TakeAsync(
        string baseAddress,
        IReadOnlyList<(string Name, string Path)> pages,
        string folder,
        CancellationToken cancellationToken,
        string windowSize = "1200,1500"
    )
    {
        if (Chromium() is not { } chromium)
        {
            return false;
        }

        Directory.CreateDirectory(folder);
        foreach (var (name, path) in pages)
        {
            var profile = Directory.CreateTempSubdirectory("approvalwatch-chromium-");
            var start = new ProcessStartInfo(chromium) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (
                var argument in new[]
                {
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    $"--user-data-dir={profile.FullName}",
                    $"--window-size={windowSize}",
                    "--hide-scrollbars",
                    $"--screenshot={Path.Combine(folder, name + ".png")}",
                    baseAddress + path,
                }
            )
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            await Task.WhenAll(
                process.StandardOutput.ReadToEndAsync(cancellationToken),
                process.StandardError.ReadToEndAsync(cancellationToken),
                process.WaitForExitAsync(cancellationToken)
            );
            profile.Delete(recursive: true);
        }

        return true;
    }
}
