using Consolidation.Domain.Model;

namespace Consolidation.Domain.Rules;

/// <summary>提示性: an actual (决算数) above its budget (预算数) on a line of T7 (三公经费).</summary>
public sealed class BudgetExceededRule : IRule
{
    private const string tableId = "T7";

    public static RuleInfo Rule { get; } = RuleInfo.Advisory("TS-T7-01", RuleCategory.WithinTable, "T7 “三公”经费决算数超过预算数", "0");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var accounts = context.Accounts;
        var table = accounts[tableId];
        var budget = table.Layout.ColumnIndex("budget");
        var actualIdx = table.Layout.ColumnIndex("actual");
        foreach (var row in table.Layout.FixedRows)
        {
            var values = table.FixedRows[row.Key];
            if (values[actualIdx] <= values[budget]) continue;
            var where = Cells.Locate(table, row.Key, "actual");
            var unit = Money.UnitName(accounts.Precision);
            var message = $"{where.Display}：决算数 {Money.Format(values[actualIdx], accounts.Precision)} {unit} 超过预算数 " +
                          $"{Money.Format(values[budget], accounts.Precision)} {unit}，超出 {Money.Format(values[actualIdx] - values[budget], accounts.Precision)} {unit}。" +
                          "请核实；" + Finding.ExplanationAdvice(Info.Id, where);
            yield return new Finding(Info.Id, Info.Severity, Info.Category, where, values[budget], values[actualIdx], 0, message) { Quantity = FindingQuantity.BudgetMoney };
        }
    }
}
