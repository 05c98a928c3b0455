using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ApprovalWatch.Architecture.Tests;

/// <summary>
/// The namespaces of the app's sources and the references between them, as the compiler resolves every name (a qualified
/// name without a <c>using</c>, a type named only in a method body, an extension method), with the types behind each edge.
/// All sources are compiled together against the packages' assemblies; the app's own assemblies are left out, so that
/// each of its types resolves to its source.
/// </summary>
public sealed class SourceGraph
{
    private static readonly string[] ImplicitUsings =
    [
        "System",
        "System.Collections.Generic",
        "System.IO",
        "System.Linq",
        "System.Net.Http",
        "System.Threading",
        "System.Threading.Tasks",
    ];

    private SourceGraph(
        IReadOnlyDictionary<(string From, string To), SortedSet<string>> edges,
        IReadOnlyList<string> namespaces,
        IReadOnlyDictionary<string, SortedSet<string>> memberUses
    )
    {
        Edges = edges;
        Namespaces = namespaces;
        MemberUses = memberUses;
    }

    /// <summary>For each member of the app's types (<c>Type.Member</c>), the types (with their namespace) whose code names it.</summary>
    public IReadOnlyDictionary<string, SortedSet<string>> MemberUses { get; }

    /// <summary>Each namespace → namespace reference of the app, with the names of the types it goes through.</summary>
    public IReadOnlyDictionary<(string From, string To), SortedSet<string>> Edges { get; }

    public IReadOnlyList<string> Namespaces { get; }

    public static SourceGraph Shipped { get; } = Read(Folders.Functions, Folders.Tools);

    public static SourceGraph Read(params string[] folders)
    {
        var files = folders.SelectMany(f => Directory.EnumerateFiles(f, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f)).ToList();
        var usings = CSharpSyntaxTree.ParseText(string.Concat(ImplicitUsings.Select(u => $"global using global::{u};\n")), options);
        var compilation = CSharpCompilation.Create(
            "Shape",
            [.. trees, usings],
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var edges = new ConcurrentDictionary<(string, string), SortedSet<string>>();
        var namespaces = new ConcurrentDictionary<string, bool>();
        var memberUses = new ConcurrentDictionary<string, SortedSet<string>>();
        Parallel.ForEach(trees, tree =>
        {
            var model = compilation.GetSemanticModel(tree);
            var root = tree.GetRoot();
            foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (
                    name.Ancestors()
                        .Any(a =>
                            a is UsingDirectiveSyntax
                            || (a is BaseNamespaceDeclarationSyntax declaration && declaration.Name.Span.Contains(name.Span))
                        )
                )
                {
                    continue;
                }

                var from = NamespaceOf(name, tree.FilePath);
                namespaces[from] = true;
                var info = model.GetSymbolInfo(name);
                if (
                    info.Symbol is IPropertySymbol or IFieldSymbol or IMethodSymbol { MethodKind: MethodKind.Ordinary }
                    && info.Symbol.ContainingType is { } owner
                    && owner.ContainingNamespace.ToDisplayString().StartsWith("ApprovalWatch", StringComparison.Ordinal)
                )
                {
                    var user = $"{from}.{name.Ancestors().OfType<BaseTypeDeclarationSyntax>().LastOrDefault()?.Identifier.Text ?? "Program"}";
                    var users = memberUses.GetOrAdd($"{owner.Name}.{info.Symbol.Name}", _ => new SortedSet<string>(StringComparer.Ordinal));
                    lock (users)
                    {
                        users.Add(user);
                    }
                }

                if (TypeOf(info) is not { } type || type.ContainingNamespace.ToDisplayString() is not { } to
                    || to == from || !to.StartsWith("ApprovalWatch", StringComparison.Ordinal))
                {
                    continue;
                }

                var set = edges.GetOrAdd((from, to), _ => new SortedSet<string>(StringComparer.Ordinal));
                lock (set)
                {
                    set.Add(type.Name);
                }
            }
        });
        return new SourceGraph(edges.ToDictionary(), namespaces.Keys.Order(StringComparer.Ordinal).ToList(), memberUses.ToDictionary());
    }

    /// <summary>The namespaces that depend on each other in a loop (strongly connected components of two or more).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var next = Edges.Keys.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var (index, low, onStack, stack, cycles, counter) = (
            new Dictionary<string, int>(),
            new Dictionary<string, int>(),
            new HashSet<string>(),
            new Stack<string>(),
            new List<IReadOnlyList<string>>(),
            0
        );
        void Visit(string node)
        {
            index[node] = low[node] = counter++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var to in next.GetValueOrDefault(node) ?? [])
            {
                if (!index.ContainsKey(to))
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (onStack.Contains(to))
                {
                    low[node] = Math.Min(low[node], index[to]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                if (component.Count > 1)
                {
                    cycles.Add(component.Order(StringComparer.Ordinal).ToList());
                }
            }
        }

        foreach (var node in next.Keys.Order(StringComparer.Ordinal).Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return cycles;
    }

    /// <summary>The references out of the namespaces <paramref name="from"/> matches into those <paramref name="allowed"/> does not, as text.</summary>
    public IReadOnlyList<string> Breaking(Func<string, bool> from, Func<string, bool> allowed) =>
        Edges.Where(e => from(e.Key.From) && !allowed(e.Key.To))
            .Select(e => $"{e.Key.From} -> {e.Key.To} [{string.Join(", ", e.Value)}]")
            .Order(StringComparer.Ordinal)
            .ToList();

    public string Describe(IEnumerable<string> cycle)
    {
        var members = cycle.ToHashSet(StringComparer.Ordinal);
        return string.Join("\n", Edges.Where(e => members.Contains(e.Key.From) && members.Contains(e.Key.To))
            .Select(e => $"  {e.Key.From} -> {e.Key.To} [{string.Join(", ", e.Value)}]").Order(StringComparer.Ordinal));
    }

    private static INamedTypeSymbol? TypeOf(SymbolInfo info) => (info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) switch
    {
        INamedTypeSymbol type => Outermost(type.OriginalDefinition),
        IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => Outermost(constructor.ContainingType),
        IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol => Outermost((info.Symbol ?? info.CandidateSymbols[0]).ContainingType),
        _ => null,
    };

    private static INamedTypeSymbol? Outermost(INamedTypeSymbol? type)
    {
        while (type?.ContainingType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    /// <summary>The namespace a name is written in: its file's, or for a project's top-level statements the global one (named after the project).</summary>
    private static string NamespaceOf(SyntaxNode node, string path) =>
        node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString()
        ?? "global::" + path.Split(Path.DirectorySeparatorChar).LastOrDefault(part => part.StartsWith("ApprovalWatch.", StringComparison.Ordinal));

    private static IEnumerable<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var beside = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll");
        return platform
            .Concat(beside)
            .Where(path =>
                !Path.GetFileName(path).StartsWith("ApprovalWatch.", StringComparison.Ordinal)
                && !Path.GetFileName(path).StartsWith("approvalwatch", StringComparison.Ordinal)
            )
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(path => MetadataReference.CreateFromFile(path));
    }
}
