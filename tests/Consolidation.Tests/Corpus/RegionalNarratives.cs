using System.Globalization;
using System.Text;
using Consolidation.Domain.Model;
using Consolidation.Domain.Narrative;

namespace Consolidation.Tests.Corpus;

/// <summary>
/// 情况说明 written in the layouts and phrasings of other provinces' templates (shared/reference/regional-variation.md and
/// the official Shanghai 2024 template): every number computed from the tables (and last year's accounts), so that a
/// consistent document gives no weighing finding and a mutated one exactly the finding of what was mutated.
/// </summary>
public sealed record RegionalTemplate(string Id, string Template, string Description, Func<FinalAccounts, FinalAccounts, string> Write)
{
    public override string ToString() => Id;
}

public static class RegionalNarratives
{
    /// <summary>The templates of the corpus (the seed's own, Yueyang 2023, is the synthetic tool's narrative).</summary>
    public static IReadOnlyList<RegionalTemplate> All { get; } =
    [
        new("yueyang-2023", "hunan-2023", "湖南岳阳 2023：一 … 十四，九 三公，与上年相比，两位小数", (a, _) => Consolidation.Synthetic.Narrative.Write(a)),
        new("shanghai-2024", "shanghai-2024", "上海 2024：七 三公，十一 其他重要事项（一）机关运行经费（二）政府采购；PDF 文字的空格；与 2023 年度相比；T5 不印年初预算数", Shanghai),
        new("yunnan-2023", "national", "云南 2023：四个部分（收入、支出、一般公共预算、三公）+ 第四部分 其他重要事项及相关口径情况说明；比上年", Yunnan),
        new("jiangxi-2022", "national", "江西 2022：九节（五 三公 六 机关运行 七 采购 八 资产 九 绩效），无收支总体；较上年决算数；千位分隔符", Jiangxi),
        new("chongqing-2024", "national", "重庆 2024：无“第X部分”，二、决算情况说明下（一）（二）…；较上年；一位小数的百分比", Chongqing),
        new("guangdong-2023", "national", "广东 2023：比上年决算数；完成全年预算A万元的X%；一位小数；基数为0不可比", Guangdong),
    ];

    private static string W(long fen) => Money.FormatWanYuan(fen);

    private static string P(long part, long whole, int decimals = 2)
    {
        var value = Ratio.Percent(part, whole, decimals); // in 10^-decimals %
        var scale = (long)Math.Pow(10, decimals);
        var whole_ = Math.Abs(value) / scale;
        var frac = Math.Abs(value) % scale;
        return whole_.ToString(CultureInfo.InvariantCulture) + (decimals > 0 ? "." + frac.ToString(CultureInfo.InvariantCulture).PadLeft(decimals, '0') : "") + "%";
    }

    private static string Thousands(long fen)
    {
        var s = W(fen);
        var dot = s.IndexOf('.');
        var whole = long.Parse(s[..dot], CultureInfo.InvariantCulture);
        return whole.ToString("#,##0", CultureInfo.InvariantCulture) + s[dot..];
    }

    /// <summary>A change against last year in a template's words: "增加 X 万元，增长 Y%" / "减少 …，下降 …" / "持平".</summary>
    private static string Change(long now, long last, Func<long, string> amount, string up, string down, int decimals = 2, string unitSpace = "")
    {
        var d = now - last;
        if (d == 0) return "持平";
        if (last == 0) return $"{(d > 0 ? "增加" : "减少")}{unitSpace}{amount(Math.Abs(d))}{unitSpace}万元（上年基数为0，不可比）";
        return $"{(d > 0 ? "增加" : "减少")}{unitSpace}{amount(Math.Abs(d))}{unitSpace}万元，{(d > 0 ? up : down)}{unitSpace}{P(Math.Abs(d), last, decimals)}";
    }

    /// <summary>The 空表说明 of each empty T7, T8, T9, worded as the official Shanghai template words them.</summary>
    public static IReadOnlyList<TableNote> EmptyTableNotes(FinalAccounts a) =>
        new[] { ("T7", "财政拨款“三公”经费支出"), ("T8", "政府性基金预算财政拨款收入和支出"), ("T9", "国有资本经营预算财政拨款收入和支出") }
            .Where(t => a[t.Item1].IsEmpty)
            .Select(t => new TableNote(t.Item1, $"说明：{a.DepartmentName}本年度没有{t.Item2}，故本表无数据。"))
            .ToList();

    private sealed record Facts(FinalAccounts A, FinalAccounts Last)
    {
        public int Y => A.FiscalYear;
        public long Grand => A["T1"].Fixed("incomeGrandTotal", "amount");
        public long LastGrand => Last["T1"].Fixed("incomeGrandTotal", "amount");
        public long Income => A["T1"].Fixed("incomeTotal", "amount");
        public long Fiscal => A["T1"].Fixed("generalBudgetAppropriation", "amount") + A["T1"].Fixed("governmentFundAppropriation", "amount") + A["T1"].Fixed("stateCapitalAppropriation", "amount");
        /// <summary>The income sources with money, in T1's order: (name, amount).</summary>
        public IEnumerable<(string Name, long Fen)> Sources =>
            new (string Name, long Fen)[]
            {
                ("财政拨款收入", Fiscal), ("上级补助收入", A["T1"].Fixed("superiorSubsidy", "amount")), ("事业收入", A["T1"].Fixed("businessIncome", "amount")),
                ("经营收入", A["T1"].Fixed("operatingIncome", "amount")), ("附属单位上缴收入", A["T1"].Fixed("subsidiaryRemittance", "amount")),
                ("其他收入", A["T1"].Fixed("otherIncome", "amount")),
            }.Where(x => x.Fen != 0);

        public string SourceList(Func<long, string> amount, string space, int decimals) =>
            string.Join("；", Sources.Select(x => $"{x.Name}{space}{amount(x.Fen)}{space}万元，占{space}{P(x.Fen, Income, decimals)}"));
        public long Spent => A["T3"].Fixed("total", "total");
        public long Basic => A["T3"].Fixed("total", "basic");
        public long Project => A["T3"].Fixed("total", "project");
        public long T4Grand => A["T4"].Fixed("incomeGrandTotal", "total");
        public long LastT4Grand => Last["T4"].Fixed("incomeGrandTotal", "total");
        public long General => A["T5"].Fixed("total", "total");
        public long GeneralBudget => A["T5"].Fixed("total", "budget");
        public long GeneralBasic => A["T5"].Fixed("total", "basic");
        public long Personnel => A["T6"].Fixed("personnelTotal", "amount");
        public long Public => A["T6"].Fixed("publicTotal", "amount");
        public long T7(string row, string column = "actual") => A["T7"].Fixed(row, column);
        public long LastT7(string row) => Last["T7"].Fixed(row, "actual");
        public IEnumerable<TableRow> Classes => A["T5"].Rows.Where(r => r.Code.Length == 3 && r.Values[1] > 0);
        public IEnumerable<TableRow> Items => A["T5"].Rows.Where(r => r.Code.Length == 7);
        public string Name(string code) => A["T5"].Rows.First(r => r.Code == code).Name;
        public bool Administrative => A.Composition.Self.Type == UnitType.Administrative && A.Composition.Subordinates.All(u => u.Type == UnitType.Administrative);
        public long Running => Administrative ? Public : A.Supplementary?.OperatingCostActual ?? 0;
        public long LastRunning => Administrative ? Last["T6"].Fixed("publicTotal", "amount") : Last.Supplementary?.OperatingCostActual ?? 0;
        public SupplementaryFigures Sup => A.Supplementary ?? new SupplementaryFigures();

        /// <summary>The names of the T6 款 with spending under the given 类.</summary>
        public string Spending(params string[] classes) =>
            string.Join("、", A["T6"].Rows.Where(r => r.Code.Length == 5 && classes.Contains(r.Code[..3]) && r.Values[0] != 0).Select(r => r.Name));
    }

    private static string Shanghai(FinalAccounts a, FinalAccounts last)
    {
        var f = new Facts(a, last);
        var n = a.DepartmentName;
        var sb = new StringBuilder();
        // PDF text of the official template: blanks around numbers and years.
        sb.Append("一、收入支出决算总体情况说明\n");
        sb.Append($"{n} {f.Y} 年度收入支出总计 {W(f.Grand)} 万元。与 {f.Y - 1} 年度相比，收入支出总计{Change(f.Grand, f.LastGrand, W, "增长", "下降", 2, " ")}。主要原因：项目支出变动。\n");
        sb.Append("二、收入决算情况说明\n");
        sb.Append($"本年收入合计 {W(f.Income)} 万元，其中：{f.SourceList(W, " ", 2)}。\n");
        sb.Append("三、支出决算情况说明\n");
        sb.Append($"本年支出合计 {W(f.Spent)} 万元，其中：基本支出 {W(f.Basic)} 万元，占 {P(f.Basic, f.Spent)}；项目支出 {W(f.Project)} 万元，占 {P(f.Project, f.Spent)}。\n");
        sb.Append("四、财政拨款收入支出决算总体情况说明\n");
        sb.Append($"{n} {f.Y} 年度财政拨款收入支出总计 {W(f.T4Grand)} 万元。与 {f.Y - 1} 年度相比，财政拨款收入支出总计{Change(f.T4Grand, f.LastT4Grand, W, "增长", "下降", 2, " ")}。主要原因：人员经费变动。\n");
        sb.Append("五、一般公共预算财政拨款支出决算情况说明\n（一）一般公共预算财政拨款支出决算总体情况\n");
        sb.Append($"一般公共预算财政拨款支出 {W(f.General)} 万元，占本年支出合计的 {P(f.General, f.Spent)}。\n");
        sb.Append("（二）一般公共预算财政拨款支出决算结构情况\n");
        sb.Append($"一般公共预算财政拨款支出 {W(f.General)} 万元，主要用于以下方面：")
          .Append(string.Join("；", f.Classes.Select(r => $"{r.Name}（类）{W(r.Values[1])} 万元，占 {P(r.Values[1], f.General)}"))).Append("。\n");
        sb.Append("（三）一般公共预算财政拨款支出决算具体情况\n");
        sb.Append($"一般公共预算财政拨款支出年初预算为 {W(f.GeneralBudget)} 万元，支出决算为 {W(f.General)} 万元");
        sb.Append(f.GeneralBudget > 0 ? $"，完成年初预算的 {P(f.General, f.GeneralBudget)}。其中：\n" : "。其中：\n");
        var i = 0;
        foreach (var item in f.Items)
        {
            var (budget, actual) = (item.Values[0], item.Values[1]);
            sb.Append($"{++i}、{f.Name(item.Code[..3])}（类）{f.Name(item.Code[..5])}（款）{item.Name}（项）。主要用于：{item.Name}方面的支出。");
            sb.Append($"年初预算为 {W(budget)} 万元，支出决算为 {W(actual)} 万元");
            if (budget > 0) sb.Append($"，完成年初预算的 {P(actual, budget)}");
            sb.Append(actual == budget ? "。决算数同预算数持平。\n" : actual > budget ? "。决算数大于预算数的主要原因：年中追加预算。\n" : "。决算数小于预算数的主要原因：厉行节约。\n");
        }
        sb.Append("六、一般公共预算财政拨款基本支出决算情况说明\n");
        sb.Append($"一般公共预算财政拨款基本支出 {W(f.GeneralBasic)} 万元。其中：人员经费 {W(f.Personnel)} 万元，主要包括：{f.Spending("301", "303")}；公用经费 {W(f.Public)} 万元，主要包括：{f.Spending("302", "310")}。\n");
        sb.Append("七、财政拨款“三公”经费支出决算情况说明\n（一）“三公”经费财政拨款支出决算总体情况说明。\n");
        sb.Append($"“三公”经费财政拨款支出年初预算为 {W(f.T7("total", "budget"))} 万元，支出决算为 {W(f.T7("total"))} 万元");
        sb.Append(f.T7("total", "budget") > 0 ? $"，完成预算的 {P(f.T7("total"), f.T7("total", "budget"))}。\n" : "。\n");
        sb.Append($"{f.Y} 年度“三公”经费财政拨款支出决算数比 {f.Y - 1} 年度{Change(f.T7("total"), f.LastT7("total"), W, "增长", "下降", 2, " ")}。主要原因是严格落实中央八项规定。\n");
        sb.Append("八、政府性基金预算财政拨款收入支出决算情况说明\n");
        sb.Append($"{n} {f.Y} 年度无政府性基金预算财政拨款收入和支出。\n");
        sb.Append("九、国有资本经营预算财政拨款收入支出决算情况说明\n");
        sb.Append($"{n} {f.Y} 年度无国有资本经营预算财政拨款收入和支出。\n");
        sb.Append("十、预算绩效管理情况\n");
        sb.Append($"{n}{f.Y}年度预算绩效管理工作开展情况如下：对项目预算经费进行绩效管理。\n");
        sb.Append("十一、其他重要事项的情况说明\n（一）机关运行经费支出情况\n");
        sb.Append($"机关运行经费支出 {W(f.Running)} 万元，比 {f.Y - 1} 年度{Change(f.Running, f.LastRunning, W, "增长", "下降", 2, " ")}。主要原因是厉行节约。\n");
        sb.Append("（二）政府采购支出情况\n");
        sb.Append($"{n} {f.Y} 年度政府采购金额为 {W(f.Sup.ProcurementTotal)} 万元，其中：货物采购金额 {W(f.Sup.ProcurementGoods)} 万元、工程采购金额 {W(f.Sup.ProcurementWorks)} 万元、服务采购金额 {W(f.Sup.ProcurementServices)} 万元。\n");
        return sb.ToString();
    }

    private static string Yunnan(FinalAccounts a, FinalAccounts last)
    {
        var f = new Facts(a, last);
        var sb = new StringBuilder();
        sb.Append("第三部分 部门决算情况说明\n一、收入决算情况说明\n");
        sb.Append($"{f.Y}年度收入合计{W(f.Income)}万元，其中：{f.SourceList(W, "", 2)}。\n");
        sb.Append("二、支出决算情况说明\n");
        sb.Append($"{f.Y}年度支出合计{W(f.Spent)}万元，其中：基本支出{W(f.Basic)}万元，占{P(f.Basic, f.Spent)}；项目支出{W(f.Project)}万元，占{P(f.Project, f.Spent)}。\n");
        sb.Append("三、一般公共预算财政拨款支出决算情况说明\n");
        sb.Append($"{f.Y}年度一般公共预算财政拨款支出{W(f.General)}万元，占本年支出合计的{P(f.General, f.Spent)}。\n");
        sb.Append("四、财政拨款“三公”经费支出决算情况说明\n");
        sb.Append($"{f.Y}年度“三公”经费财政拨款支出预算为{W(f.T7("total", "budget"))}万元，支出决算为{W(f.T7("total"))}万元");
        sb.Append(f.T7("total", "budget") > 0 ? $"，完成预算的{P(f.T7("total"), f.T7("total", "budget"))}" : "");
        sb.Append($"。比上年{Change(f.T7("total"), f.LastT7("total"), W, "增长", "下降")}，主要原因是严格控制公务接待。\n");
        sb.Append("第四部分 其他重要事项及相关口径情况说明\n一、机关运行经费支出情况说明\n");
        sb.Append($"本部门{f.Y}年度机关运行经费支出{W(f.Running)}万元，比上年{Change(f.Running, f.LastRunning, W, "增长", "下降")}。主要原因是厉行节约。\n");
        sb.Append("二、一般性支出情况说明\n");
        sb.Append("本部门无举办节庆、晚会、论坛、赛事等活动的支出。\n");
        sb.Append("三、政府采购支出情况说明\n");
        sb.Append($"本部门{f.Y}年度政府采购支出总额{W(f.Sup.ProcurementTotal)}万元，其中：政府采购货物支出{W(f.Sup.ProcurementGoods)}万元、政府采购工程支出{W(f.Sup.ProcurementWorks)}万元、政府采购服务支出{W(f.Sup.ProcurementServices)}万元。\n");
        sb.Append("四、预算绩效管理情况说明\n");
        sb.Append("本部门对项目支出开展了绩效自评。\n");
        return sb.ToString();
    }

    private static string Jiangxi(FinalAccounts a, FinalAccounts last)
    {
        var f = new Facts(a, last);
        var sb = new StringBuilder();
        sb.Append("一、收入决算情况\n");
        sb.Append($"{f.Y}年度本年收入合计{Thousands(f.Income)}万元，其中：{f.SourceList(Thousands, "", 2)}。\n");
        sb.Append("二、支出决算情况\n");
        sb.Append($"{f.Y}年度本年支出合计{Thousands(f.Spent)}万元，其中：基本支出{Thousands(f.Basic)}万元，占{P(f.Basic, f.Spent)}；项目支出{Thousands(f.Project)}万元，占{P(f.Project, f.Spent)}。\n");
        sb.Append("三、一般公共预算财政拨款支出决算情况\n");
        sb.Append($"{f.Y}年度一般公共预算财政拨款支出{Thousands(f.General)}万元，占本年支出合计的{P(f.General, f.Spent)}，较上年决算数{Change(f.General, f.Last["T5"].Fixed("total", "total"), Thousands, "增长", "下降")}。主要原因是人员变动。\n");
        sb.Append("四、一般公共预算财政拨款基本支出决算情况\n");
        sb.Append($"{f.Y}年度一般公共预算财政拨款基本支出{Thousands(f.GeneralBasic)}万元，其中：人员经费{Thousands(f.Personnel)}万元，占基本支出的{P(f.Personnel, f.GeneralBasic)}；公用经费{Thousands(f.Public)}万元，占基本支出的{P(f.Public, f.GeneralBasic)}。\n");
        sb.Append("五、“三公”经费支出决算情况\n");
        sb.Append($"{f.Y}年度“三公”经费财政拨款支出决算为{W(f.T7("total"))}万元，较上年决算数{Change(f.T7("total"), f.LastT7("total"), W, "增长", "下降")}，主要原因是厉行节约。其中：因公出国（境）费支出决算为{W(f.T7("outboundTravel"))}万元，公务用车购置及运行维护费支出决算为{W(f.T7("vehicles"))}万元，公务接待费支出决算为{W(f.T7("reception"))}万元。\n");
        sb.Append("六、机关运行经费支出情况\n");
        sb.Append($"本部门{f.Y}年度机关运行经费支出{Thousands(f.Running)}万元，较上年决算数{Change(f.Running, f.LastRunning, Thousands, "增长", "下降")}。主要原因是厉行节约。\n");
        sb.Append("七、政府采购支出情况\n");
        sb.Append($"本部门{f.Y}年度政府采购支出总额{Thousands(f.Sup.ProcurementTotal)}万元，其中：政府采购货物支出{Thousands(f.Sup.ProcurementGoods)}万元、政府采购工程支出{Thousands(f.Sup.ProcurementWorks)}万元、政府采购服务支出{Thousands(f.Sup.ProcurementServices)}万元。\n");
        sb.Append("八、国有资产占用情况\n");
        sb.Append($"截至{f.Y}年12月31日，本部门共有车辆{a.Supplementary?.VehiclesHeld ?? 0}辆。\n");
        sb.Append("九、预算绩效情况说明\n");
        sb.Append("本部门组织对项目支出开展了绩效自评。\n");
        return sb.ToString();
    }

    private static string Chongqing(FinalAccounts a, FinalAccounts last)
    {
        var f = new Facts(a, last);
        var sb = new StringBuilder();
        sb.Append("一、基本情况\n（一）职能职责\n本部门承担有关工作。\n");
        sb.Append("二、部门决算情况说明\n（一）收入支出决算总体情况说明\n");
        sb.Append($"{f.Y}年度收入总计{W(f.Grand)}万元，较上年{Change(f.Grand, f.LastGrand, W, "增长", "下降", 1)}。主要原因是项目支出变动。\n");
        sb.Append("（二）收入决算情况说明\n");
        sb.Append($"{f.Y}年度本年收入合计{W(f.Income)}万元，其中：{f.SourceList(W, "", 1)}。\n");
        sb.Append("（三）支出决算情况说明\n");
        sb.Append($"{f.Y}年度本年支出合计{W(f.Spent)}万元，其中：基本支出{W(f.Basic)}万元，占{P(f.Basic, f.Spent, 1)}；项目支出{W(f.Project)}万元，占{P(f.Project, f.Spent, 1)}。\n");
        sb.Append("（四）一般公共预算财政拨款支出决算情况说明\n");
        sb.Append($"{f.Y}年度一般公共预算财政拨款支出{W(f.General)}万元，主要用于以下方面：")
          .Append(string.Join("；", f.Classes.Select(r => $"{r.Name}（类）{W(r.Values[1])}万元，占{P(r.Values[1], f.General, 1)}"))).Append("。\n");
        sb.Append("（五）“三公”经费支出决算情况说明\n");
        sb.Append($"{f.Y}年度“三公”经费财政拨款支出{W(f.T7("total"))}万元，较上年{Change(f.T7("total"), f.LastT7("total"), W, "增长", "下降", 1)}，主要是压减公务接待。\n");
        sb.Append("（六）机关运行经费情况说明\n");
        sb.Append($"本部门{f.Y}年度机关运行经费支出{W(f.Running)}万元，较上年{Change(f.Running, f.LastRunning, W, "增长", "下降", 1)}。主要原因是厉行节约。\n");
        return sb.ToString();
    }

    private static string Guangdong(FinalAccounts a, FinalAccounts last)
    {
        var f = new Facts(a, last);
        var sb = new StringBuilder();
        sb.Append("一、收入支出决算总体情况说明\n");
        sb.Append($"{f.Y}年度收、支总计{W(f.Grand)}万元，比上年决算数{Change(f.Grand, f.LastGrand, W, "增长", "下降", 1)}。主要原因是项目支出变动。\n");
        sb.Append("二、收入决算情况说明\n");
        sb.Append($"{f.Y}年度本年收入合计{W(f.Income)}万元，其中：{f.SourceList(W, "", 1)}。\n");
        sb.Append("三、支出决算情况说明\n");
        sb.Append($"{f.Y}年度本年支出合计{W(f.Spent)}万元，其中：基本支出{W(f.Basic)}万元，占{P(f.Basic, f.Spent, 1)}；项目支出{W(f.Project)}万元，占{P(f.Project, f.Spent, 1)}。\n");
        sb.Append("四、财政拨款“三公”经费支出决算情况说明\n");
        foreach (var (name, row) in new[] { ("因公出国（境）费", "outboundTravel"), ("公务接待费", "reception"), ("公务用车运行维护费", "vehicleOperation") })
        {
            var (b, act) = (f.T7(row, "budget"), f.T7(row));
            sb.Append($"{name}支出决算{W(act)}万元，");
            sb.Append(b > 0 ? $"完成预算的{P(act, b, 1)}" : "预算数为0，--（基数为0，不可比）");
            sb.Append($"，比上年决算数{Change(act, f.LastT7(row), W, "增长", "下降", 1)}，主要原因是厉行节约。\n");
        }
        return sb.ToString();
    }
}
