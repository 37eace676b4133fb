using Consolidation.Domain.Checking;
using Consolidation.Domain.Narrative;
using Consolidation.Domain.Rules;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Domain.Templates;

/// <summary>
/// A printed 万元 figure is an interval: a derived figure is inconsistent only when no values inside its inputs'
/// intervals produce it at the printed precision. Each boundary is tested on both sides.
/// </summary>
public class RoundingIntervalTests
{
    private const long H = 5_000; // half of 0.01 万元, in 分

    [Theory]
    // 1.00 ÷ 3.00, each ± 0.005: the ratio lies in 0.995 / 3.005 = 33.1115% … 1.005 / 2.995 = 33.5559%.
    [InlineData(331_100, true)]   // 33.11% stands for [33.105, 33.115): reached at its top
    [InlineData(331_000, false)]  // 33.10%: below every ratio the inputs allow
    [InlineData(335_600, true)]   // 33.56% stands for [33.555, 33.565): reached at its bottom
    [InlineData(335_700, false)]  // 33.57%: above every ratio
    [InlineData(333_300, true)]   // the point value
    public void APercentage_IsReachableInsideItsInputsIntervals(long stated, bool reachable) =>
        Assert.Equal(reachable, Ratio.Reachable(stated, 2, 1_000_000, H, 3_000_000, H));

    [Theory]
    [InlineData(330_000, true)]   // "33%" stands for [32.5, 33.5): 33.11 … 33.56 reaches it
    [InlineData(340_000, true)]   // "34%" stands for [33.5, 34.5): 33.5559 reaches its bottom
    [InlineData(350_000, false)]  // "35%": above every ratio
    [InlineData(320_000, false)]  // "32%": below every ratio
    public void APercentagesPrecision_IsItsOwnPrint(long stated, bool reachable) =>
        Assert.Equal(reachable, Ratio.Reachable(stated, 0, 1_000_000, H, 3_000_000, H));

    [Fact]
    public void ExactData_AreComparedExactly() // 元: no interval
    {
        Assert.True(Ratio.Reachable(333_300, 2, 100, 0, 300, 0));
        Assert.False(Ratio.Reachable(333_400, 2, 100, 0, 300, 0));
    }

    [Fact]
    public void ZeroParts_WidenATotalByOneHalfUnitAtMost()
    {
        // T1 本年收入合计 = eight sources; the seed has two of them (财政拨款 791.59, 其他 95.23), six printed 0.00.
        // Counted: 合计, two sources, one remainder for all the zeros → 3 × 0.005 = 0.015: 0.01 is a 尾差, 0.02 an error.
        var a = Consistent();
        var income = a.Cell("T1", "incomeTotal", "amount");
        var tail = AccountsChecker.Standard.Check(a.WithCell("T1", "incomeTotal", "amount", income + Wan(0.01m)));
        Assert.DoesNotContain(tail.Findings, f => f.RuleId == "BN-T1-01");
        Assert.Contains(tail.Findings, f => f.RuleId == RoundingTail.Info.Id && f.Message.Contains("本年收入合计", StringComparison.Ordinal));
        var gap = Assert.Single(AccountsChecker.Standard.Check(a.WithCell("T1", "incomeTotal", "amount", income + Wan(0.02m))).Findings, f => f.RuleId == "BN-T1-01");
        Assert.Equal(15_000, gap.Tolerance); // eight sources would have given 0.04 and hidden it
    }

    [Fact]
    public void TheSameFigureInTwoTables_MayDifferByTheRoundingOfWhatATableAddsItUpFrom()
    {
        // The seed's 210 卫生健康 has one 项 with spending (2101101 26.49): T1 and T3 must print it alike.
        var a = Consistent();
        var oneLeaf = AccountsChecker.Standard.Check(a.WithCell("T1", "210", "amount", a.Cell("T1", "210", "amount") + Wan(0.01m)));
        Assert.Contains(oneLeaf.Findings, f => f.RuleId == "BJ-05" && f.Location.Row == "210");
        // 201 一般公共服务 adds up three 项 in T3: a 0.01 difference from T1 is a 尾差, 0.02 is an error.
        var t1 = a.Cell("T1", "201", "amount");
        var tail = AccountsChecker.Standard.Check(a.WithCell("T1", "201", "amount", t1 + Wan(0.01m)));
        Assert.DoesNotContain(tail.Findings, f => f.RuleId == "BJ-05");
        Assert.Contains(tail.Findings, f => f.RuleId == RoundingTail.Info.Id && f.Message.Contains("同一科目", StringComparison.Ordinal));
        Assert.Contains(AccountsChecker.Standard.Check(a.WithCell("T1", "201", "amount", t1 + Wan(0.02m))).Findings, f => f.RuleId == "BJ-05");
    }

    [Fact]
    public void Tails_AreOneInformationPerTable_AndCounted()
    {
        var r = AccountsChecker.Standard.Check(Consistent());
        var tails = r.Findings.Where(f => f.RuleId == RoundingTail.Info.Id).ToList();
        Assert.Equal(["T3", "T5"], tails.Select(t => t.Location.Table).Order());
        Assert.All(tails, t => Assert.Contains("2 处尾差", t.Message));
        Assert.Equal(4, r.TailCount);
        Assert.Equal(SubmissionStatus.Accepted, r.Status);
    }

    [Fact]
    public void InYuan_ThereAreNoTails()
    {
        var r = AccountsChecker.Standard.Check(Consistent() with { Precision = Consolidation.Domain.Model.AmountPrecision.Yuan });
        Assert.DoesNotContain(r.Findings, f => f.RuleId == RoundingTail.Info.Id);
    }
}
