using Consolidation.Domain.Model;

namespace Consolidation.Domain.Rules.Formulas;

/// <summary>
/// The same figure standing in several places: <c>T2.total.fiscal = T1.generalBudgetAppropriation + … = T4.incomeCurrent.total</c>
/// (a check with more than one <c>=</c>). Each side is one holder of the figure. When the holders disagree, one finding says
/// which holder prints which value and, when most holders agree on one value, names the others — the minority — as the ones
/// to correct (the finding stands on the first of them, expected = the majority's value). Without a majority (two holders, or
/// as many on each value) it names every value and asks which is right, standing on the first holder. Two holders agree when
/// their difference is within the rounding of the cells both print; a difference inside it but not zero is a 尾差 (WC-01).
/// </summary>
public sealed class SameFigureCheck(string source, IReadOnlyList<IReadOnlyList<Term>> holders) : FormulaCheck(source)
{
    public IReadOnlyList<IReadOnlyList<Term>> Holders { get; } = holders;

    public override bool UsesLastYear => Holders.Any(h => h.Any(t => t.LastYear));

    public override IEnumerable<Finding> Evaluate(CheckContext context, RuleInfo info, string hint)
    {
        if (UsesLastYear && context.LastYear is null) yield break;
        var printed = Holders.Where(context.Prints).ToList(); // a holder the template does not print holds nothing here
        if (printed.Count < 2) yield break;
        var precision = Comparison.PrecisionOf(context, UsesLastYear);
        var values = printed.Select(h => h.Sum(t => Terms.Value(t, context))).ToArray();
        var cells = printed.Select(h =>
        {
            var zeros = false;
            var count = h.Sum(t => Terms.Cells(t, context, ref zeros));
            return (n: count, zeros);
        }).ToArray();
        long ToleranceOf(int i, int j) =>
            Comparison.Tolerance(precision, Tolerance.Cells(cells[i].n + cells[j].n, cells[i].zeros || cells[j].zeros));
        bool Agree(int i, int j) => i == j || Math.Abs(values[i] - values[j]) <= ToleranceOf(i, j);

        var n = printed.Count;
        var withTable = printed.SelectMany(h => h).Select(t => t.Table.Id).Distinct().Count() > 1;
        string Name(int i) => Terms.Describe(printed[i], withTable);
        CellLocation Where(int i) { var t = printed[i][0]; return Cells.Locate(context.Accounts[t.Table.Id], t.Row, t.ColumnKey); }

        // Each holder stands for an interval (its printed value ± the rounding of its cells); on a line, intervals that meet
        // pairwise share a point, so the holders are consistent exactly when every two agree.
        var all = Enumerable.Range(0, n).ToList();
        if (all.All(i => all.All(j => Agree(i, j))))
        {
            for (var i = 1; i < n; i++) // consistent: the first tail, if any, as 信息
                if (RoundingTail.Of(Where(i), $"{Name(i)} = {Name(0)}", values[0], values[i], ToleranceOf(0, i), precision) is { } tail)
                {
                    yield return tail;
                    yield break;
                }
            yield break;
        }

        // The majority: the largest set of holders that agree with each other, when it is more than half and the only one.
        var cliques = Subsets(n).Where(set => set.All(i => set.All(j => Agree(i, j)))).ToList();
        var largest = cliques.Max(c => c.Count);
        var majority = largest * 2 > n && cliques.Count(c => c.Count == largest) == 1 ? cliques.Single(c => c.Count == largest) : null;
        var best = majority?[0] ?? 0;

        var unit = Money.UnitName(precision);
        var listing = string.Join("；", Enumerable.Range(0, n).Select(i => $"{Name(i)} {Money.Format(values[i], precision)} {unit}"));
        var lead = $"同一数字在 {n} 处不一致：{listing}。";
        if (majority is not null)
        {
            var odd = Enumerable.Range(0, n).Where(i => !majority.Contains(i)).ToList();
            var first = odd[0];
            var tolerance = ToleranceOf(best, first);
            var others = string.Join("、", majority.Select(Name));
            var correct = string.Join("；", odd.Select(i =>
                $"{Name(i)} 应为 {Money.Format(values[best], precision)} {unit}，实为 {Money.Format(values[i], precision)} {unit}，相差 {Money.Format(values[i] - values[best], precision)} {unit}"));
            var tol = tolerance == 0 ? "数据以元为单位，应完全相等" : $"超出允许的尾差 {Tolerance.Format(tolerance, precision)} {unit}";
            yield return new Finding(info.Id, info.Severity, info.Category, Where(first), values[best], values[first], tolerance,
                $"{Where(first).Display}：{lead}{others} 一致，应更正与之不同的 {string.Join("、", odd.Select(Name))}：{correct}（{tol}）。{hint}");
            yield break;
        }
        var pair = Enumerable.Range(1, n - 1).FirstOrDefault(i => !Agree(0, i), 1);
        var t0 = ToleranceOf(0, pair);
        var tolText = t0 == 0 ? "数据以元为单位，应完全相等" : $"差额超出各数四舍五入允许的尾差（{Tolerance.Format(t0, precision)} {unit} 起）";
        yield return new Finding(info.Id, info.Severity, info.Category, Where(0), values[pair], values[0], t0,
            $"{Where(0).Display}：{lead}{tolText}；没有多数一致的一方，无法判断哪一处有误，请逐一核对后更正错误的一处。{hint}");
    }

    /// <summary>Every non-empty subset of 0..n−1 as a list (n is a handful of holders).</summary>
    private static IEnumerable<List<int>> Subsets(int n)
    {
        for (var mask = 1; mask < 1 << n; mask++)
            yield return Enumerable.Range(0, n).Where(i => (mask & (1 << i)) != 0).ToList();
    }
}
