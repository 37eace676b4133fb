namespace Consolidation.Domain.Rules.Formulas;

/// <summary>
/// <c>each row of T2: total = fiscal + superiorSubsidy + …</c>: an identity between the columns of every row of one
/// table, fixed and coded. The finding points at the first left-hand column of the failing row.
/// </summary>
public sealed class EachRowCheck(string source, string tableId, IReadOnlyList<Term> lhs, Relation relation, IReadOnlyList<Term> rhs) : FormulaCheck(source)
{
    private readonly string _formula = Terms.Describe(lhs, relation, rhs);

    public string TableId { get; } = tableId;

    public override IEnumerable<Finding> Evaluate(CheckContext context, RuleInfo info, string hint)
    {
        var table = context.Accounts[TableId];
        var precision = context.Accounts.Precision;
        var findings = new List<Finding>();
        foreach (var row in table.FixedRows.Keys) Row(row);
        foreach (var row in table.Rows) Row(row.Code);
        return findings;

        void Row(string key)
        {
            var (actual, expected, cells) = Terms.Sides(lhs, rhs, context, key);
            var tolerance = Comparison.Tolerance(precision, cells);
            if (Comparison.Holds(relation, actual, expected, tolerance)) return;
            var where = Cells.Locate(table, key, lhs[0].ColumnKey);
            findings.Add(new Finding(info.Id, info.Severity, info.Category, where, expected, actual, tolerance,
                Comparison.Message(where, _formula, relation, expected, actual, tolerance, precision, hint)));
        }
    }
}
