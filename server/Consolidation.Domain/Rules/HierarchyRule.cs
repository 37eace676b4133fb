using Consolidation.Domain.Classification;
using Consolidation.Domain.Model;

namespace Consolidation.Domain.Rules;

/// <summary>
/// 类 = Σ 款 = Σ 项: every coded row that has children in the table equals the sum of its children, in every column.
/// A row listed without children is not checked (tables may stop at 类 or 款).
/// </summary>
public sealed class HierarchyRule(RuleInfo info, string tableId) : IRule
{
    public RuleInfo Info { get; } = info;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var accounts = context.Accounts;
        var table = accounts[tableId];
        var children = table.Rows
            .Where(r => Cells.Level(table.Layout, r.Code) >= 2)
            .GroupBy(r => Codes.Parent(r.Code))
            .ToDictionary(g => g.Key, g => g.ToList());
        foreach (var parent in table.Rows)
        {
            if (!children.TryGetValue(parent.Code, out var kids)) continue;
            var tolerance = Tolerance.ForIdentity(accounts.Precision, kids.Count + 1);
            var parentLevel = Codes.LevelName(Cells.Level(table.Layout, parent.Code));
            var childLevel = Codes.LevelName(Cells.Level(table.Layout, parent.Code) + 1);
            for (var c = 0; c < table.Layout.Columns.Count; c++)
            {
                var expected = kids.Sum(k => k.Values[c]);
                var actual = parent.Values[c];
                if (Math.Abs(actual - expected) <= tolerance) continue;
                var where = Cells.Locate(table, parent.Code, table.Layout.Columns[c].Key);
                var formula = $"{parentLevel} = Σ 其下各{childLevel}（{string.Join("、", kids.Select(k => k.Code))}）";
                yield return new Finding(Info.Id, Info.Severity, Info.Category, where, expected, actual, tolerance,
                    Cells.IdentityMessage(where, formula, expected, actual, tolerance, accounts.Precision,
                        $"请核对该{parentLevel}及其下各{childLevel}的金额，或补齐缺少的{childLevel}级科目。"));
            }
        }
    }
}
