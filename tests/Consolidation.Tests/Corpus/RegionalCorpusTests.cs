using System.Text.RegularExpressions;
using Consolidation.Domain.Checking;
using Consolidation.Domain.Model;
using Consolidation.Domain.Narrative;
using Consolidation.Domain.Rules;
using Consolidation.Synthetic;
using Consolidation.Tests.Support;

namespace Consolidation.Tests.Corpus;

/// <summary>
/// The corpus: consistent accounts (the synthetic departments) with their 情况说明 written in six regional templates.
/// Each consistent document gives no 强制性 or 提示性 finding; each mutation of one number or word gives the finding of
/// what was mutated, quoting the mutated sentence, and nothing else. <c>FA_CORPUS_DIR=dir</c> writes the documents out.
/// </summary>
public class RegionalCorpusTests
{
    public static TheoryData<string> Templates()
    {
        var data = new TheoryData<string>();
        foreach (var t in RegionalNarratives.All) data.Add(t.Id);
        return data;
    }

    private static RegionalTemplate Template(string id) => RegionalNarratives.All.Single(t => t.Id == id);

    /// <summary>A department of the corpus and its accounts of the year before (balances carried over).</summary>
    public static (FinalAccounts This, FinalAccounts Last) Department(RegionalTemplate template, int kind, int seed)
    {
        var profile = RandomProfiles.Kinds[kind] with { Precision = AmountPrecision.WanYuan2 };
        var year = template.Template == "shanghai-2024" ? 2024 : 2023;
        var a = SyntheticAccounts.Generate(profile, seed, year);
        var last = SyntheticAccounts.Generate(profile, seed + 1_000, year - 1);
        // Last year closed with what this year opens with (KN-02 … KN-05 hold); its other figures are another year's.
        last = last.WithCell("T1", "closingBalance", "amount", a.Cell("T1", "openingBalance", "amount"));
        foreach (var column in a["T4"].Layout.Columns)
            last = last.WithCell("T4", "closingBalance", column.Key, a.Cell("T4", "incomeOpening", column.Key));
        foreach (var t in new[] { "T8", "T9" })
            last = last.WithCell(t, "total", "closingBalance", a.Cell(t, "total", "openingBalance"));
        // As published: an empty T7, T8 or T9 carries its 空表说明 under the table (the official template's wording).
        a = a with { Template = template.Template, TableNotes = RegionalNarratives.EmptyTableNotes(a) };
        return (a with { Narrative = template.Write(a, last) }, last);
    }

    private static CheckResult Check(FinalAccounts a, FinalAccounts last) => AccountsChecker.Standard.Check(a, last);

    private static string Show(IEnumerable<Finding> findings) => string.Join("\n", findings.Select(f => $"{f.RuleId} {f.Severity} {f.Location.Text} {f.Message}"));

    [Theory]
    [MemberData(nameof(Templates))]
    public void AConsistentDocument_GivesNoWeighingFinding(string id)
    {
        var template = Template(id);
        var dir = Environment.GetEnvironmentVariable("FA_CORPUS_DIR");
        for (var kind = 0; kind < RandomProfiles.Kinds.Count; kind++)
            foreach (var seed in new[] { 11, 29 })
            {
                var (a, last) = Department(template, kind, seed);
                var result = Check(a, last);
                var weighing = result.Findings.Where(f => f.Severity != Severity.Info && !f.RuleId.StartsWith("KN", StringComparison.Ordinal)).ToList();
                Assert.True(weighing.Count == 0, $"{id} kind {kind} seed {seed}:\n{Show(weighing)}\n---\n{a.Narrative}");
                Assert.Equal(template.Template, result.Template);
                if (dir is not null && seed == 11 && kind == 1)
                {
                    Directory.CreateDirectory(dir);
                    File.WriteAllText(Path.Combine(dir, $"{id}-{a.DepartmentCode}.txt"), a.Narrative);
                    var analysis = NarrativeAnalysis.Of(new CheckContext(a, last) { Template = Consolidation.Domain.Templates.TemplateCatalogue.Default.Find(template.Template)! });
                    var (claims, tied) = analysis.Coverage(0, 15);
                    File.AppendAllText(Path.Combine(dir, "coverage.txt"),
                        $"| {id} | {a.DepartmentCode} {a.DepartmentName} | {claims} | {tied} | {analysis.Checked.Count} | {analysis.Untied.Count()} | {string.Join("、", analysis.Untied.Select(c => c.Printed))} |\n");
                }
            }
    }

    /// <summary>A mutation: where it applies (a pattern of the document), what it writes, and the rules it must give.</summary>
    private sealed record Mutation(string Name, Regex Where, Func<Match, string> Write, string[] Rules);

    private static readonly Mutation[] Mutations =
    [
        new("a share off by one point", new Regex(@"(?<=占\s?)(\d+)(\.\d+%)"), m => (int.Parse(m.Groups[1].Value) + 1) + m.Groups[2].Value, [NarrativeRules.Share]),
        new("a completion rate off by two points", new Regex(@"(?<=完成(年初)?预算的\s?)(\d+)(\.\d+%)"), m => (int.Parse(m.Groups[2].Value) + 2) + m.Groups[3].Value, [NarrativeRules.Completion]),
        new("a change rate off by three points", new Regex(@"(?<=万元，(增长|下降)\s?)(\d+)(\.\d+%)"), m => (int.Parse(m.Groups[2].Value) + 3) + m.Groups[3].Value, [NarrativeRules.Change]),
        new("the template's alternative left in", new Regex(@"(?<=万元，)(增长|下降)(?=\s?\d)"), m => m.Value + (m.Value == "增长" ? "（下降）" : "（增长）"), [NarrativeRules.TemplateText]),
        new("a rate without its %", new Regex(@"(?<=万元，(增长|下降)\s?\d+\.\d+)%"), _ => "", [NarrativeRules.MissingUnit]),
        new("a total off by 1.00 万元", new Regex(@"(?<=支出合计\s?)(\d+)(\.\d+)(?=\s?万元)"), m => (long.Parse(m.Groups[1].Value) + 1) + m.Groups[2].Value,
            [NarrativeRules.Amount, NarrativeRules.ListedSum]),
        new("a change said the wrong way", new Regex(@"增加(?=\s?\d[\d,.]*\s?万元，增长)"), _ => "减少", [NarrativeRules.Direction]),
        new("a placeholder for a number", new Regex(@"(?<=支出合计\s?)\d[\d,]*\.\d+(?=\s?万元)"), _ => "XX", [NarrativeRules.TemplateText]),
    ];

    [Theory]
    [MemberData(nameof(Templates))]
    public void EachMutation_GivesItsFindingOnTheMutatedSentence_AndNothingElse(string id)
    {
        var template = Template(id);
        var (a, last) = Department(template, 0, 11);
        var applied = 0;
        foreach (var mutation in Mutations)
        {
            var m = mutation.Where.Match(a.Narrative);
            if (!m.Success) continue;
            applied++;
            var mutated = a.Narrative[..m.Index] + mutation.Write(m) + a.Narrative[(m.Index + m.Length)..];
            var result = Check(a with { Narrative = mutated }, last);
            var weighing = result.Findings.Where(f => f.Severity != Severity.Info && !f.RuleId.StartsWith("KN", StringComparison.Ordinal)).ToList();
            var context = $"{id}: {mutation.Name} at {m.Index} ({m.Value} → {mutation.Write(m)})\n{Show(weighing)}";
            Assert.True(weighing.Count > 0, context);
            Assert.True(weighing.All(f => mutation.Rules.Contains(f.RuleId)), context);
            // The finding quotes the sentence the mutation is in.
            var lineStart = mutated.LastIndexOf('\n', Math.Max(m.Index - 1, 0)) + 1;
            var sentenceStart = Math.Max(lineStart, mutated.LastIndexOfAny(['。', '！', '？'], Math.Max(m.Index - 1, 0)) + 1);
            var snippet = mutated.Substring(sentenceStart, Math.Min(12, mutated.Length - sentenceStart));
            Assert.True(weighing.All(f => f.Message.Contains(snippet.Trim(), StringComparison.Ordinal) || f.Message.Contains("…", StringComparison.Ordinal)), context);
        }
        Assert.True(applied >= 3, $"{id}: only {applied} mutations apply");

        // The department's name written with one character more, where the template writes the name.
        var name = a.DepartmentName;
        var at = a.Narrative.LastIndexOf(name, StringComparison.Ordinal);
        if (at < 0) return;
        var variant = name[..^1] + "部" + name[^1];
        var renamed = Check(a with { Narrative = a.Narrative[..at] + variant + a.Narrative[(at + name.Length)..] }, last).Findings
            .Where(f => f.Severity != Severity.Info && !f.RuleId.StartsWith("KN", StringComparison.Ordinal)).ToList();
        var one = Assert.Single(renamed);
        Assert.Equal(NarrativeRules.DepartmentName, one.RuleId);
        Assert.Contains(variant, one.Message);
    }
}
