using System.Text.RegularExpressions;
using Consolidation.Domain.Model;

namespace Consolidation.Domain.Rules;

/// <summary>
/// 提示性 (文字与数据): the narrative's paragraph for a 项 whose 年初预算数 in T5 is 0 states a completion rate
/// (“完成年初预算的…%”) — a rate of a zero budget cannot be computed (the seed's own note 2 says so). The paragraph
/// is the numbered item of 第三部分 五(三) that names the 项 (“…（款）名称（项）”).
/// </summary>
public sealed partial class ZeroBudgetRateRule(RuleInfo info) : IRule
{
    public RuleInfo Info { get; } = info;

    [GeneratedRegex(@"^\s*\d+[、.．]")]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"^\s*([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")]
    private static partial Regex Section();

    [GeneratedRegex(@"([^（）。，；\s]+)（项）")]
    private static partial Regex ItemName();

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var a = context.Accounts;
        if (!a.Narrative.Contains("完成年初预算的", StringComparison.Ordinal)) yield break;
        var t5 = a["T5"];
        var budget = t5.Layout.ColumnIndex("budget");
        var total = t5.Layout.ColumnIndex("total");
        var zeroBudgetItems = t5.Rows.Where(r => Cells.Level(t5.Layout, r.Code) == 3 && r.Values[budget] == 0).ToList();
        if (zeroBudgetItems.Count == 0) yield break;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paragraph in Paragraphs(a.Narrative))
        {
            if (!paragraph.Contains("完成年初预算的", StringComparison.Ordinal)) continue;
            var name = ItemName().Match(paragraph);
            if (!name.Success) continue;
            var normalized = CatalogueRows.Normalize(name.Groups[1].Value);
            foreach (var row in zeroBudgetItems.Where(r => CatalogueRows.Normalize(r.Name) == normalized && reported.Add(r.Code)))
            {
                var where = Cells.Locate(t5, row.Code, "budget");
                yield return new Finding(Info.Id, Info.Severity, Info.Category, where, 0, row.Values[total], 0,
                    $"{where.Display}：年初预算数为 0，情况说明中该项却写有“完成年初预算的…%”——预算为 0 时无法计算完成率。" +
                    $"请删去该完成率，或核对年初预算数；如属实，请附出错说明（规则 {Info.Id}，位置 {where.Text}）。");
            }
        }
    }

    /// <summary>The numbered items of the narrative: from “N、” up to the next numbered item or section heading.</summary>
    private static IEnumerable<string> Paragraphs(string narrative)
    {
        string? current = null;
        foreach (var line in narrative.Split('\n'))
        {
            if (NumberedItem().IsMatch(line))
            {
                if (current is not null) yield return current;
                current = line;
            }
            else if (Section().IsMatch(line))
            {
                if (current is not null) yield return current;
                current = null;
            }
            else if (current is not null) current += "\n" + line;
        }
        if (current is not null) yield return current;
    }
}
