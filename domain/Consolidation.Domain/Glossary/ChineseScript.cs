namespace Consolidation.Domain.Glossary;

/// <summary>
/// 繁体 → 简体 for the characters of this domain's terms. No conversion library is served to this project (NuGet has no
/// OpenCC or similar package here), so this is a small table: the traditional form of every character that occurs in a
/// term name, alias or classification name of the glossary that has one, plus a few words people type next to them
/// (部門, 決算, 報送, 審核, 匯總 …). A character not in the table is left as it is. See docs/glossary.md.
/// </summary>
public static class ChineseScript
{
    // Pairs: traditional, simplified.
    private const string Pairs =
        "與与專专業业個个鄉乡產产夥伙會会傳传體体餘余債债儲储關关養养農农務务勞劳勵励區区醫医單单衛卫廳厅" +
        "發发髮发員员國国備备獎奖學学對对應应託托撫抚護护無无術术機机條条構构氣气濟济遊游災灾環环療疗電电" +
        "礎础離离積积稅税築筑糧粮經经結结絡络績绩續续維维繳缴網网職职節节營营補补裝装訓训議议設设詢询財财" +
        "購购買买賣卖貼贴貿贸費费賃赁資资車车轉转軟软輸输運运還还郵邮採采險险陳陈項项預预類类辦办撥拨門门決决報报" +
        "審审匯汇彙汇總总開开監监檢检計计統统紀纪組组織织戰战黨党團团檔档質质驗验導导價价處处實实據据" +
        "變变優优協协聯联廣广興兴歸归複复雜杂邊边遠远崗岗級级軍军隊队銜衔";

    private static readonly Dictionary<char, char> Map = BuildMap();

    private static Dictionary<char, char> BuildMap()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i + 1 < Pairs.Length; i += 2) map[Pairs[i]] = Pairs[i + 1];
        return map;
    }

    /// <summary>The simplified form of a character when the table has one, else the character itself.</summary>
    public static char ToSimplified(char ch) => Map.TryGetValue(ch, out var simplified) ? simplified : ch;

    /// <summary>Every traditional character the table knows.</summary>
    public static IEnumerable<char> TraditionalCharacters => Map.Keys;
}
