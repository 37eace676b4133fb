using Consolidation.Domain.Classification;
using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;

namespace Consolidation.Domain.Rules;

/// <summary>Names of rows and columns for findings, and the common message shape of a failed identity.</summary>
internal static class Cells
{
    public static CellLocation Locate(Table table, string rowKey, string columnKey)
    {
        var layout = table.Layout;
        var fixedRow = layout.FindFixedRow(rowKey);
        string rowName;
        if (fixedRow is not null) rowName = fixedRow.Name;
        else
        {
            var row = table.Rows.FirstOrDefault(r => r.Code == rowKey);
            rowName = row is null ? rowKey : $"{row.Code} {row.Name}";
        }
        return new CellLocation(layout.Id, rowKey, columnKey, layout.Name, rowName, layout.ColumnName(columnKey));
    }

    /// <summary>
    /// "按「本年收入合计 = 各项收入之和」应为 886.82 万元，实为 886.83 万元，相差 0.01 万元，超出允许的尾差 0.04 万元。"
    /// </summary>
    public static string IdentityMessage(CellLocation where, string formula, long expected, long actual, long tolerance, AmountPrecision precision, string hint)
    {
        var unit = Money.UnitName(precision);
        var tol = tolerance == 0 ? "数据以元为单位，应完全相等" : $"超出允许的尾差 {Tolerance.Format(tolerance, precision)} {unit}";
        return $"{where.Display}：按「{formula}」应为 {Money.Format(expected, precision)} {unit}，实为 {Money.Format(actual, precision)} {unit}，" +
               $"相差 {Money.Format(actual - expected, precision)} {unit}，{tol}。{hint}";
    }

    public static int Level(TableLayout layout, string code) =>
        !Codes.IsDigits(code) ? 0 : layout.Keying == RowKeying.Economic ? Codes.EconomicLevel(code) : Codes.FunctionLevel(code);
}
