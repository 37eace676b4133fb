using Consolidation.Domain.Consolidation;
using Consolidation.Domain.Model;
using Consolidation.Domain.Rules;
using Consolidation.Domain.Validation;

namespace Consolidation.Server.Application;

/// <summary>
/// The registry decides who exists (docs/access.md#registry). Once the registry lists any unit: a submission for a code
/// it does not list is refused (or, with <c>UnregisteredSubmissions=hold</c>, stored as 未登记 and kept out of every
/// consolidation); a composition (决算单位构成) may name only units registered under the department — a unit registered
/// under another department, or one the registry does not list, is refused (with <c>UnregisteredSubmissions=hold</c> an
/// unlisted unit is taken as declared and is a finding, REG-02, 信息); a name that differs from the registry's is a
/// finding (REG-01, 信息). An empty registry (a server before its first import) decides nothing.
/// </summary>
public sealed class RegistryGate(RegistryBook registry, ServerOptions options)
{
    public const string NameRuleId = "REG-01";
    public const string UnregisteredUnitRuleId = "REG-02";

    public bool HoldsUnregistered => string.Equals(options.UnregisteredSubmissions, "hold", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the accounts are refused (empty: they may be stored).</summary>
    public IReadOnlyList<Violation> Refusals(FinalAccounts accounts)
    {
        if (registry.IsEmpty) return [];
        var units = registry.Hierarchy();
        var code = accounts.DepartmentCode;
        var problems = new List<Violation>();
        if (units.Find(code) is null && !HoldsUnregistered)
            problems.Add(new Violation("department_code", $"预算单位名录中没有 {code}：请财政局先登记该单位（fa registry add），未保存"));
        foreach (var (unit, i) in accounts.Composition.Subordinates.Select((u, i) => (u, i)))
        {
            if (unit.Code == code) continue;
            var field = $"composition.subordinates[{i}].code";
            if (units.Find(unit.Code) is null)
            {
                if (!HoldsUnregistered)
                    problems.Add(new Violation(field, $"下属单位 {unit.Code} {unit.Name} 未在预算单位名录中登记：请财政局先登记（fa registry add {unit.Code} --parent {code}），未保存"));
            }
            else if (!units.IsWithin(unit.Code, code))
                problems.Add(new Violation(field, $"下属单位 {unit.Code} 在名录中登记在 {units.DepartmentOf(unit.Code)} 之下，不是 {code} 的下属单位"));
        }
        return problems;
    }

    /// <summary>REG-01: a name that differs from the registry's; REG-02: a 下属单位 the registry does not list (信息: shown, change no status).</summary>
    public IEnumerable<Finding> NameFindings(FinalAccounts accounts)
    {
        if (registry.IsEmpty) yield break;
        var units = registry.Hierarchy();
        var named = new[] { accounts.Composition.Self with { Code = accounts.DepartmentCode, Name = accounts.DepartmentName } }
            .Concat(accounts.Composition.Subordinates.Where(u => u.Code != accounts.DepartmentCode));
        foreach (var unit in named)
        {
            if (units.Find(unit.Code) is null && unit.Code != accounts.DepartmentCode)
                yield return new Finding(UnregisteredUnitRuleId, Severity.Info, RuleCategory.Completeness,
                    new CellLocation("META", unit.Code, "code", "基本信息", unit.Code, "单位编码"), 0, 0, 0,
                    $"下属单位 {unit.Code} {unit.Name} 未在预算单位名录中登记：请财政局登记（fa registry add {unit.Code} --parent {accounts.DepartmentCode}），否则汇总只按本报送的构成计入");
            if (units.Find(unit.Code) is { } registered && registered.Name != unit.Name.Trim())
                yield return new Finding(NameRuleId, Severity.Info, RuleCategory.Completeness,
                    new CellLocation("META", unit.Code, "name", "基本信息", unit.Code, "单位名称"), 0, 0, 0,
                    $"单位 {unit.Code} 的名称“{unit.Name}”与预算单位名录中的“{registered.Name}”不同：请核对，以名录为准（或请财政局更正名录）");
        }
    }

    /// <summary>A code consolidations may use: registered, or any while the registry is empty (未登记 ones are held out).</summary>
    public bool MayConsolidate(string code) => registry.IsEmpty || registry.Hierarchy().Find(code) is not null;
}
