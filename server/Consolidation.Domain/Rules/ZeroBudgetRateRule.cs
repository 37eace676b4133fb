using Consolidation.Domain.Model;

namespace Consolidation.Domain.Rules;

/// <summary>
/// 提示性 (文字与数据): the narrative's paragraph for a 项 whose 年初预算数 in T5 is 0 states a completion rate
/// (“完成年初预算的…%”) — a rate of a zero budget cannot be computed (the seed's own note 2 says so). The paragraph is
/// the numbered item of 第三部分 五(三) that names the 项 (“…（款）名称（项）”): each stated rate belongs to the last
/// “（项）” heading before it, unless a new numbered item or section starts in between.
/// </summary>
public sealed class ZeroBudgetRateRule(RuleInfo info) : IRule
{
    private const string Rate = "完成年初预算的";
    private const string Item = "（项）";

    public RuleInfo Info { get; } = info;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var a = context.Accounts;
        var narrative = a.Narrative;
        var at = narrative.IndexOf(Rate, StringComparison.Ordinal);
        if (at < 0) yield break;
        var t5 = a["T5"];
        var budget = t5.Layout.ColumnIndex("budget");
        var total = t5.Layout.ColumnIndex("total");
        List<TableRow>? zeroBudgetItems = null;
        foreach (var r in t5.Rows)
            if (r.Values[budget] == 0 && Cells.Level(t5.Layout, r.Code) == 3) (zeroBudgetItems ??= []).Add(r);
        if (zeroBudgetItems is null) yield break;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (; at >= 0; at = narrative.IndexOf(Rate, at + Rate.Length, StringComparison.Ordinal))
        {
            var name = ItemBefore(narrative, at);
            if (name is null) continue;
            var normalized = CatalogueRows.Normalize(name);
            foreach (var row in zeroBudgetItems)
            {
                if (CatalogueRows.Normalize(row.Name) != normalized || !reported.Add(row.Code)) continue;
                var where = Cells.Locate(t5, row.Code, "budget");
                yield return new Finding(Info.Id, Info.Severity, Info.Category, where, 0, row.Values[total], 0,
                    $"{where.Display}：年初预算数为 0，情况说明中该项却写有“完成年初预算的…%”——预算为 0 时无法计算完成率。" +
                    $"请删去该完成率，或核对年初预算数；如属实，请附出错说明（规则 {Info.Id}，位置 {where.Text}）。");
            }
        }
    }

    /// <summary>The 项 name of the “名称（项）” heading the text at <paramref name="at"/> belongs to, or null.</summary>
    private static string? ItemBefore(string narrative, int at)
    {
        var heading = narrative.LastIndexOf(Item, at, StringComparison.Ordinal);
        if (heading < 0) return null;
        // A line that starts a new numbered item (“2、”) or section (“六、”, “（三）”) between heading and rate: not its item.
        var headingLineEnd = narrative.IndexOf('\n', heading);
        for (var nl = headingLineEnd; nl >= 0 && nl < at; nl = narrative.IndexOf('\n', nl + 1))
            if (StartsItemOrSection(narrative, nl + 1)) return null;
        var start = heading;
        while (start > 0 && narrative[start - 1] is not ('）' or '。' or '，' or '；' or '、' or '\n' or ' ' or '（')) start--;
        return start < heading ? narrative[start..heading] : null;
    }

    private static bool StartsItemOrSection(string s, int i)
    {
        while (i < s.Length && s[i] is ' ' or '\u3000' or '\t') i++;
        if (i < s.Length && s[i] == '（') return true;
        var j = i;
        while (j < s.Length && (char.IsAsciiDigit(s[j]) || "一二三四五六七八九十".Contains(s[j]))) j++;
        return j > i && j < s.Length && s[j] is '、' or '.' or '．';
    }
}
