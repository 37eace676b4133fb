using Consolidation.Domain.Model;

namespace Consolidation.Domain.Rules;

/// <summary>Where a finding on the 补充资料 points: pseudo-table "S" with the figure's key.</summary>
internal static class Supplementary
{
    public const string TableId = "S";

    public static CellLocation Locate(string key, string name, string column = "amount", string columnName = "金额") =>
        new(TableId, key, column, "补充资料", name, columnName);
}

/// <summary>强制性: 政府采购支出总额 = 货物 + 工程 + 服务 (within the rounding tolerance of its three parts).</summary>
public sealed class ProcurementTotalRule(RuleInfo info) : IRule
{
    public RuleInfo Info { get; } = info;

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

/// <summary>
/// 提示性: official vehicles held (公务用车保有量) but no 公务用车运行维护费 in T7, or running costs paid with no vehicle
/// held. Runs when the submission gives its 补充资料.
/// </summary>
public sealed class VehiclesRunningCostRule(RuleInfo info) : IRule
{
    public RuleInfo Info { get; } = info;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var a = context.Accounts;
        if (a.Supplementary is not { } s) yield break;
        var t7 = a["T7"];
        var running = context.Index(t7).Value("vehicleOperation", t7.Layout.ColumnIndex("actual"));
        var unit = Money.UnitName(a.Precision);
        var where = Supplementary.Locate("vehiclesHeld", "公务用车保有量", "count", "辆");
        var tail = $"请核实；如属实，请附出错说明（规则 {Info.Id}，位置 {where.Text}）。";
        if (s.VehiclesHeld > 0 && running == 0)
            yield return new Finding(Info.Id, Info.Severity, Info.Category, where, 0, 0, 0,
                $"补充资料填报公务用车保有量 {s.VehiclesHeld} 辆，但 T7 公务用车运行维护费决算数为 0 {unit}。{tail}");
        else if (s.VehiclesHeld == 0 && running > 0)
            yield return new Finding(Info.Id, Info.Severity, Info.Category, where, 0, 0, 0,
                $"补充资料填报公务用车保有量 0 辆，但 T7 公务用车运行维护费决算数为 {Money.Format(running, a.Precision)} {unit}。{tail}");
    }
}

/// <summary>
/// 提示性: for accounts of 行政 units only (本级 and every 下属单位), 机关运行经费 (补充资料) should equal T6 公用经费合计
/// (reference section 3, item 6).
/// </summary>
public sealed class OperatingCostRule(RuleInfo info) : IRule
{
    public RuleInfo Info { get; } = info;

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
                $"请核实机关运行经费的口径；如属实，请附出错说明（规则 {Info.Id}，位置 {where.Text}）。"));
    }
}
