using Consolidation.Domain.Model;

namespace Consolidation.Domain.Rules;

/// <summary>
/// 提示性: for accounts of 行政 units only (本级 and every 下属单位), 机关运行经费 (补充资料) should equal T6 公用经费合计
/// (reference section 3, item 6).
/// </summary>
public sealed class OperatingCostRule : IRule
{
    public static RuleInfo Rule { get; } = RuleInfo.Advisory("TS-JG-01", RuleCategory.BetweenTables, "行政单位 机关运行经费（补充资料）= T6 公用经费合计", "元: 0; 万元: 0.005");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var a = context.Accounts;
        if (a.Supplementary is not { } s) yield break;
        if (a.Composition.Self.Type != UnitType.Administrative || a.Composition.Subordinates.Any(u => u.Type != UnitType.Administrative)) yield break;
        var t6 = a["T6"];
        var publicFunds = context.Index(t6).Value("publicTotal", 0);
        var tolerance = Tolerance.ForIdentity(a.Precision, 2);
        if (Math.Abs(s.OperatingCostActual - publicFunds) <= tolerance) yield break;
        var where = Supplementary.Locate("operatingCostActual", "机关运行经费 决算数");
        yield return new Finding(Info.Id, Info.Severity, Info.Category, where, publicFunds, s.OperatingCostActual, tolerance,
            Cells.IdentityMessage(where, "行政单位 机关运行经费 = T6 公用经费合计", publicFunds, s.OperatingCostActual, tolerance, a.Precision,
                "请核实机关运行经费的口径；" + Finding.ExplanationAdvice(Info.Id, where)));
    }
}
