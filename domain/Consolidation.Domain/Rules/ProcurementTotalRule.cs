namespace Consolidation.Domain.Rules;

/// <summary>强制性: 政府采购支出总额 = 货物 + 工程 + 服务 (within the rounding tolerance of its three parts).</summary>
public sealed class ProcurementTotalRule : IRule
{
    public static RuleInfo Rule { get; } = RuleInfo.Mandatory("BN-S-01", RuleCategory.WithinTable, "补充资料 政府采购支出总额 = 货物 + 工程 + 服务", RuleInfo.IdentityTolerance);

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Accounts.Supplementary is not { } s) yield break;
        var precision = context.Accounts.Precision;
        var expected = s.ProcurementGoods + s.ProcurementWorks + s.ProcurementServices;
        var tolerance = Tolerance.ForIdentity(precision, 4);
        if (Math.Abs(s.ProcurementTotal - expected) <= tolerance) yield break;
        var where = Supplementary.Locate("procurementTotal", "政府采购支出总额");
        yield return new Finding(Info.Id, Info.Severity, Info.Category, where, expected, s.ProcurementTotal, tolerance,
            Cells.IdentityMessage(where, "政府采购支出总额 = 货物 + 工程 + 服务", expected, s.ProcurementTotal, tolerance, precision,
                "请核对补充资料中的政府采购支出。"));
    }
}
