using ApprovalWatch.Testing;

namespace ApprovalWatch.Architecture.Tests;

/// <summary>The repository's folders of sources: what ships (<c>functions/</c>) and the development tool (<c>tools/</c>).</summary>
public static class Folders
{
    public static string Functions => Path.Combine(OfficialCalendars.RepositoryRoot, "functions");

    public static string Tools => Path.Combine(OfficialCalendars.RepositoryRoot, "tools");
}
