namespace ApprovalWatch.Architecture.Tests;

/// <summary>The repository's folders of sources: what ships (<c>functions/</c>) and the development tool (<c>tools/</c>).</summary>
public static class Folders
{
    public static string Root { get; } = FindRoot();

    public static string Functions => Path.Combine(Root, "functions");

    public static string Tools => Path.Combine(Root, "tools");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Functions.sln is in no folder above the tests.");
    }
}
