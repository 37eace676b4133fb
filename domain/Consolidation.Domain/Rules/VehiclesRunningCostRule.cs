using Consolidation.Domain.Model;

namespace Consolidation.Domain.Rules;

/// <summary>
/// 提示性: official vehicles held (公务用车保有量) but no 公务用车运行维护费 in T7, or running costs paid with no vehicle
/// held. Runs when the submission gives its 补充资料.
/// </summary>
public sealed class VehiclesRunningCostRule : IRule
{
    public static RuleInfo Rule { get; } = RuleInfo.Advisory("TS-CL-01", RuleCategory.BetweenTables, "有公务用车保有量却无公务用车运行维护费，或无车却有运行维护费");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var a = context.Accounts;
        if (a.Supplementary is not { } s) yield break;
        var t7 = a["T7"];
        var running = context.Index(t7).Value("vehicleOperation", t7.Layout.ColumnIndex("actual"));
        var unit = Money.UnitName(a.Precision);
        var where = Supplementary.Locate("vehiclesHeld", "公务用车保有量", "count", "辆");
        var tail = "请核实；" + Finding.ExplanationAdvice(Info.Id, where);
        if (s.VehiclesHeld > 0 && running == 0)
            yield return new Finding(Info.Id, Info.Severity, Info.Category, where, 0, 0, 0,
                $"补充资料填报公务用车保有量 {s.VehiclesHeld} 辆，但 T7 公务用车运行维护费决算数为 0 {unit}。{tail}");
        else if (s.VehiclesHeld == 0 && running > 0)
            yield return new Finding(Info.Id, Info.Severity, Info.Category, where, 0, 0, 0,
                $"补充资料填报公务用车保有量 0 辆，但 T7 公务用车运行维护费决算数为 {Money.Format(running, a.Precision)} {unit}。{tail}");
    }
}
