using Fluid;

namespace ApprovalWatch.Presentation;

/// <summary>The Liquid templates built into this assembly (<c>{Folder}/Templates/*.liquid</c>).</summary>
internal static class EmbeddedTemplates
{
    private static readonly FluidParser Parser = new();

    /// <summary>The source of one template, e.g. <c>ApprovalWatch.Presentation.Digests.Templates.digest.html.liquid</c>.</summary>
    public static string Source(string resourceName)
    {
        using var stream = typeof(EmbeddedTemplates).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"No built-in template {resourceName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Every template under a resource prefix, parsed, by its name without the prefix and <c>.liquid</c>.</summary>
    public static Dictionary<string, IFluidTemplate> All(string prefix) =>
        typeof(EmbeddedTemplates).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(
            n => n[prefix.Length..^".liquid".Length],
            n => Parse(Source(n), n),
            StringComparer.Ordinal);

    public static IFluidTemplate Parse(string source, string name) =>
        Parser.TryParse(source, out var template, out var error) ? template : throw new FormatException($"{name} does not parse: {error}");
}
