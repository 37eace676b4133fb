using Consolidation.Domain.Model;

namespace Consolidation.Domain.Rules;

/// <summary>
/// An identity that holds across the columns of every row of a table, fixed and coded: Σ lhs columns = Σ rhs columns
/// (T2: 本年收入合计 = Σ 各来源; T8: 年初 + 本年收入 = 本年支出 + 年末). The finding points at the first lhs column.
/// </summary>
public sealed class RowIdentityRule(RuleInfo info, string tableId, string[] lhs, string[] rhs, string formula, string hint) : IRule
{
    public RuleInfo Info { get; } = info;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var accounts = context.Accounts;
        var table = accounts[tableId];
        var lhsIdx = lhs.Select(table.Layout.ColumnIndex).ToArray();
        var rhsIdx = rhs.Select(table.Layout.ColumnIndex).ToArray();
        var tolerance = Tolerance.ForIdentity(accounts.Precision, lhs.Length + rhs.Length);
        var rows = table.FixedRows.Select(kv => (kv.Key, kv.Value)).Concat(table.Rows.Select(r => (r.Code, r.Values)));
        foreach (var (key, values) in rows)
        {
            var actual = values[lhsIdx[0]];
            var expected = rhsIdx.Sum(i => values[i]) - lhsIdx.Skip(1).Sum(i => values[i]);
            if (Math.Abs(actual - expected) <= tolerance) continue;
            var where = Cells.Locate(table, key, lhs[0]);
            yield return new Finding(Info.Id, Info.Severity, Info.Category, where, expected, actual, tolerance,
                Cells.IdentityMessage(where, formula, expected, actual, tolerance, accounts.Precision, hint));
        }
    }
}
