using Consolidation.Domain.Classification;

namespace Consolidation.Domain.Rules.Formulas;

/// <summary>
/// <c>hierarchy(T2)</c>: 类 = Σ 款 = Σ 项 — every coded row that has children in the table equals the sum of its
/// children, in every column. A row listed without children is not checked (tables may stop at 类 or 款).
/// </summary>
public sealed class HierarchyCheck(string source, string tableId) : FormulaCheck(source)
{
    public string TableId { get; } = tableId;

    public override IEnumerable<Finding> Evaluate(CheckContext context, RuleInfo info, string hint)
    {
        var accounts = context.Accounts;
        var table = accounts[TableId];
        if (table.Rows.Count < 2) return [];
        var layout = table.Layout;
        Dictionary<string, List<Model.TableRow>>? children = null;
        foreach (var row in table.Rows)
        {
            if (Cells.Level(layout, row.Code) < 2) continue;
            children ??= new Dictionary<string, List<Model.TableRow>>(StringComparer.Ordinal);
            var parent = Codes.Parent(row.Code);
            if (!children.TryGetValue(parent, out var list)) children[parent] = list = [];
            list.Add(row);
        }
        if (children is null) return [];
        var findings = new List<Finding>();
        var columns = layout.Columns.Count;
        var printed = new bool[columns];
        for (var c = 0; c < columns; c++) printed[c] = context.Template.Prints(TableId, "*", layout.Columns[c].Key);
        foreach (var parent in table.Rows)
        {
            if (!children.TryGetValue(parent.Code, out var kids)) continue;
            string? formula = null; // said only when a column does not add up exactly (a tail or a finding)
            for (var c = 0; c < columns; c++)
            {
                if (!printed[c]) continue;
                var expected = 0L;
                var cells = parent.Values[c] != 0 ? 1 : 0;
                var zeros = parent.Values[c] == 0;
                foreach (var k in kids)
                {
                    expected += k.Values[c];
                    if (k.Values[c] != 0) cells++;
                    else zeros = true;
                }
                var actual = parent.Values[c];
                if (actual == expected) continue;
                var tolerance = Tolerance.ForIdentity(accounts.Precision, Tolerance.Cells(cells, zeros));
                var level = Cells.Level(layout, parent.Code);
                var (parentLevel, childLevel) = (Codes.LevelName(level), Codes.LevelName(level + 1));
                formula ??= $"{parentLevel} = Σ 其下各{childLevel}（{string.Join("、", kids.Select(k => k.Code))}）";
                var where = Cells.Locate(table, parent.Code, layout.Columns[c].Key);
                if (Math.Abs(actual - expected) <= tolerance)
                {
                    if (RoundingTail.Of(where, formula, expected, actual, tolerance, accounts.Precision) is { } tail) findings.Add(tail);
                    continue;
                }
                findings.Add(new Finding(info.Id, info.Severity, info.Category, where, expected, actual, tolerance,
                    Cells.IdentityMessage(where, formula, expected, actual, tolerance, accounts.Precision,
                        $"请核对该{parentLevel}及其下各{childLevel}的金额，或补齐缺少的{childLevel}级科目。")));
            }
        }
        return findings;
    }
}
