using Consolidation.Domain.Model;

namespace Consolidation.Domain.Rules;

/// <summary>Where a finding on the 补充资料 points: pseudo-table "S" with the figure's key.</summary>
internal static class Supplementary
{
    public const string TableId = "S";

    public static CellLocation Locate(string key, string name, string column = "amount", string columnName = "金额") =>
        new(TableId, key, column, "补充资料", name, columnName);
}
