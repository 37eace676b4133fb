using Consolidation.Client.Output;
using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Checking;
using Consolidation.Domain.Model;
using Consolidation.Domain.Narrative;
using Consolidation.Domain.Rules;
using Consolidation.Tests.Support;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Domain.Narrative;

/// <summary>Narrative findings on the wire and on the clerk's screen: percentages and counts are not printed as money.</summary>
public class NarrativeFindingOutputTests
{
    private static readonly IReadOnlyList<Finding> Seed = AccountsChecker.Standard.Check(Accounts.Seed()).Findings;

    [Fact]
    public void ShareFinding_RoundTripsWithItsQuantity_AndPrintsAsPercentages()
    {
        var share = Seed.Single(f => f.RuleId == NarrativeRules.Share);
        var proto = FindingMapper.ToProto(share);
        Assert.Equal(Consolidation.Contracts.FindingQuantity.BasisPoints, proto.Quantity);
        Assert.Equal(FindingQuantity.BasisPoints, FindingMapper.ToDomain(proto).Quantity);
        Assert.Equal("应为 12.84%，实为 12.83%，差额 -0.01 个百分点，容差 0.00 个百分点", FindingsView.Figures(proto, AmountPrecision.WanYuan2));
    }

    [Fact]
    public void AmountFinding_PrintsInTheAccountsUnit()
    {
        var sum = FindingMapper.ToProto(Seed.Single(f => f.RuleId == NarrativeRules.ListedSum));
        Assert.Equal(Consolidation.Contracts.FindingQuantity.MoneyFen, sum.Quantity);
        Assert.Equal("应为 461.57 万元，实为 463.48 万元，差额 +1.91 万元，容差 0.045 万元", FindingsView.Figures(sum, AmountPrecision.WanYuan2));
    }

    [Fact]
    public void CountFinding_PrintsUnits()
    {
        var a = Consistent() with { Narrative = "十三、关于国有资产占用情况说明\n部门共有车辆2辆，其中，应急保障用车1辆、其他用车0辆。" };
        var f = FindingMapper.ToProto(AccountsChecker.Standard.Check(a).Findings.Single(x => x.RuleId == NarrativeRules.ListedSum));
        Assert.Equal("应为 1，实为 2，差额 +1", FindingsView.Figures(f, AmountPrecision.WanYuan2));
    }

    [Fact]
    public void AdvisoryNarrativeFinding_ExplainedByRuleAndLocation_IsAccepted()
    {
        // The corrected seed with item 8's direction word wrong again, and the department's explanation of it.
        var wrong = Consistent() with
        {
            Narrative = Consistent().Narrative.Replace("支出决算为203.59万元。决算数大于年初预算数", "支出决算为203.59万元。决算数小于年初预算数", StringComparison.Ordinal),
        };
        var pending = AccountsChecker.Standard.Check(wrong);
        var f = Assert.Single(pending.Findings, x => x.Severity == Severity.Advisory);
        Assert.Equal(SubmissionStatus.PendingExplanation, pending.Status);
        var explained = AccountsChecker.Standard.Check(wrong with { Explanations = [new Explanation(f.RuleId, f.Location.Text, "笔误，应为大于。")] });
        Assert.Equal(SubmissionStatus.Accepted, explained.Status);
    }
}
