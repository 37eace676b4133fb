using Consolidation.Domain.Model;

namespace Consolidation.Domain.Rules.Formulas;

/// <summary>
/// One <c>check</c> line of an identities file, compiled: evaluates against a <see cref="CheckContext"/> and yields a
/// finding per failed cell. <see cref="Source"/> is the line as the file states it.
/// </summary>
public abstract class FormulaCheck(string source)
{
    public string Source { get; } = source;

    /// <summary>Whether the check reads last year's accounts (<c>last.</c>): it is skipped when they are not on file.</summary>
    public virtual bool UsesLastYear => false;

    public abstract IEnumerable<Finding> Evaluate(CheckContext context, RuleInfo info, string hint);
}

/// <summary>What an equality or inequality of two sides does with its numbers: compare within the tolerance, and say so.</summary>
internal static class Comparison
{
    public static bool Holds(Relation relation, long actual, long expected, long tolerance) => relation switch
    {
        Relation.Equal => Math.Abs(actual - expected) <= tolerance,
        Relation.AtMost => actual - expected <= tolerance,
        _ => expected - actual <= tolerance,
    };

    public static string Symbol(Relation relation) => relation switch { Relation.Equal => "=", Relation.AtMost => "≤", _ => "≥" };

    /// <summary>The tolerance of an identity over <paramref name="cells"/> printed cells in <paramref name="precision"/>.</summary>
    public static long Tolerance(AmountPrecision precision, int cells) => Rules.Tolerance.ForIdentity(precision, cells);

    /// <summary>The coarser of this year's and last year's precision: a comparison with rounded data must allow for it.</summary>
    public static AmountPrecision PrecisionOf(CheckContext context, bool usesLastYear) =>
        usesLastYear && context.LastYear is { Precision: AmountPrecision.WanYuan2 } ? AmountPrecision.WanYuan2 : context.Accounts.Precision;

    public static string Message(CellLocation where, string formula, Relation relation, long expected, long actual, long tolerance,
        AmountPrecision precision, string hint)
    {
        if (relation == Relation.Equal) return Cells.IdentityMessage(where, formula, expected, actual, tolerance, precision, hint);
        var unit = Money.UnitName(precision);
        var tol = tolerance == 0 ? "数据以元为单位，不允许尾差" : $"已计入允许的尾差 {Rules.Tolerance.Format(tolerance, precision)} {unit}";
        var (bound, excess) = relation == Relation.AtMost ? ("应不超过", "超出") : ("应不少于", "少");
        return $"{where.Display}：按「{formula}」{bound} {Money.Format(expected, precision)} {unit}，实为 {Money.Format(actual, precision)} {unit}，" +
               $"{excess} {Money.Format(Math.Abs(actual - expected), precision)} {unit}（{tol}）。{hint}";
    }
}

/// <summary>Reads the value of a term: from this year's or last year's accounts, one cell, a 类 sum, or the row in scope.</summary>
internal static class Terms
{
    public static long Value(Term term, CheckContext context, string? scopedRow = null)
    {
        var index = context.Index(term.TableOrdinal, term.LastYear);
        var value = term.Kind switch
        {
            TermKind.Classes => index.ClassSum(term.Column),
            TermKind.ScopedRow => index.Value(scopedRow!, term.Column),
            _ => term.FixedPosition >= 0 ? index.FixedValue(term.FixedPosition, term.Column) : index.Value(term.Row, term.Column),
        };
        return term.Sign * value;
    }

    /// <summary>
    /// How many printed cells a term adds up that are not 0: a 类 sum counts each of its 类 rows; <paramref name="zeros"/>
    /// is set when some cell of it is printed 0.00. The zero cells of an identity together widen its tolerance by one half
    /// unit at most (<see cref="Tolerance.Cells"/>): many empty rows must not hide a gap.
    /// </summary>
    public static int Cells(Term term, CheckContext context, ref bool zeros, string? scopedRow = null)
    {
        var index = context.Index(term.TableOrdinal, term.LastYear);
        if (term.Kind != TermKind.Classes)
        {
            if (Value(term, context, scopedRow) != 0) return 1;
            zeros = true;
            return 0;
        }
        var n = 0;
        foreach (var row in index.Classes)
            if (row.Values[term.Column] != 0) n++;
            else zeros = true;
        return n;
    }

    /// <summary>actual = the first left-hand term; expected = Σ right − Σ the other left-hand terms.</summary>
    public static (long Actual, long Expected, int Cells) Sides(IReadOnlyList<Term> lhs, IReadOnlyList<Term> rhs, CheckContext context, string? scopedRow = null)
    {
        var actual = Value(lhs[0], context, scopedRow);
        var expected = 0L;
        var zeros = false;
        var cells = Cells(lhs[0], context, ref zeros, scopedRow);
        foreach (var t in rhs) { expected += Value(t, context, scopedRow); cells += Cells(t, context, ref zeros, scopedRow); }
        for (var i = 1; i < lhs.Count; i++) { expected -= Value(lhs[i], context, scopedRow); cells += Cells(lhs[i], context, ref zeros, scopedRow); }
        return (actual, expected, Tolerance.Cells(cells, zeros));
    }

    /// <summary>The formula as a clerk reads it: 「本年收入合计」 = 「财政拨款收入」 + …, with table IDs when it spans tables.</summary>
    public static string Describe(IReadOnlyList<Term> lhs, Relation relation, IReadOnlyList<Term> rhs)
    {
        var withTable = lhs.Concat(rhs).Select(t => t.Table.Id).Distinct().Count() > 1;
        return $"{Describe(lhs, withTable)} {Comparison.Symbol(relation)} {Describe(rhs, withTable)}";
    }

    /// <summary>One side of a formula as a clerk reads it: 「一般公共预算财政拨款收入」 + 「政府性基金预算财政拨款收入」 ….</summary>
    public static string Describe(IReadOnlyList<Term> side, bool withTable) => string.Concat(side.Select((t, i) =>
        (i == 0 ? (t.Sign < 0 ? "−" : "") : t.Sign < 0 ? " − " : " + ") + t.Describe(withTable)));
}
