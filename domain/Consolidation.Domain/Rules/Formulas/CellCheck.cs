namespace Consolidation.Domain.Rules.Formulas;

/// <summary>
/// An equality or inequality between cells, of one table or several, this year's or last year's:
/// <c>T2.total.total = T1.incomeTotal</c>, <c>T5.total.basic = T6.personnelTotal + T6.publicTotal</c>,
/// <c>T2.total.* = Σ类(T2).*</c> (expanded into one check per column when the file is read). The finding points at the
/// first left-hand cell.
/// </summary>
public sealed class CellCheck(string source, IReadOnlyList<Term> lhs, Relation relation, IReadOnlyList<Term> rhs) : FormulaCheck(source)
{
    private readonly string _formula = Terms.Describe(lhs, relation, rhs);

    public IReadOnlyList<Term> Lhs { get; } = lhs;
    public IReadOnlyList<Term> Rhs { get; } = rhs;
    public Relation Relation { get; } = relation;

    public override bool UsesLastYear => Lhs.Concat(Rhs).Any(t => t.LastYear);

    public override IEnumerable<Finding> Evaluate(CheckContext context, RuleInfo info, string hint)
    {
        if (UsesLastYear && context.LastYear is null) yield break;
        if (!context.Prints(Lhs) || !context.Prints(Rhs)) yield break;
        var (actual, expected, cells) = Terms.Sides(Lhs, Rhs, context);
        var precision = Comparison.PrecisionOf(context, UsesLastYear);
        var tolerance = Comparison.Tolerance(precision, cells);
        var target = Lhs[0];
        var where = Cells.Locate(context.Accounts[target.Table.Id], target.Row, target.ColumnKey);
        if (Comparison.Holds(Relation, actual, expected, tolerance))
        {
            if (Relation == Relation.Equal && RoundingTail.Of(where, _formula, expected, actual, tolerance, precision) is { } tail) yield return tail;
            yield break;
        }
        yield return new Finding(info.Id, info.Severity, info.Category, where, expected, actual, tolerance,
            Comparison.Message(where, _formula, Relation, expected, actual, tolerance, precision, hint));
    }
}
