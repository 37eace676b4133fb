using System.Text.RegularExpressions;
using Consolidation.Tests.Support;

namespace Consolidation.Tests.Domain;

/// <summary>
/// No circles between folders (docs/architecture.md): within each project, a folder's namespace may use another's only
/// if that one does not use it back, directly or through others. A folder and its own subfolders are one unit (Inputs
/// and Inputs/Pdf may use each other); the project's root namespace (Program, CommandTree, ExitCodes: the composition) is
/// not a folder. Uses are read from the source: using directives and fully qualified names.
/// </summary>
public partial class FolderDependencyTests
{
    public static TheoryData<string, string> Projects => new()
    {
        { "domain/Consolidation.Domain", "Consolidation.Domain" },
        { "server/Consolidation.Server", "Consolidation.Server" },
        { "client/Consolidation.Client", "Consolidation.Client" },
    };

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"^using (?:static )?(?:\w+ = )?([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Using();

    /// <summary>Each namespace of the project → the namespaces it uses, with a file that does.</summary>
    public static Dictionary<string, Dictionary<string, string>> Uses(string folder, string rootNamespace)
    {
        var sources = Directory.EnumerateFiles(Path.Combine(Repo.Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Select(f => (File: f, Text: File.ReadAllText(f)))
            .Select(s => (s.File, s.Text, Namespace: Namespace().Match(s.Text) is { Success: true } m ? m.Groups[1].Value : null))
            .Where(s => s.Namespace is not null)
            .ToList();
        var declared = sources.Select(s => s.Namespace!).ToHashSet(StringComparer.Ordinal);
        string? Owner(string name) => declared.Where(n => name == n || name.StartsWith(n + ".", StringComparison.Ordinal))
            .MaxBy(n => n.Length);
        var qualified = new Regex(@"\b(" + Regex.Escape(rootNamespace) + @"(?:\.\w+)+)\.");
        var uses = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (file, text, ns) in sources)
        {
            var body = Namespace().Replace(text, "");
            var names = Using().Matches(body).Select(m => m.Groups[1].Value).Concat(qualified.Matches(body).Select(m => m.Groups[1].Value));
            foreach (var name in names.Where(n => n.StartsWith(rootNamespace + ".", StringComparison.Ordinal)))
            {
                if (Owner(name) is not { } target || target == ns || target == rootNamespace) continue;
                if (!uses.TryGetValue(ns!, out var targets)) uses[ns!] = targets = new(StringComparer.Ordinal);
                targets.TryAdd(target, Path.GetFileName(file));
            }
        }
        return uses;
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void NoFolderUsesOneThatUsesItBack(string folder, string rootNamespace)
    {
        var uses = Uses(folder, rootNamespace);
        bool Related(string a, string b) => a.StartsWith(b + ".", StringComparison.Ordinal) || b.StartsWith(a + ".", StringComparison.Ordinal);
        List<string>? PathBetween(string from, string to, HashSet<string> seen)
        {
            foreach (var next in uses.GetValueOrDefault(from)?.Keys ?? Enumerable.Empty<string>())
            {
                if (next == to) return [from, to];
                if (seen.Add(next) && PathBetween(next, to, seen) is { } rest) return [from, .. rest];
            }
            return null;
        }
        var circles = new List<string>();
        foreach (var (from, targets) in uses)
            foreach (var (to, file) in targets)
                if (!Related(from, to) && !Related(to, from) && PathBetween(to, from, [to]) is { } back
                    && back.Zip(back.Skip(1)).All(p => !Related(p.First, p.Second)))
                    circles.Add($"{from} → {to} ({file}), and back: {string.Join(" → ", back)}");
        Assert.True(circles.Count == 0, "folders that use each other:\n" + string.Join("\n", circles));
    }

    [Fact]
    public void TheReader_FindsUses_ByUsingAndByQualifiedName()
    {
        var uses = Uses("client/Consolidation.Client", "Consolidation.Client");
        Assert.Contains("Consolidation.Client.Output", uses["Consolidation.Client.Commands"].Keys);
        Assert.Contains("Consolidation.Client.Terms", uses["Consolidation.Client.Batch"].Keys);
        Assert.Contains("Consolidation.Server.Application.Ports", Uses("server/Consolidation.Server", "Consolidation.Server")["Consolidation.Server.Storage.LiteDb"].Keys);
    }
}
