using Consolidation.Domain.Classification;

namespace Consolidation.Domain.Rules;

/// <summary>
/// 提示性: a row whose name differs from the catalogue's name for its code (full- and half-width brackets and spaces
/// are not differences). Reported once per code and name.
/// </summary>
public sealed class CatalogueNameRule(ClassificationCatalogue catalogue) : IRule
{
    public static RuleInfo Rule { get; } = RuleInfo.Advisory("DM-04", RuleCategory.Codes, "科目名称与分类科目目录中该编码的名称不符（全角、半角括号视为相同）");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (table, row, entry) in CatalogueRows.Of(context.Accounts, catalogue))
        {
            if (entry is null || row.Name == entry.Name || CatalogueRows.Normalize(row.Name) == CatalogueRows.Normalize(entry.Name)) continue;
            if (!seen.Add(row.Code + "\u0001" + row.Name)) continue;
            var where = CatalogueRows.Locate(table, row);
            yield return new Finding(Info.Id, Info.Severity, Info.Category, where, 0, 0, 0,
                $"{where.Display}：编码 {row.Code} 的科目名称应为“{entry.Name}”，填报为“{row.Name}”。" +
                "请按科目目录改正名称；" + Finding.ExplanationAdvice(Info.Id, where, "如名称无误"));
        }
    }
}
