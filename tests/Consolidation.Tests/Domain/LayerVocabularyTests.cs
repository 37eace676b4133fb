using System.Text.RegularExpressions;
using Consolidation.Tests.Support;

namespace Consolidation.Tests.Domain;

/// <summary>
/// What each layer may name (docs/architecture.md): the application layer speaks the domain and its ports — never the
/// wire (the contract, protobuf, gRPC), a storage engine or the API layer; the domain references nothing of ours but
/// itself. Read from the source: using directives and qualified names outside comments and string literals.
/// </summary>
public sealed partial class LayerVocabularyTests
{
    [GeneratedRegex(@"^using (?:static )?(?:\w+ = )?([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Using();

    private static IEnumerable<(string File, string Code)> Sources(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Repo.Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(Repo.Root, f), Comment().Replace(Literal().Replace(File.ReadAllText(f), "\"\""), "")));

    /// <summary>A string literal (a setting's value may spell an engine's name: "LiteDB" is not a use of it).</summary>
    [GeneratedRegex(@"""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex Literal();

    [GeneratedRegex(@"//.*$", RegexOptions.Multiline)]
    private static partial Regex Comment();

    /// <summary>Every name a file uses (using directives) or spells out (qualified names) that starts with one of <paramref name="forbidden"/>.</summary>
    private static List<string> Offences(string folder, IReadOnlyList<string> allowedUsings, IReadOnlyList<string> forbidden)
    {
        var offences = new List<string>();
        foreach (var (file, code) in Sources(folder))
        {
            foreach (var name in Using().Matches(code).Select(m => m.Groups[1].Value))
                if (!allowedUsings.Any(a => name == a || name.StartsWith(a + ".", StringComparison.Ordinal)))
                    offences.Add($"{file}: using {name}");
            foreach (var prefix in forbidden)
                if (Regex.IsMatch(code, @"(?<![\w.])" + Regex.Escape(prefix) + @"\b"))
                    offences.Add($"{file}: names {prefix}");
        }
        return offences;
    }

    [Fact]
    public void Application_SpeaksTheDomainAndItsPorts_NeverTheWireOrAStorageEngine()
    {
        var offences = Offences("server/Consolidation.Server/Application",
            ["System", "Microsoft.Extensions.Logging", "CsvHelper", "Consolidation.Domain", "Consolidation.Server.Application"],
            ["Consolidation.Contracts", "Google.Protobuf", "Grpc", "LiteDB", "Npgsql", "Microsoft.AspNetCore",
             "Consolidation.Server.Services", "Consolidation.Server.Storage", "Consolidation.Server.Security"]);
        Assert.True(offences.Count == 0, string.Join("\n", offences));
    }

    [Fact]
    public void Domain_ReferencesNothingOfOurs_ButItself()
    {
        var offences = Offences("domain/Consolidation.Domain", ["System", "Consolidation.Domain"],
            ["Consolidation.Contracts", "Consolidation.Server", "Consolidation.Client", "Google.Protobuf", "Grpc"]);
        Assert.True(offences.Count == 0, string.Join("\n", offences));
    }

    [Fact]
    public void TheCheck_FindsAnOffence_WhenThereIsOne()
    {
        // The scanner itself: the API layer does name the contract, so the same check over it must fail.
        var offences = Offences("server/Consolidation.Server/Services", ["System", "Consolidation.Domain"], ["Consolidation.Contracts"]);
        Assert.Contains(offences, o => o.Contains("using Consolidation.Contracts", StringComparison.Ordinal));
    }
}
