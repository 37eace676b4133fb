using Consolidation.Domain.Checking;
using Consolidation.Domain.Files;
using Consolidation.Domain.Narrative;
using Consolidation.Domain.Rules;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Domain.Templates;

/// <summary>
/// A real disclosure of another province's template (上海 2024, shared/real/putuo-planning-2024.pdf), entered exactly as
/// printed: every finding the server gives is one of its real inconsistencies (reviewed by arithmetic in
/// docs/narrative-checks.md, "The Putuo 2024 disclosure"), and none of its rounding is taken for an error.
/// </summary>
public class PutuoDisclosureTests
{
    private static readonly CheckResult Result = AccountsChecker.Standard.Check(Putuo());

    private static Finding One(string ruleId, string location) =>
        Assert.Single(Result.Findings, f => f.RuleId == ruleId && f.Location.Text == location);

    [Fact]
    public void EveryWeighingFinding_IsARealInconsistencyOfTheDocument()
    {
        string[] expected =
        [
            // 强制性: 六 states T3's 基本支出 as the 一般公共预算财政拨款 one (5377.64 for T5's 5364.75) and 人员经费 4896.98 for
            // T6's 4884.09 (the same 12.89 万元 spent from other funds); 99.86% for 9746.50 ÷ 9759.38 = 99.868%; 95.45% for
            // 9746.50 ÷ 10210.34 = 95.457% (truncated, not rounded, inside every interval of the inputs).
            "WZ-01 T5/total/basic", "WZ-01 T6/personnelTotal/amount", "WZ-02 T5/total/total", "WZ-04 T5/total/total",
            // 提示性: 完成预算的 0.00% of two zero budgets; three 项/款 names that are not the table's; "0.39 万" without 元;
            // the template's "下降（增长）" left in; "增长 13.95" without %; "规划与自然资源局"; 奖金, 奖励金, 其他对个人和家庭的补助
            // and 税金及附加费用 listed as spent while T6 prints 0.00 for them.
            "WZ-05 T7/outboundTravel/budget", "WZ-05 T7/vehicles/budget",
            "WZ-09 T5/2080599/name", "WZ-09 T5/2200199/name", "WZ-09 T5/22102/name", "WZ-09 T5/22102/name",
            "WZ-10 NR/S9.3/0.39 万", "WZ-15 NR/S9/下降（增长）", "WZ-16 NR/S5.1/13.95", "WZ-17 NR/S9.2/name",
            "WZ-18 T6/30103/amount", "WZ-18 T6/30309/amount", "WZ-18 T6/30399/amount", "WZ-18 T6/30240/amount",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal),
            Result.Findings.Where(f => f.Severity != Severity.Info).Select(f => $"{f.RuleId} {f.Location.Text}").Order(StringComparer.Ordinal));
        Assert.Equal(SubmissionStatus.Rejected, Result.Status);
    }

    [Fact]
    public void ItsRoundingIsNeverAnError_TheTailsAreSaidAsInformation()
    {
        // 0.01 gaps of independently rounded cells: T1/T4 卫生健康 236.63 against T2/T3/T5 236.64, T1 城乡社区 3845.25 against
        // T3 3845.24, T5 21201 1092.80 = 1084.02 + 8.77, T6 人员经费 4884.09 = 4816.14 + 67.96, 302 = Σ款 440.88 …
        Assert.DoesNotContain(Result.Findings, f => f.Category is RuleCategory.WithinTable or RuleCategory.BetweenTables && f.Severity != Severity.Info);
        var tails = Result.Findings.Where(f => f.RuleId == RoundingTail.Info.Id).ToList();
        Assert.All(tails, f => Assert.Equal(Severity.Info, f.Severity));
        Assert.Equal(["T3", "T4", "T5", "T6"], tails.Select(f => f.Location.Table).Order());
        Assert.Equal(11, Result.TailCount);
        Assert.Contains("4884.10", tails.Single(t => t.Location.Table == "T6").Message);
    }

    [Fact]
    public void TheTemplateAndTheYearsCatalogue_AreRecorded()
    {
        Assert.Equal(("shanghai-2024", 2024, true), (Result.Template, Result.CatalogueYear, Result.CatalogueOfOwnYear));
        var later = AccountsChecker.Standard.Check(Putuo() with { FiscalYear = 2031 });
        Assert.Equal((2025, false), (later.CatalogueYear, later.CatalogueOfOwnYear));
    }

    [Fact]
    public void NoTemplateCellIsInvented_T5PrintsNoBudget()
    {
        // Shanghai's T5 prints no 年初预算数: the narrative's 年初预算 are checked against each other, never against a cell.
        Assert.DoesNotContain(Result.Findings, f => f.Location.Column == "budget" && f.Location.Table == "T5");
        var completion = One(NarrativeRules.Completion, "T5/total/total");
        Assert.Contains("所述预算数 10210.34", completion.Message);
        Assert.Equal((9546L, 9545L), (completion.Expected, completion.Actual));
    }

    [Fact]
    public void WithoutItsTemplate_TheFileLacksT5sBudget()
    {
        var text = File.ReadAllText(Support.Repo.PutuoSample).Replace("\"template\": \"shanghai-2024\",", "", StringComparison.Ordinal);
        var e = Assert.Throws<SubmissionFileException>(() => SubmissionFile.Parse(text, "putuo.json"));
        Assert.Contains(e.Violations, v => v.Field.EndsWith(".budget", StringComparison.Ordinal) && v.Field.StartsWith("tables.T5", StringComparison.Ordinal));
        Assert.Contains(e.Violations, v => v.Field == "tables.T6.total");
    }

    [Fact]
    public void FindingsQuoteTheDocumentsOwnNumbers()
    {
        // 三公 is section 七 of this template (九 in the seed's): the finding says 七.
        Assert.StartsWith("情况说明七（第", One(NarrativeRules.TemplateText, "NR/S9/下降（增长）").Message, StringComparison.Ordinal);
        var doc = NarrativeAnalysis.Of(new CheckContext(Putuo()) { Template = Consolidation.Domain.Templates.TemplateCatalogue.Default.Find("shanghai-2024")! }).Document;
        var running = Assert.Single(doc.Sentences, s => s.Text.StartsWith("机关运行经费支出 142.80", StringComparison.Ordinal));
        Assert.Equal(("十一（一）", (int)Consolidation.Domain.Templates.NarrativeTopic.OperatingCost), (running.Place, running.Section));
    }

    [Fact]
    public void Coverage_ClaimsReadAndTied()
    {
        // Measured (docs/narrative-checks.md): what is untied is listed there with its reason.
        var analysis = NarrativeAnalysis.Of(new CheckContext(Putuo()) { Template = Consolidation.Domain.Templates.TemplateCatalogue.Default.Find("shanghai-2024")! });
        var (claims, tied) = analysis.Coverage(0, 15);
        Assert.Equal((141, 120), (claims, tied));
    }
}
