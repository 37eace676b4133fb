using Consolidation.Domain.Model;

namespace Consolidation.Domain.Rules;

/// <summary>A term of a cell identity: one row (fixed key or code; absent counts as 0) or the sum of all 类 rows.</summary>
public abstract record RowTerm
{
    public sealed record Row(string Key) : RowTerm;
    public sealed record Classes : RowTerm;

    public static RowTerm Of(string key) => new Row(key);
    public static readonly RowTerm AllClasses = new Classes();
}

/// <summary>
/// An identity between rows, checked in each of the given columns (all when none are given):
/// Σ lhs rows = Σ rhs rows (T1: 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余; T5: 合计 = Σ 类).
/// The finding points at the first lhs row.
/// </summary>
public sealed class CellIdentityRule(RuleInfo info, string tableId, RowTerm[] lhs, RowTerm[] rhs, string formula, string hint, string[]? columns = null) : IRule
{
    public RuleInfo Info { get; } = info;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var accounts = context.Accounts;
        var table = accounts[tableId];
        var target = lhs[0] is RowTerm.Row r ? r.Key : throw new InvalidOperationException($"{Info.Id}: the first lhs term must be a row");
        var classRows = Cells.AtLevel(table, 1).ToList();
        var terms = lhs.Concat(rhs).Sum(t => t is RowTerm.Classes ? Math.Max(classRows.Count, 1) : 1);
        var tolerance = Tolerance.ForIdentity(accounts.Precision, terms);
        foreach (var column in columns ?? table.Layout.Columns.Select(c => c.Key).ToArray())
        {
            var c = table.Layout.ColumnIndex(column);
            long Value(RowTerm t) => t switch
            {
                RowTerm.Row row => table.FindRow(row.Key)?[c] ?? 0,
                _ => classRows.Sum(x => x.Values[c]),
            };
            var actual = Value(lhs[0]);
            var expected = rhs.Sum(Value) - lhs.Skip(1).Sum(Value);
            if (Math.Abs(actual - expected) <= tolerance) continue;
            var where = Cells.Locate(table, target, column);
            yield return new Finding(Info.Id, Info.Severity, Info.Category, where, expected, actual, tolerance,
                Cells.IdentityMessage(where, formula, expected, actual, tolerance, accounts.Precision, hint));
        }
    }
}
