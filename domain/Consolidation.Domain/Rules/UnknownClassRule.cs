using Consolidation.Domain.Classification;
using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;

namespace Consolidation.Domain.Rules;

/// <summary>强制性: a row whose 类 (first three digits) is not a 类 of its classification catalogue.</summary>
public sealed class UnknownClassRule(ClassificationCatalogue catalogue) : IRule
{
    public static RuleInfo Rule { get; } = RuleInfo.Mandatory("DM-02", RuleCategory.Codes, "类级编码须在分类科目中");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var accounts = context.Accounts;
        foreach (var table in accounts.Tables.Values.Where(t => t.Layout.HasCodedRows))
        {
            var economic = table.Layout.Keying == RowKeying.Economic;
            foreach (var row in table.Rows)
            {
                if (row.Code.Length < 3 || !Codes.IsDigits(row.Code)) continue;
                var known = economic ? catalogue.Economic(row.Code.AsSpan(0, 3)) : catalogue.Function(row.Code.AsSpan(0, 3));
                if (known is not null) continue;
                var classCode = row.Code[..3];
                var where = CatalogueRows.Locate(table, row);
                var kind = economic ? "部门预算支出经济分类" : "支出功能分类";
                yield return new Finding(Info.Id, Info.Severity, Info.Category, where, 0, 0, 0,
                    $"{where.Display}：类级编码“{classCode}”不在{kind}科目中。请核对编码。");
            }
        }
    }
}
