using Consolidation.Domain.Model;

namespace Consolidation.Domain.Rules;

/// <summary>
/// 尾差: a total that differs from its printed parts by less than their rounding allows, but not by zero. Not an error
/// (each printed cell is rounded on its own); said as 信息 so that a department preparing the public version can even its
/// tails. One finding per table lists every tail of it (<see cref="Group"/>).
/// </summary>
public static class RoundingTail
{
    public static RuleInfo Info { get; } = new("WC-01", RuleCategory.WithinTable, Severity.Info, "尾差：合计与所列各项之和相差在四舍五入允许之内（信息，不影响受理）", "inside n × 0.005, not 0");

    /// <summary>The tail of an identity that holds within its tolerance, or null when it holds exactly (or the data are in 元).</summary>
    public static Finding? Of(CellLocation where, string formula, long expected, long actual, long tolerance, AmountPrecision precision)
    {
        if (expected == actual || precision != AmountPrecision.WanYuan2) return null;
        var unit = Money.UnitName(precision);
        return new Finding(Info.Id, Info.Severity, Info.Category, where, expected, actual, tolerance,
            $"{where.Display}：按「{formula}」各项之和为 {Money.Format(expected, precision)} {unit}，印为 {Money.Format(actual, precision)} {unit}，" +
            $"尾差 {Money.Format(actual - expected, precision)} {unit}（在各数各自四舍五入允许的 {Tolerance.Format(tolerance, precision)} {unit} 之内）");
    }

    /// <summary>The tails of each table merged into one finding that lists them (the first tail's location and numbers).</summary>
    public static List<Finding> Group(List<Finding> findings) =>
        InformationGroups.Merge(findings, Info.Id, f => f.Location.Table,
            (first, n) => $"{first.Location.Table} {first.Location.TableName}有 {n} 处尾差（信息，不影响受理；公开前可调平）：",
            f => f.Message[(f.Message.IndexOf('：') + 1)..]);
}

/// <summary>
/// 信息 findings of one kind grouped into one per group (a table, a section), listing what each said: so that the 强制性 and
/// 提示性 ones stand out. The merged finding keeps the first one's location and numbers.
/// </summary>
public static class InformationGroups
{
    public static List<Finding> Merge(List<Finding> findings, string ruleId, Func<Finding, string> key, Func<Finding, int, string> header, Func<Finding, string> item)
    {
        if (!findings.Exists(f => f.RuleId == ruleId)) return findings;
        var result = new List<Finding>(findings.Count);
        var merged = false;
        foreach (var f in findings)
        {
            if (f.RuleId != ruleId) { result.Add(f); continue; }
            if (merged) continue;
            merged = true; // the groups stand where the kind's first finding stood
            foreach (var group in findings.Where(x => x.RuleId == ruleId).GroupBy(key))
            {
                var list = group.ToList();
                if (list.Count == 1) { result.Add(list[0]); continue; }
                result.Add(list[0] with { Message = header(list[0], list.Count) + string.Join("；", list.Select((x, i) => $"{i + 1}. {item(x)}")) });
            }
        }
        return result;
    }
}
