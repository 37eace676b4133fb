namespace Consolidation.Domain.Rules.Formulas;

/// <summary>
/// <c>each row of T2: total = fiscal + superiorSubsidy + …</c>: an identity between the columns of every row of one
/// table, fixed and coded. The finding points at the first left-hand column of the failing row.
/// </summary>
public sealed class EachRowCheck(string source, string tableId, IReadOnlyList<Term> lhs, Relation relation, IReadOnlyList<Term> rhs) : FormulaCheck(source)
{
    private readonly string _formula = Terms.Describe(lhs, relation, rhs);
    // actual = lhs[0]; expected = Σ (sign × column) over the rest, the other left-hand terms negated.
    private readonly int _target = lhs[0].Column;
    private readonly (int Column, int Sign)[] _expected =
        rhs.Select(t => (t.Column, t.Sign)).Concat(lhs.Skip(1).Select(t => (t.Column, -t.Sign))).ToArray();

    public string TableId { get; } = tableId;

    public override IEnumerable<Finding> Evaluate(CheckContext context, RuleInfo info, string hint)
    {
        var table = context.Accounts[TableId];
        var precision = context.Accounts.Precision;
        List<Finding>? findings = null;
        foreach (var (column, _) in _expected)
            if (!context.Template.Prints(TableId, "*", table.Layout.Columns[column].Key)) return [];
        if (!context.Template.Prints(TableId, "*", lhs[0].ColumnKey)) return [];
        foreach (var (key, values) in table.FixedRows) Row(key, values);
        foreach (var row in table.Rows) Row(row.Code, row.Values);
        return findings ?? (IEnumerable<Finding>)[];

        void Row(string key, long[] values)
        {
            var actual = values[_target];
            var expected = 0L;
            var cells = actual != 0 ? 1 : 0;
            var zeros = actual == 0;
            foreach (var (column, sign) in _expected)
            {
                expected += sign * values[column];
                if (values[column] != 0) cells++;
                else zeros = true;
            }
            var tolerance = Comparison.Tolerance(precision, Tolerance.Cells(cells, zeros));
            if (Comparison.Holds(relation, actual, expected, tolerance))
            {
                if (relation == Relation.Equal && actual != expected && precision == Model.AmountPrecision.WanYuan2)
                    (findings ??= []).Add(RoundingTail.Of(Cells.Locate(table, key, lhs[0].ColumnKey), _formula, expected, actual, tolerance, precision)!);
                return;
            }
            var where = Cells.Locate(table, key, lhs[0].ColumnKey);
            (findings ??= []).Add(new Finding(info.Id, info.Severity, info.Category, where, expected, actual, tolerance,
                Comparison.Message(where, _formula, relation, expected, actual, tolerance, precision, hint)));
        }
    }
}
