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
                if (Comparison.Holds(relation, actual, expected, tolerance)) continue;
                var where = Cells.Locate(target, row.Code, lhs[0].ColumnKey);
                if (index.Table != target && where.RowName == row.Code) where = where with { RowName = $"{row.Code} {row.Name}" };
                findings.Add(new Finding(info.Id, info.Severity, info.Category, where, expected, actual, tolerance,
                    Comparison.Message(where, $"同一科目 {_formula}", relation, expected, actual, tolerance, precision, hint)));
            }
        }
        return findings;
    }
}
