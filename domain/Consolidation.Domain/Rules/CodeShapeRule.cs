using Consolidation.Domain.Classification;
using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;

namespace Consolidation.Domain.Rules;

/// <summary>强制性: a row code of the wrong shape for its table (功能分类 类/款/项 = 3/5/7 digits, T1 and T4 类 only; 经济分类 3/5).</summary>
public sealed class CodeShapeRule : IRule
{
    public static RuleInfo Rule { get; } = RuleInfo.Mandatory("DM-01", RuleCategory.Codes, "行编码格式：功能分类 3/5/7 位（T1、T4 仅类级 3 位），经济分类 3/5 位");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var accounts = context.Accounts;
        foreach (var table in accounts.Tables.Values.Where(t => t.Layout.HasCodedRows))
        {
            var (ok, shape) = table.Layout.Keying switch
            {
                RowKeying.FunctionClass => ((Func<string, bool>)(c => c.Length == 3), "3 位功能分类类级编码"),
                RowKeying.Function => (c => c.Length is 3 or 5 or 7, "3/5/7 位功能分类编码（类/款/项）"),
                _ => (c => c.Length is 3 or 5, "3/5 位经济分类编码（类/款）"),
            };
            foreach (var row in table.Rows)
            {
                if (Codes.IsDigits(row.Code) && ok(row.Code)) continue;
                var where = CatalogueRows.Locate(table, row);
                yield return new Finding(Info.Id, Info.Severity, Info.Category, where, 0, 0, 0,
                    $"{where.Display}：编码“{row.Code}”格式不对，本表应为{shape}。请按《政府收支分类科目》填写编码。");
            }
        }
    }
}
