using Consolidation.Domain.Model;

namespace Consolidation.Domain.Rules;

/// <summary>
/// 尾差: a total that differs from its printed parts by less than their rounding allows, but not by zero. Not an error
/// (each printed cell is rounded on its own); said as 信息 so that a department preparing the public version can even its
/// tails. One finding per table lists every tail of it (<see cref="Group"/>).
/// </summary>
public static class RoundingTail
{
    public static RuleInfo Info { get; } = new("WC-01", RuleCategory.WithinTable, Severity.Info, "尾差：合计与所列各项之和相差在四舍五入允许之内（信息，不影响受理）");

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
    public static List<Finding> Group(List<Finding> findings)
    {
        if (!findings.Exists(f => f.RuleId == Info.Id)) return findings;
        var result = new List<Finding>(findings.Count);
        foreach (var f in findings)
            if (f.RuleId != Info.Id) result.Add(f);
        foreach (var table in findings.Where(f => f.RuleId == Info.Id).GroupBy(f => f.Location.Table))
        {
            var tails = table.ToList();
            if (tails.Count == 1) { result.Add(tails[0]); continue; }
            var first = tails[0];
            result.Add(first with
            {
                Message = $"{first.Location.Table} {first.Location.TableName}有 {tails.Count} 处尾差（信息，不影响受理；公开前可调平）：" +
                          string.Join("；", tails.Select((t, i) => $"{i + 1}. {t.Message[(t.Message.IndexOf('：') + 1)..]}")),
            });
        }
        return result;
    }
}
