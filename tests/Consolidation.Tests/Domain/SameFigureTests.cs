using Consolidation.Domain.Checking;
using Consolidation.Domain.Model;
using Consolidation.Domain.Rules;
using Consolidation.Domain.Rules.Formulas;
using Consolidation.Domain.Classification;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Domain;

/// <summary>
/// Issue 12 item 3: the same figure in several tables (财政拨款收入 in T1, T2 and T4; 政府性基金 income in T1, T4 and T8)
/// gives one finding per disagreement, naming which table prints which value and the minority as the one to correct.
/// </summary>
public class SameFigureTests
{
    private static CheckResult Check(FinalAccounts a) => AccountsChecker.Standard.Check(a.WithoutNarrative());

    [Fact]
    public void OneTableOffTheOtherTwo_IsOneFinding_OnThatTable_WithTheMajoritysValueExpected()
    {
        var a = Consistent();
        var right = a.Cell("T2", "total", "fiscal");
        var result = Check(a.WithCell("T4", "incomeCurrent", "total", right + Wan(1)));
        var f = Assert.Single(result.Findings, x => x.RuleId == "BJ-02");
        Assert.Equal("T4/incomeCurrent/total", f.Location.Text);
        Assert.Equal((right, right + Wan(1)), (f.Expected, f.Actual));
        Assert.Contains("同一数字在 3 处不一致", f.Message);
        Assert.Contains("T2 合计·财政拨款收入", f.Message);
        Assert.Contains("一致，应更正与之不同的 T4 本年收入合计·合计", f.Message);
        Assert.Contains($"应为 {Money.Format(right, AmountPrecision.WanYuan2)} 万元", f.Message);
    }

    [Fact]
    public void T1Off_WasTwoContradictoryPairwiseFindings_IsNowOne_PointingAtT1()
    {
        var a = Consistent();
        var moved = a.WithCell("T1", "generalBudgetAppropriation", "amount", a.Cell("T1", "generalBudgetAppropriation", "amount") + Wan(2));
        var f = Assert.Single(Check(moved).Findings, x => x.RuleId == "BJ-02");
        Assert.Equal("T1/generalBudgetAppropriation/amount", f.Location.Text);
        Assert.Contains("T2 合计·财政拨款收入、T4 本年收入合计·合计 一致，应更正与之不同的 T1", f.Message);
        Assert.Equal(Wan(2), f.Actual - f.Expected);
    }

    [Fact]
    public void AllThreeDifferent_IsOneFinding_ThatNamesEveryValue_AndSaysNoOneIsKnownRight()
    {
        var a = Consistent();
        var moved = a.WithCell("T2", "total", "fiscal", a.Cell("T2", "total", "fiscal") + Wan(1))
            .WithCell("T4", "incomeCurrent", "total", a.Cell("T4", "incomeCurrent", "total") + Wan(3));
        var f = Assert.Single(Check(moved).Findings, x => x.RuleId == "BJ-02");
        Assert.Equal("T2/total/fiscal", f.Location.Text);
        Assert.Contains("无法判断哪一处有误", f.Message);
        foreach (var (holder, value) in new[] { ("T2 合计·财政拨款收入", moved.Cell("T2", "total", "fiscal")), ("T4 本年收入合计·合计", moved.Cell("T4", "incomeCurrent", "total")),
                     ("T1 国有资本经营预算财政拨款收入", a.Cell("T2", "total", "fiscal")) })
            Assert.Contains($"{holder} {Money.Format(value, AmountPrecision.WanYuan2)} 万元", f.Message); // every holder with its value
    }

    /// <summary>
    /// A chain of three holders in 万元: A and C one printed cell each, B the sum of two. One true value prints the same in
    /// A and C; B may differ from either by 0.01 (its two cells' rounding, 2 × 0.005, plus A's own 0.005, on the 0.01 grid).
    /// </summary>
    private static readonly AccountsChecker Chain = new(IdentityFile.Parse("""
        year 2023
        rule BJ-X-01 强制性 表间
          title the same figure
          check T1.otherIncome = T2.total.other + T2.total.operating = T1.businessIncome
        """, "x.txt").Rules);

    private static FinalAccounts Three(decimal a, decimal b1, decimal b2, decimal c) =>
        Consistent().WithCell("T1", "otherIncome", "amount", Wan(a)).WithCell("T2", "total", "other", Wan(b1))
            .WithCell("T2", "total", "operating", Wan(b2)).WithCell("T1", "businessIncome", "amount", Wan(c));

    [Fact]
    public void AtTheRoundingBoundary_ATailIsInformation_OneCentMoreIsTheFinding_OnTheOddHolder()
    {
        var within = Chain.Check(Three(10.00m, 6.00m, 4.01m, 10.00m)).Findings;
        Assert.DoesNotContain(within, f => f.RuleId == "BJ-X-01");
        var tail = Assert.Single(within, f => f.RuleId == RoundingTail.Info.Id);
        Assert.Equal("T2/total/other", tail.Location.Text);

        var beyond = Assert.Single(Chain.Check(Three(10.00m, 6.00m, 4.02m, 10.00m)).Findings, f => f.RuleId == "BJ-X-01");
        Assert.Equal(("T2/total/other", Wan(10.00m), Wan(10.02m), Wan(0.01m)), (beyond.Location.Text, beyond.Expected, beyond.Actual, beyond.Tolerance));
        Assert.Contains("应更正与之不同的 T2 合计·其他收入 + T2 合计·经营收入", beyond.Message);
    }

    [Fact]
    public void TwoOneCellHolders_ThatDifferByOneCent_AreAFinding_EvenWhenASumHolderReachesBoth()
    {
        // A 10.00 and C 10.01 print one cell each: no single true value rounds to both. B (a sum of two) reaches either,
        // so no majority is known: one finding naming the three values.
        var f = Assert.Single(Chain.Check(Three(10.00m, 6.00m, 4.00m, 10.01m)).Findings, x => x.RuleId == "BJ-X-01");
        Assert.Contains("无法判断哪一处有误", f.Message);
        Assert.Equal("T1/otherIncome/amount", f.Location.Text);
    }

    [Fact]
    public void ConsistentAccounts_GiveNoSameFigureFinding()
    {
        Assert.DoesNotContain(Check(Consistent()).Findings, f => f.RuleId is "BJ-02" or "BJ-03");
    }
}
