using Consolidation.Tests.Support;

namespace Consolidation.Tests.Domain;

/// <summary>
/// docs/architecture.md stays true to the tree: every folder its tree names exists, and every folder of every project
/// (bin and obj aside) is named in it. The tree is the first fenced block; a folder is a name ending in "/" at the
/// start of a line, nested by two spaces of indentation under the folder above it.
/// </summary>
public class ArchitectureDocumentTests
{
    private static readonly string[] Projects =
    [
        "protos", "domain/Consolidation.Domain", "server/Consolidation.Server", "client/Consolidation.Client",
        "tools/Consolidation.Synthetic", "bench/Consolidation.Benchmarks", "tests/Consolidation.Tests",
    ];

    /// <summary>The folders the tree names, as paths from the repository root.</summary>
    public static IReadOnlyList<string> NamedFolders(string markdown)
    {
        var start = markdown.IndexOf("```\n", StringComparison.Ordinal) + 4;
        var block = markdown[start..markdown.IndexOf("```", start, StringComparison.Ordinal)];
        var stack = new List<string>();
        var folders = new List<string>();
        foreach (var line in block.Split('\n'))
        {
            var indent = line.Length - line.TrimStart(' ').Length;
            var name = line.TrimStart(' ').Split(' ')[0];
            if (name.Length == 0 || !name.EndsWith('/')) continue; // a description's continuation, or a file
            var depth = indent / 2;
            Assert.True(indent % 2 == 0 && depth <= stack.Count, $"architecture.md: “{line.Trim()}” is not nested by two spaces under a folder");
            stack.RemoveRange(depth, stack.Count - depth);
            stack.Add(name.TrimEnd('/'));
            folders.Add(string.Join('/', stack));
        }
        return folders;
    }

    [Fact]
    public void EveryFolderTheTreeNames_Exists_AndEveryProjectFolder_IsNamed()
    {
        var named = NamedFolders(File.ReadAllText(Path.Combine(Repo.Root, "docs", "architecture.md")));
        Assert.True(named.Count > 30, $"the tree names only {named.Count} folders: is the first fenced block still the tree?");
        foreach (var folder in named)
            Assert.True(Directory.Exists(Path.Combine(Repo.Root, folder)), $"docs/architecture.md names {folder}/, which does not exist");
        var set = named.ToHashSet(StringComparer.Ordinal);
        foreach (var project in Projects)
        {
            Assert.True(set.Contains(project), $"docs/architecture.md does not name the project folder {project}/");
            foreach (var dir in Directory.EnumerateDirectories(Path.Combine(Repo.Root, project), "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(Repo.Root, dir).Replace('\\', '/');
                if (relative.Split('/').Any(p => p is "bin" or "obj" or "TestResults" || p.StartsWith('.'))) continue;
                Assert.True(set.Contains(relative), $"{relative}/ is not in docs/architecture.md's tree: name it and say what it holds");
            }
        }
    }

    [Fact]
    public void TheTreeReader_NestsByIndentation()
    {
        var folders = NamedFolders("intro\n```\na/   x\n  b/  y\n      continued text\n    c/\n  d/\ne/\n```\n");
        Assert.Equal(["a", "a/b", "a/b/c", "a/d", "e"], folders);
    }
}
