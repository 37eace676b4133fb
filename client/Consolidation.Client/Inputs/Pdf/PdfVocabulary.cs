using System.Text.RegularExpressions;

namespace Consolidation.Client.Inputs.Pdf;

/// <summary>
/// The printed words of the nine tables that the PDF reader recognises: titles, column headers and fixed-row labels, with
/// the variants regions print (docs/documents.md). Matching is on the words without spaces, brackets and quotes
/// (<see cref="Key"/>), so “三公” and "三公", （境） and (境) read alike.
/// </summary>
public static partial class PdfVocabulary
{
    /// <summary>Titles, most specific first (财政拨款收入支出决算总表 before 收入支出决算总表).</summary>
    public static readonly IReadOnlyList<(string Table, Regex Title)> Titles =
    [
        ("T4", new Regex("财政拨款收入支出决算总表$")),
        ("T1", new Regex("收入支出决算总表$")),
        ("T6", new Regex("一般公共预算财政拨款基本支出决算(明细)?表$")),
        ("T5", new Regex("一般公共预算财政拨款(收入)?支出决算(明细)?表$")),
        ("T7", new Regex("三公经费(支出)?(预)?决算(统计)?表$")),
        ("T8", new Regex("政府性基金预算财政拨款(收入)?支出决算表$")),
        ("T9", new Regex("国有资本经营预算财政拨款(收入)?支出决算表$")),
        ("T2", new Regex("收入决算表$")),
        ("T3", new Regex("支出决算表$")),
    ];

    /// <summary>The table a line names as its title, or null. A title line is short: at most a numbering or 表N before it.</summary>
    public static string? TitleOf(string compactLine)
    {
        var key = Key(compactLine);
        if (key.Contains("情况说明") || key.Length > 40) return null;
        foreach (var (table, title) in Titles)
        {
            var m = title.Match(key);
            if (m.Success && m.Index <= 8) return table;
        }
        return null;
    }

    /// <summary>Words of the label columns' headers (项目, 科目编码, 科目名称, …): they are not amount columns.</summary>
    public static bool IsLabelHeader(string word) => IsLabelHeaderWord(Key(word))
        || Key(word) is { Length: > 0 } k && LabelHeaderNames.Any(n => n.Contains(k, StringComparison.Ordinal) && k != "支出" && k != "收入");

    /// <summary>The label headers a narrow column wraps (经济分类科目编 | 码): a part of one is a label header too.</summary>
    private static readonly string[] LabelHeaderNames = ["支出功能分类科目编码", "经济分类科目编码", "功能分类科目名称", "经济分类科目名称", "科目名称"];

    private static bool IsLabelHeaderWord(string key) => key is "项目" or "科目编码" or "科目名称" or "功能分类" or "经济分类"
        or "功能分类科目编码" or "经济分类科目编码" or "支出功能分类科目编码" or "收入" or "支出" or "编码" or "名称" or "类" or "款" or "项"
        or "功能分类科目" or "经济分类科目" or "科目" or "行次" or "栏次";

    private static readonly IReadOnlyList<(string, string)> FundColumns =
    [
        ("年初结转和结余", "openingBalance"), ("本年收入", "income"), ("本年支出合计", "expenditureTotal"), ("本年支出", "expenditureTotal"),
        ("基本支出", "basic"), ("项目支出", "project"), ("年末结转和结余", "closingBalance"),
    ];

    /// <summary>Printed column header (all its header words above it, top to bottom) → column key, per table.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<(string Name, string Key)>> Columns = new Dictionary<string, IReadOnlyList<(string, string)>>
    {
        ["T1"] = [("决算数", "amount"), ("金额", "amount"), ("年度决算数", "amount")],
        ["T2"] = [("本年收入合计", "total"), ("合计", "total"), ("财政拨款收入", "fiscal"), ("财政拨款", "fiscal"), ("上级补助收入", "superiorSubsidy"),
                  ("事业收入", "business"), ("经营收入", "operating"), ("附属单位上缴收入", "subsidiaryRemittance"), ("其他收入", "other")],
        ["T3"] = [("本年支出合计", "total"), ("合计", "total"), ("基本支出", "basic"), ("项目支出", "project"), ("上缴上级支出", "remittanceToSuperior"),
                  ("经营支出", "operating"), ("对附属单位补助支出", "subsidyToSubsidiaries")],
        ["T4"] = [("决算数", "total"), ("合计", "total"), ("小计", "total"), ("一般公共预算财政拨款", "generalBudget"), ("一般公共预算", "generalBudget"),
                  ("政府性基金预算财政拨款", "governmentFund"), ("政府性基金预算", "governmentFund"),
                  ("国有资本经营预算财政拨款", "stateCapital"), ("国有资本经营预算", "stateCapital")],
        ["T5"] = [("年初预算数", "budget"), ("预算数", "budget"), ("决算数合计", "total"), ("合计", "total"), ("小计", "total"), ("基本支出", "basic"), ("项目支出", "project")],
        ["T6"] = [("决算数", "amount"), ("金额", "amount")],
        ["T7"] = [("预算数", "budget"), ("决算数", "actual")],
        ["T8"] = FundColumns,
        ["T9"] = FundColumns,
    };

    /// <summary>T7's items, read from the headers above each 预算数/决算数 pair (or from the row labels where T7 is printed downwards).</summary>
    public static readonly IReadOnlyList<(string Name, string Key)> ThreePublicItems =
    [
        ("合计", "total"), ("因公出国境费", "outboundTravel"), ("公务用车购置及运行维护费", "vehicles"), ("公务用车购置费", "vehiclePurchase"),
        ("公务用车运行维护费", "vehicleOperation"), ("公务接待费", "reception"), ("购置费", "vehiclePurchase"), ("运行维护费", "vehicleOperation"),
        ("小计", "vehicles"),   // the one group of T7 with items under it: 公务用车购置及运行维护费
    ];

    /// <summary>Fixed-row labels per table and side (0: the left or only side; 1: the right side of a two-sided table).</summary>
    public static IReadOnlyList<(string Name, string Key)> FixedRows(string table, int side) => (table, side) switch
    {
        ("T1", 0) =>
        [
            ("一般公共预算财政拨款收入", "generalBudgetAppropriation"), ("一般公共预算财政拨款", "generalBudgetAppropriation"),
            ("政府性基金预算财政拨款收入", "governmentFundAppropriation"), ("政府性基金预算财政拨款", "governmentFundAppropriation"),
            ("国有资本经营预算财政拨款收入", "stateCapitalAppropriation"), ("国有资本经营预算财政拨款", "stateCapitalAppropriation"),
            ("上级补助收入", "superiorSubsidy"), ("事业收入", "businessIncome"), ("经营收入", "operatingIncome"),
            ("附属单位上缴收入", "subsidiaryRemittance"), ("其他收入", "otherIncome"), ("本年收入合计", "incomeTotal"),
            ("使用非财政拨款结余含专用结余", "nonFiscalBalanceUsed"), ("使用非财政拨款结余", "nonFiscalBalanceUsed"),
            ("年初结转和结余", "openingBalance"), ("总计", "incomeGrandTotal"), ("收入总计", "incomeGrandTotal"),
        ],
        ("T1", 1) =>
        [
            ("本年支出合计", "expenditureTotal"), ("结余分配", "surplusDistribution"), ("年末结转和结余", "closingBalance"),
            ("总计", "expenditureGrandTotal"), ("支出总计", "expenditureGrandTotal"),
        ],
        ("T4", 0) =>
        [
            ("本年收入合计", "incomeCurrent"), ("年初财政拨款结转和结余", "incomeOpening"), ("总计", "incomeGrandTotal"), ("收入总计", "incomeGrandTotal"),
        ],
        ("T4", 1) =>
        [
            ("本年支出合计", "expenditureTotal"), ("年末财政拨款结转和结余", "closingBalance"), ("总计", "expenditureGrandTotal"), ("支出总计", "expenditureGrandTotal"),
        ],
        ("T6", _) => [("人员经费合计", "personnelTotal"), ("人员经费", "personnelTotal"), ("公用经费合计", "publicTotal"), ("公用经费", "publicTotal"), ("合计", "total")],
        ("T7", _) => ThreePublicItems,
        _ => [("合计", "total"), ("总计", "total")],
    };

    /// <summary>T4's income side prints one 决算数 per fund under 本年收入合计 and 年初结转和结余: label → fund column.</summary>
    public static readonly IReadOnlyList<(string Name, string Column)> T4Funds =
    [
        ("一般公共预算财政拨款", "generalBudget"), ("政府性基金预算财政拨款", "governmentFund"), ("国有资本经营预算财政拨款", "stateCapital"),
    ];

    /// <summary>The name or alias in <paramref name="text"/> that ends last (the most specific header); ties to the longest.</summary>
    public static string? LastMatch(string text, IEnumerable<(string Name, string Key)> names)
    {
        string? best = null;
        int bestEnd = -1, bestLength = -1;
        foreach (var (name, key) in names)
        {
            var at = text.LastIndexOf(name, StringComparison.Ordinal);
            if (at < 0) continue;
            var end = at + name.Length;
            if (end > bestEnd || (end == bestEnd && name.Length > bestLength)) (best, bestEnd, bestLength) = (key, end, name.Length);
        }
        return best;
    }

    /// <summary>A label as it is matched: without its numbering (一、 （一） 1. 其中：), spaces, brackets and quotes.</summary>
    public static string Label(string text)
    {
        var key = Key(BracketNumbering().Replace(text.TrimStart(), ""));
        return Numbering().Replace(key, "");
    }

    /// <summary>Whether a label starts with a numbering (一、, 1., 其中：), i.e. starts a printed row.</summary>
    public static bool StartsNumbered(string text) => BracketNumbering().IsMatch(text.TrimStart()) || Numbering().IsMatch(Key(text));

    public static string Key(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '（' or '）' or '(' or ')' or '“' or '”' or '"' or '‘' or '’' or '\'' or '「' or '」' or '：' or ':') continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"^(其中|[一二三四五六七八九十]+、|\d+[、.．])")]
    private static partial Regex Numbering();

    [GeneratedRegex(@"^[（(][一二三四五六七八九十\d]+[）)]")]
    private static partial Regex BracketNumbering();

    /// <summary>A 表号 printed alone on its line (公开01表, 表一, 附表1): the next table's, never a row of this one.</summary>
    public static bool IsTableNumber(string compact) => TableNumberPattern().IsMatch(compact);

    [GeneratedRegex(@"^((公开|部门)?\d{1,2}表|表[一二三四五六七八九十]+|附表\d{1,2})$")]
    private static partial Regex TableNumberPattern();

    /// <summary>A printed amount: digits with at most two decimals, thousands separators allowed; a dash is an empty cell.</summary>
    public static bool IsAmount(string word) => AmountPattern().IsMatch(word) || IsDash(word);

    public static bool IsDash(string word) => word is "-" or "—" or "－" or "--" or "——" or "/";

    [GeneratedRegex(@"^-?(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})$|^0$")]
    private static partial Regex AmountPattern();

    /// <summary>A classification code as printed (3, 5 or 7 digits; economic codes 3 or 5).</summary>
    public static bool IsCode(string word) => word.Length is 3 or 5 or 7 && word.All(char.IsAsciiDigit);
}
