namespace Consolidation.Domain.Rules.Formulas;

/// <summary>
/// <c>each 类: T3.total = T1.amount</c> or <c>each code: T5.total ≤ T3.total</c>: the same classification code in
/// several tables. Every code that any of the tables lists (only 类 codes for <c>each 类</c>) is compared; a table
/// without the row counts it as 0. The finding points at the first left-hand table's row of that code.
/// </summary>
public sealed class EachCodeCheck(string source, bool classesOnly, IReadOnlyList<Term> lhs, Relation relation, IReadOnlyList<Term> rhs) : FormulaCheck(source)
{
    private readonly string _formula = Terms.Describe(lhs, relation, rhs);
    private readonly string[] _tables = lhs.Concat(rhs).Select(t => t.Table.Id).Distinct().ToArray();

    public bool ClassesOnly { get; } = classesOnly;

    public override IEnumerable<Finding> Evaluate(CheckContext context, RuleInfo info, string hint)
    {
        var precision = context.Accounts.Precision;
        if (!context.Prints(lhs) || !context.Prints(rhs)) return [];
        var target = context.Accounts[lhs[0].Table.Id];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var findings = new List<Finding>();
        foreach (var id in _tables)
        {
            var index = context.Index(context.Accounts[id]);
            var rows = ClassesOnly ? index.Classes : index.Table.Rows;
            foreach (var row in rows)
            {
                if (!seen.Add(row.Code)) continue;
                var (actual, expected, cells) = Terms.Sides(lhs, rhs, context, row.Code);
                var tolerance = Comparison.Tolerance(precision, cells);
                var exact = Comparison.Holds(relation, actual, expected, tolerance);
                if (!exact)
                {
                    // The same figure printed in two tables: a 类 or 款 row that a table adds up from its rounded 项 may
                    // stand as far from the true value as its parts' rounding allows (each part half a unit).
                    tolerance = Comparison.Tolerance(precision, Widths(context, row.Code));
                    if (!Comparison.Holds(relation, actual, expected, tolerance)) { Fail(); continue; }
                }
                if (relation == Relation.Equal && actual != expected)
                    findings.Add(RoundingTail.Of(Where(), $"同一科目 {_formula}", expected, actual, tolerance, precision)!);
                continue;

                CellLocation Where()
                {
                    var at = Cells.Locate(target, row.Code, lhs[0].ColumnKey);
                    return index.Table != target && at.RowName == row.Code ? at with { RowName = $"{row.Code} {row.Name}" } : at;
                }

                void Fail()
                {
                    var where = Where();
                    findings.Add(new Finding(info.Id, info.Severity, info.Category, where, expected, actual, tolerance,
                        Comparison.Message(where, $"同一科目 {_formula}", relation, expected, actual, tolerance, precision, hint)));
                }
            }
        }
        return findings;
    }

    /// <summary>The cells of a code's terms, each counted as the printed 项 (leaves) it adds up from in its table.</summary>
    private int Widths(CheckContext context, string code)
    {
        var n = 0;
        foreach (var t in lhs.Concat(rhs))
        {
            var table = context.Accounts[t.Table.Id];
            var leaves = 0;
            foreach (var r in table.Rows)
            {
                if (!r.Code.StartsWith(code, StringComparison.Ordinal) || r.Values[t.Column] == 0) continue;
                var hasChild = false;
                foreach (var other in table.Rows)
                    if (other.Code.Length > r.Code.Length && other.Code.StartsWith(r.Code, StringComparison.Ordinal)) { hasChild = true; break; }
                if (!hasChild) leaves++;
            }
            n += Math.Max(leaves, 1);
        }
        return n;
    }
}
