using Consolidation.Domain.Classification;
using Consolidation.Domain.Layouts;

namespace Consolidation.Domain.Rules;

/// <summary>
/// 提示性: a 款 or 项 code that the classification catalogue does not list. The catalogue is partial, so this is a
/// question, not an error. Reported once per code, at the first table that lists it.
/// </summary>
public sealed class UncataloguedCodeRule(ClassificationCatalogue catalogue) : IRule
{
    public static RuleInfo Rule { get; } = RuleInfo.Advisory("DM-03", RuleCategory.Codes, "款、项级编码不在分类科目目录中（目录不全，须核实）");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (table, row, entry) in CatalogueRows.Of(context.Accounts, catalogue))
        {
            if (entry is not null || row.Code.Length == 3) continue;
            var economic = table.Layout.Keying == RowKeying.Economic;
            if (!seen.Add((economic ? "E" : "F") + row.Code)) continue;
            var where = CatalogueRows.Locate(table, row);
            var level = Codes.LevelName(Cells.Level(table.Layout, row.Code));
            yield return new Finding(Info.Id, Info.Severity, Info.Category, where, 0, 0, 0,
                $"{where.Display}：{level}级编码“{row.Code}”（{row.Name}）不在{(economic ? "部门预算支出经济分类" : "支出功能分类")}科目目录中。" +
                "请核对编码；" + Finding.ExplanationAdvice(Info.Id, where, "如为目录未收录的有效科目"));
        }
    }
}
