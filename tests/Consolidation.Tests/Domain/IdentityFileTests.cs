using Consolidation.Domain.Checking;
using Consolidation.Domain.Classification;
using Consolidation.Domain.Rules;
using Consolidation.Domain.Rules.Formulas;
using Consolidation.Tests.Support;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Domain;

/// <summary>The identities file: the year's table identities as data, parsed into rules; bad files name line and problem.</summary>
public class IdentityFileTests
{
    private static readonly string Shipped2023 =
        File.ReadAllText(Path.Combine(Repo.Root, "domain", "Consolidation.Domain", "Rules", "Data", "identities-2023.txt"));

    private static IdentityFileException Refused(string text) =>
        Assert.Throws<IdentityFileException>(() => IdentityFile.Parse(text, "bad.txt"));

    [Fact]
    public void ShippedFile_ParsesIntoTheRulesOf2023_WithStableIds()
    {
        var set = IdentityFile.Parse(Shipped2023, "identities-2023.txt");
        Assert.Equal(2023, set.Year);
        var ids = set.Rules.Select(r => r.Info.Id).ToList();
        foreach (var id in new[] { "BN-T1-01", "BN-T2-03", "BN-T5-02", "BN-T7-02", "BN-T9-04", "BJ-01", "BJ-10", "KN-02", "TS-T6T7-01" })
            Assert.Contains(id, ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(RuleCatalogue.EmbeddedIdentities.Single(s => s.Year == 2023).Rules.Select(r => r.Info.Id), ids);
        // 2024 and 2025 ship the same identities (nothing known to have changed): the same IDs in the same order.
        Assert.Equal([2023, 2024, 2025], RuleCatalogue.EmbeddedIdentities.Select(s => s.Year));
        Assert.All(RuleCatalogue.EmbeddedIdentities, s => Assert.Equal(ids, s.Rules.Select(r => r.Info.Id)));
    }

    [Fact]
    public void ChecksOfEveryForm_CompileToTheirRuleObjects()
    {
        var set = IdentityFile.Parse("""
            year 2024
            rule BN-X-01 强制性 表内
              title every form
              check T1.incomeTotal = T1.otherIncome
              check T2.total.* = Σ类(T2).*
              check each row of T2: total = fiscal + other
              check each 类: T3.total = T1.amount
              check each code: T5.total ≤ T3.total
              check hierarchy(T2)
              check T2.total.fiscal = T1.generalBudgetAppropriation + T1.governmentFundAppropriation = T4.incomeCurrent.total
              check T1.openingBalance = last.T1.closingBalance
            """, "x.txt");
        var checks = Assert.Single(set.Rules).Checks;
        Assert.Equal(2024, set.Year);
        Assert.IsType<CellCheck>(checks[0]);
        Assert.Equal(7, checks.Count(c => c.Source == "T2.total.* = Σ类(T2).*")); // one per column of T2
        Assert.Contains(checks, c => c is EachRowCheck);
        Assert.Contains(checks, c => c is EachCodeCheck { ClassesOnly: true });
        Assert.Contains(checks, c => c is EachCodeCheck { ClassesOnly: false });
        Assert.Contains(checks, c => c is HierarchyCheck);
        Assert.Equal([1, 2, 1], Assert.Single(checks.OfType<SameFigureCheck>()).Holders.Select(h => h.Count));
        Assert.True(checks[^1].UsesLastYear);
        Assert.Equal(IdentityFile.DefaultHint, set.Rules[0].Hint);
    }

    [Fact]
    public void ContinuationLines_JoinTheCheckAbove()
    {
        var set = IdentityFile.Parse("year 2023\nrule BN-X-01 强制性 表内\n  title t\n  check T1.incomeTotal = T1.otherIncome\n      + T1.businessIncome\n", "x.txt");
        var check = Assert.IsType<CellCheck>(Assert.Single(Assert.Single(set.Rules).Checks));
        Assert.Equal(2, check.Rhs.Count);
    }

    [Theory]
    [InlineData("year 2023\nrule BN-X-01 强制性 表内\n  title t\n  check T1.incomeTotal = T1.otherIncom", 4, "otherIncom")]
    [InlineData("year 2023\nrule BN-X-01 强制性 表内\n  title t\n  check T2.total = T1.incomeTotal", 4, "T2 有多列")]
    [InlineData("year 2023\nrule BN-X-01 强制性 表内\n  title t\n  check T2.total.fiscl = T1.incomeTotal", 4, "没有“fiscl”列")]
    [InlineData("year 2023\nrule BN-X-01 强制性 表内\n  title t\n  check T10.total = T1.incomeTotal", 4, "没有表“T10”")]
    [InlineData("year 2023\nrule BN-X-01 强制性 表内\n  title t\n  check T1.incomeTotal + T1.otherIncome", 4, "缺少 =")]
    [InlineData("year 2023\nrule BN-X-01 强制性 表内\n  title t\n  check T1.incomeTotal ≤ T1.otherIncome = T4.incomeCurrent.total", 4, "只能有一个 ≤ 或 ≥")]
    [InlineData("year 2023\nrule BN-X-01 强制性 表内\n  title t\n  check each 类: T3.total = T1.amount = T4.total", 4, "不能用于 each")]
    [InlineData("year 2023\nrule BN-X-01 强制性 表内\n  title t\n  check T1.incomeTotal = Σ类(T2).total = T4.incomeCurrent.total", 4, "每一处的第一项")]
    [InlineData("year 2023\nrule BN-X-01 强制性 表内\n  title t\n  check T2.total.* = T3.total.* = T1.incomeTotal", 4, "不能用 *")]
    [InlineData("year 2023\nrule BN-X-01 强制性 表内\n  title t\n  check T1.incomeTotal = + ", 4, "空项")]
    [InlineData("year 2023\nrule BN-X-01 强制性 表内\n  title t\n  check Σ类(T1) = T1.expenditureTotal", 4, "左边第一项")]
    [InlineData("year 2023\nrule BN-X-01 强制性 表内\n  title t\n  check last.T1.openingBalance = T1.closingBalance", 4, "左边第一项")]
    [InlineData("year 2023\nrule BN-X-01 强制性 表内\n  title t\n  check T4.incomeGrandTotal.total = T4.incomeCurrent.*", 4, "左边第一项也须用 *")]
    [InlineData("year 2023\nrule BN-X-01 强制性 表内\n  title t\n  check T2.total.* = T1.incomeTotal.*", 4, "T1 没有“total”列")]
    [InlineData("year 2023\nrule BN-X-01 强制性 表内\n  title t\n  check each row of T2: total = T3.basic", 4, "只能写本表的列")]
    [InlineData("year 2023\nrule BN-X-01 强制性 表内\n  title t\n  check each 类: T7.total = T1.amount", 4, "T7 没有编码行")]
    [InlineData("year 2023\nrule BN-X-01 强制性 表内\n  title t\n  check each thing: T3.total = T1.amount", 4, "each thing")]
    [InlineData("year 2023\nrule BN-X-01 强制性 表内\n  title t\n  check hierarchy(T7)", 4, "没有编码行")]
    [InlineData("year 2023\nrule BN-X-01 强制性 表内\n  title t\n  check T7.abroad.budget = T7.total.budget", 4, "T7 没有“abroad”行")]
    [InlineData("year 2023\nrule BN-X-01 很严重 表内\n  title t\n  check T1.incomeTotal = T1.otherIncome", 2, "严重程度")]
    [InlineData("year 2023\nrule BN-X-01 强制性 表外\n  title t\n  check T1.incomeTotal = T1.otherIncome", 2, "类别")]
    [InlineData("year 2023\nrule bn_1 强制性 表内\n  title t\n  check T1.incomeTotal = T1.otherIncome", 2, "规则编号")]
    [InlineData("year 2023\nrule BN-X-01 强制性\n  title t\n  check T1.incomeTotal = T1.otherIncome", 2, "rule 行应为")]
    [InlineData("year 2023\nrule BN-X-01 强制性 表内\n  check T1.incomeTotal = T1.otherIncome", 2, "缺少 title")]
    [InlineData("year 2023\nrule BN-X-01 强制性 表内\n  title t", 2, "没有 check")]
    [InlineData("year 2023\n  title t", 2, "须写在某条 rule 之下")]
    [InlineData("year 2023\nrule BN-X-01 强制性 表内\n  title t\n  chek T1.incomeTotal = T1.otherIncome", 4, "无法识别的行")]
    [InlineData("year 2023\n+ T1.otherIncome", 2, "接续")]
    [InlineData("year twenty\nrule BN-X-01 强制性 表内\n  title t\n  check T1.incomeTotal = T1.otherIncome", 1, "年度")]
    [InlineData("rule BN-X-01 强制性 表内\n  title t\n  check T1.incomeTotal = T1.otherIncome", 1, "缺少年度")]
    public void BadLine_IsRefused_NamingTheLineAndWhatIsWrong(string text, int line, string what)
    {
        var errors = Refused(text).Errors;
        Assert.Contains(errors, e => e.Line == line && e.Message.Contains(what, StringComparison.Ordinal));
    }

    [Fact]
    public void DuplicateIds_AndEveryProblem_AreReported_WithTheFileName()
    {
        var e = Refused("year 2023\nrule BN-X-01 强制性 表内\n  title a\n  check T1.incomeTotal = T1.oops\nrule BN-X-01 强制性 表内\n  title b\n  check T1.incomeTotal = T1.otherIncome\n");
        Assert.Equal([4, 5], e.Errors.Select(x => x.Line));
        Assert.Contains("重复", e.Errors[1].Message);
        Assert.Contains("bad.txt 第 4 行", e.Message);
    }

    [Fact]
    public void AnIdOfACodeRule_CannotBeReusedInTheFile()
    {
        var set = IdentityFile.Parse("year 2023\nrule DM-01 强制性 代码\n  title t\n  check T1.incomeTotal = T1.otherIncome\n", "x.txt");
        var e = Assert.Throws<IdentityFileException>(() => RuleCatalogue.Build(set, ClassificationCatalogue.Default));
        Assert.Contains("DM-01", e.Message);
    }

    [Fact]
    public void AChangedFormula_ChangesTheCheck_WithoutARebuild()
    {
        // The bureau decides for 2025 (the latest shipped year) that T5 合计 need only match its 类 rows in the 决算 columns, not the 年初预算数.
        var text = Shipped2023.Replace("year 2023", "year 2025").Replace("check T5.total.* = Σ类(T5).*",
            "check T5.total.total = Σ类(T5).total\n  check T5.total.basic = Σ类(T5).basic\n  check T5.total.project = Σ类(T5).project");
        var dir = Directory.CreateTempSubdirectory("identities").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "identities-2025.txt"), text);
            var checker = AccountsChecker.Load(dir);
            Assert.Equal([2023, 2024, 2025], checker.Years);
            var seed2025 = Seed() with { FiscalYear = 2025 };
            Assert.DoesNotContain(checker.Check(seed2025).Findings, f => f.RuleId == "BN-T5-02");
            Assert.Contains(checker.Check(Seed()).Findings, f => f.RuleId == "BN-T5-02"); // 2023 keeps the shipped formula
            Assert.Same(checker.ChecksFor(2025), checker.ChecksFor(2030)); // later years use the latest file
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void Load_MissingPath_OrTwoFilesForOneYear_IsRefused()
    {
        Assert.Throws<IdentityFileException>(() => AccountsChecker.Load("/nonexistent/identities.txt"));
        var dir = Directory.CreateTempSubdirectory("identities").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "a.txt"), Shipped2023);
            File.WriteAllText(Path.Combine(dir, "b.txt"), Shipped2023);
            Assert.Contains("多个文件", Assert.Throws<IdentityFileException>(() => AccountsChecker.Load(dir)).Message);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void FormulaFindings_SayTheFormulaInTheClerksWords()
    {
        var a = Consistent();
        var f = Assert.Single(AccountsChecker.Standard.Check(a.WithCell("T2", "total", "other", a.Cell("T2", "total", "other") + Wan(1m))).Findings,
            x => x.RuleId == "BJ-01");
        Assert.Equal("T2/total/other", f.Location.Text);
        Assert.Contains("按「T2 合计·其他收入 = T1 其他收入」应为 95.23 万元，实为 96.23 万元，相差 1.00 万元", f.Message);
        Assert.Equal(5_000, f.Tolerance);
        Assert.Contains("超出允许的尾差 0.005 万元", f.Message);
    }
}
