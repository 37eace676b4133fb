using Consolidation.Domain.Checking;
using Consolidation.Domain.Rules;
using Consolidation.Tests.Support;

namespace Consolidation.Tests.Domain;

/// <summary>
/// Rule IDs are never reused: <c>Rules/released-rules.tsv</c> lists every rule ever shipped (ID, severity, category,
/// title, and whether it still runs). A rule that disappears from every year's catalogue, or keeps its ID but changes
/// its severity, category or title, fails here; a rule that is retired stays listed as <c>retired</c> and its ID is
/// never given again. A new rule is appended with <c>UPDATE_RULES=1 dotnet test --filter ReleasedRulesTests</c>
/// (which only ever appends).
/// </summary>
public class ReleasedRulesTests
{
    private static readonly string FilePath = Path.Combine(Repo.Root, "domain", "Consolidation.Domain", "Rules", "released-rules.tsv");

    private sealed record Released(string Id, string Severity, string Category, string Title, string Status, int Line);

    /// <summary>Every rule of every shipped year's catalogue, and the 尾差 rule every identity reports.</summary>
    private static List<RuleInfo> Current()
    {
        var checker = AccountsChecker.Standard;
        var rules = checker.Years.SelectMany(y => checker.RulesFor(y)).Append(RoundingTail.Info);
        return rules.DistinctBy(r => (r.Id, r.Severity, r.Category, r.Title)).ToList();
    }

    private static string Line(RuleInfo r) => string.Join('\t', r.Id, RuleCatalogueDocument.SeverityName(r.Severity), r.Category, r.Title, "shipped");

    private static List<Released> Read() =>
        File.ReadAllLines(FilePath)
            .Select((text, i) => (text, line: i + 1))
            .Where(l => l.text.Length > 0 && !l.text.StartsWith('#'))
            .Select(l =>
            {
                var f = l.text.Split('\t');
                Assert.True(f.Length == 5, $"released-rules.tsv line {l.line}: 5 tab-separated fields expected (id, severity, category, title, shipped|retired), got {f.Length}");
                return new Released(f[0], f[1], f[2], f[3], f[4], l.line);
            })
            .ToList();

    [Fact]
    public void EveryRuleThatRuns_IsListedAsReleased_WithTheSameMeaning()
    {
        var current = Current();
        if (Environment.GetEnvironmentVariable("UPDATE_RULES") == "1")
        {
            var known = Read().Select(r => r.Id).ToHashSet();
            var added = current.Where(r => !known.Contains(r.Id)).Select(Line).ToList();
            if (added.Count > 0) File.AppendAllLines(FilePath, added);
        }
        var released = Read();
        var byId = released.ToDictionary(r => r.Id); // a duplicate ID throws: an ID is listed once
        foreach (var rule in current)
        {
            Assert.True(byId.TryGetValue(rule.Id, out var r),
                $"{rule.Id} runs but is not in released-rules.tsv: append it (UPDATE_RULES=1 dotnet test --filter ReleasedRulesTests)");
            Assert.True(r!.Status == "shipped", $"{rule.Id} is listed as {r.Status} (line {r.Line}): a retired ID is never given again — choose a new ID");
            Assert.True((RuleCatalogueDocument.SeverityName(rule.Severity), rule.Category, rule.Title) == (r.Severity, r.Category, r.Title),
                $"{rule.Id} changed its meaning: released as {r.Severity} {r.Category} “{r.Title}” (line {r.Line}), now {RuleCatalogueDocument.SeverityName(rule.Severity)} {rule.Category} “{rule.Title}”. " +
                "A rule that checks something else takes a new ID (mark the old one retired); a reworded title with the same meaning is corrected in the file, where the review sees it.");
        }
    }

    [Fact]
    public void NoReleasedRule_Disappears()
    {
        var running = Current().Select(r => r.Id).ToHashSet();
        foreach (var r in Read().Where(r => r.Status == "shipped"))
            Assert.True(running.Contains(r.Id),
                $"{r.Id} (released, line {r.Line}: “{r.Title}”) is in no year's catalogue any more: mark it retired in released-rules.tsv; its ID is never reused");
        Assert.All(Read(), r => Assert.Contains(r.Status, new[] { "shipped", "retired" }));
    }

    [Fact]
    public void OneIdHasOneMeaning_InEveryYear()
    {
        foreach (var group in Current().GroupBy(r => r.Id))
            Assert.True(group.Count() == 1, $"{group.Key} means different things in different years: {string.Join(" / ", group.Select(r => r.Title))}");
    }
}
