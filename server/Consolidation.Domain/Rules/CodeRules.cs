using Consolidation.Domain.Classification;
using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;

namespace Consolidation.Domain.Rules;

/// <summary>强制性: a row code of the wrong shape for its table (功能分类 类/款/项 = 3/5/7 digits, T1 and T4 类 only; 经济分类 3/5).</summary>
public sealed class CodeShapeRule(RuleInfo info) : IRule
{
    public RuleInfo Info { get; } = info;

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
                var where = new CellLocation(table.Id, row.Code, "code", table.Layout.Name, $"{row.Code} {row.Name}", "编码");
                yield return new Finding(Info.Id, Info.Severity, Info.Category, where, 0, 0, 0,
                    $"{where.Display}：编码“{row.Code}”格式不对，本表应为{shape}。请按《政府收支分类科目》填写编码。");
            }
        }
    }
}

/// <summary>强制性: a row whose 类 (first three digits) is not a 类 of its classification catalogue.</summary>
public sealed class UnknownClassRule(RuleInfo info, ClassificationCatalogue catalogue) : IRule
{
    public RuleInfo Info { get; } = info;

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
                var where = new CellLocation(table.Id, row.Code, "code", table.Layout.Name, $"{row.Code} {row.Name}", "编码");
                var kind = economic ? "部门预算支出经济分类" : "支出功能分类";
                yield return new Finding(Info.Id, Info.Severity, Info.Category, where, 0, 0, 0,
                    $"{where.Display}：类级编码“{classCode}”不在{kind}科目中。请核对编码。");
            }
        }
    }
}
