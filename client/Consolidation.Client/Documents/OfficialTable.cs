using Consolidation.Domain.Classification;
using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;
using Consolidation.Domain.Templates;

namespace Consolidation.Client.Documents;

/// <summary>One cell of a 公开表 as printed: text, a code (text, never a number), or an amount in 分; with its span.</summary>
public sealed record OfficialCell(string Text, long? Fen = null, bool IsCode = false, int ColSpan = 1, int RowSpan = 1)
{
    public static readonly OfficialCell Blank = new("");
    public static OfficialCell Amount(long fen) => new("", fen);
    public static OfficialCell Code(string code) => new(code, IsCode: true);
}

/// <summary>
/// A table laid out as the 公开表 print it (docs/documents.md): 表号, title, 编制单位, 金额单位, header rows with merged
/// cells, body rows, and the 说明 under it. T1 and T4 two-sided (收入 | 支出), T6 two-sided (人员经费 | 公用经费), T7 across,
/// the others with 科目编码 split into 类 / 款 / 项. The XLSX and the HTML/PDF exports print it; the readers read it back.
/// A null entry in a row is a cell covered by a merge.
/// </summary>
public sealed record OfficialTable(string Id, string Number, string Title, int Columns, IReadOnlyList<IReadOnlyList<OfficialCell?>> Header,
    IReadOnlyList<IReadOnlyList<OfficialCell?>> Body, string Note, IReadOnlyList<bool> AmountColumns);

/// <summary>Lays the nine tables of one set of accounts out in the official layout, printing what its template prints.</summary>
public static class OfficialTables
{
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    public static IReadOnlyList<OfficialTable> Of(FinalAccounts a)
    {
        var template = TemplateCatalogue.Default.Find(a.Template) ?? TemplateCatalogue.Default.National;
        return StandardLayouts.All.Select(l => Of(a.Tables[l.Id], template, a.NoteOf(l.Id))).ToList();
    }

    public static OfficialTable Of(Table t, Template template, string note)
    {
        var number = $"公开{int.Parse(t.Id[1..], System.Globalization.CultureInfo.InvariantCulture):00}表";
        return t.Id switch
        {
            "T1" => T1(t, number, note),
            "T4" => T4(t, number, note),
            "T6" => T6(t, template, number, note),
            "T7" => T7(t, number, note),
            _ => Coded(t, template, number, note),
        };
    }

    private static OfficialCell? Fixed(Table t, string key, string column) =>
        t.FixedRows.TryGetValue(key, out var v) ? OfficialCell.Amount(v[t.Layout.ColumnIndex(column)]) : OfficialCell.Amount(0);

    private static OfficialCell Label(string text) => new(text);

    private static string Chinese(int n) => n switch
    {
        <= 10 => Numerals[n - 1],
        < 20 => "十" + Numerals[n - 11],
        _ => Numerals[n / 10 - 1] + "十" + (n % 10 == 0 ? "" : Numerals[n % 10 - 1]),
    };

    private static readonly T1Row[] T1Income =
    [
        new("generalBudgetAppropriation", "一般公共预算财政拨款收入"), new("governmentFundAppropriation", "政府性基金预算财政拨款收入"),
        new("stateCapitalAppropriation", "国有资本经营预算财政拨款收入"), new("superiorSubsidy", "上级补助收入"), new("businessIncome", "事业收入"),
        new("operatingIncome", "经营收入"), new("subsidiaryRemittance", "附属单位上缴收入"), new("otherIncome", "其他收入"),
    ];

    private sealed record T1Row(string Key, string Name);

    private static OfficialTable T1(Table t, string number, string note)
    {
        var header = new List<IReadOnlyList<OfficialCell?>>
        {
            new OfficialCell?[] { new("收入", ColSpan: 2), null, new("支出", ColSpan: 2), null },
            new OfficialCell?[] { Label("项目"), Label("决算数"), Label("项目"), Label("决算数") },
        };
        var body = new List<IReadOnlyList<OfficialCell?>>();
        var n = Math.Max(T1Income.Length, t.Rows.Count);
        for (var i = 0; i < n; i++)
        {
            var left = i < T1Income.Length ? new[] { Label($"{Chinese(i + 1)}、{T1Income[i].Name}"), Fixed(t, T1Income[i].Key, "amount") } : [OfficialCell.Blank, OfficialCell.Blank];
            var right = i < t.Rows.Count ? new[] { Label($"{Chinese(i + 1)}、{t.Rows[i].Name}"), OfficialCell.Amount(t.Rows[i].Values[0]) } : [OfficialCell.Blank, OfficialCell.Blank];
            body.Add([.. left, .. right]);
        }
        body.Add([Label("本年收入合计"), Fixed(t, "incomeTotal", "amount"), Label("本年支出合计"), Fixed(t, "expenditureTotal", "amount")]);
        body.Add([Label("使用非财政拨款结余"), Fixed(t, "nonFiscalBalanceUsed", "amount"), Label("结余分配"), Fixed(t, "surplusDistribution", "amount")]);
        body.Add([Label("年初结转和结余"), Fixed(t, "openingBalance", "amount"), Label("年末结转和结余"), Fixed(t, "closingBalance", "amount")]);
        body.Add([Label("总计"), Fixed(t, "incomeGrandTotal", "amount"), Label("总计"), Fixed(t, "expenditureGrandTotal", "amount")]);
        return new OfficialTable("T1", number, t.Layout.Name, 4, header, body, note, [false, true, false, true]);
    }

    private static readonly (string Column, string Name)[] Funds =
        [("generalBudget", "一般公共预算财政拨款"), ("governmentFund", "政府性基金预算财政拨款"), ("stateCapital", "国有资本经营预算财政拨款")];

    private static OfficialTable T4(Table t, string number, string note)
    {
        var header = new List<IReadOnlyList<OfficialCell?>>
        {
            new OfficialCell?[] { new("收入", ColSpan: 2), null, new("支出", ColSpan: 5), null, null, null, null },
            new OfficialCell?[] { Label("项目"), Label("决算数"), Label("项目"), Label("合计"), Label(Funds[0].Name), Label(Funds[1].Name), Label(Funds[2].Name) },
        };
        OfficialCell?[] Right(string label, long[]? values) =>
            [Label(label), .. (values ?? new long[4]).Select(v => (OfficialCell?)OfficialCell.Amount(v))];
        OfficialCell?[] Empty() => [OfficialCell.Blank, OfficialCell.Blank, OfficialCell.Blank, OfficialCell.Blank, OfficialCell.Blank];
        var body = new List<IReadOnlyList<OfficialCell?>>();
        var n = Math.Max(Funds.Length, t.Rows.Count);
        for (var i = 0; i < n; i++)
        {
            OfficialCell?[] left = i < Funds.Length ? [Label($"{Chinese(i + 1)}、{Funds[i].Name}"), Fixed(t, "incomeCurrent", Funds[i].Column)] : [OfficialCell.Blank, OfficialCell.Blank];
            var right = i < t.Rows.Count ? Right($"{Chinese(i + 1)}、{t.Rows[i].Name}", t.Rows[i].Values) : Empty();
            body.Add([.. left, .. right]);
        }
        body.Add([Label("本年收入合计"), Fixed(t, "incomeCurrent", "total"), .. Right("本年支出合计", t.FixedRows.GetValueOrDefault("expenditureTotal"))]);
        body.Add([Label("年初财政拨款结转和结余"), Fixed(t, "incomeOpening", "total"), .. Right("年末财政拨款结转和结余", t.FixedRows.GetValueOrDefault("closingBalance"))]);
        for (var i = 0; i < Funds.Length; i++)
            body.Add([Label($"{Chinese(i + 1)}、{Funds[i].Name}"), Fixed(t, "incomeOpening", Funds[i].Column), .. Empty()]);
        body.Add([Label("总计"), Fixed(t, "incomeGrandTotal", "total"), .. Right("总计", t.FixedRows.GetValueOrDefault("expenditureGrandTotal"))]);
        return new OfficialTable("T4", number, t.Layout.Name, 7, header, body, note, [false, true, false, true, true, true, true]);
    }

    /// <summary>T6: 人员经费 (301 工资福利支出, 303 对个人和家庭的补助) on the left, 公用经费 (the other 类) on the right.</summary>
    private static OfficialTable T6(Table t, Template template, string number, string note)
    {
        var header = new List<IReadOnlyList<OfficialCell?>>
        {
            new OfficialCell?[] { Label("经济分类科目编码"), Label("科目名称"), Label("决算数"), Label("经济分类科目编码"), Label("科目名称"), Label("决算数") },
        };
        static bool Personnel(string code) => code.StartsWith("301", StringComparison.Ordinal) || code.StartsWith("303", StringComparison.Ordinal);
        var left = t.Rows.Where(r => Personnel(r.Code)).ToList();
        var right = t.Rows.Where(r => !Personnel(r.Code)).ToList();
        var body = new List<IReadOnlyList<OfficialCell?>>();
        OfficialCell?[] Side(List<TableRow> rows, int i) => i < rows.Count
            ? [OfficialCell.Code(rows[i].Code), Label(rows[i].Name), OfficialCell.Amount(rows[i].Values[0])]
            : [OfficialCell.Blank, OfficialCell.Blank, OfficialCell.Blank];
        for (var i = 0; i < Math.Max(left.Count, right.Count); i++) body.Add([.. Side(left, i), .. Side(right, i)]);
        body.Add([new("人员经费合计", ColSpan: 2), null, Fixed(t, "personnelTotal", "amount"), new("公用经费合计", ColSpan: 2), null, Fixed(t, "publicTotal", "amount")]);
        if (template.PrintsRow("T6", "total"))
            body.Add([new("合计", ColSpan: 2), null, Fixed(t, "total", "amount"), OfficialCell.Blank, OfficialCell.Blank, OfficialCell.Blank]);
        return new OfficialTable("T6", number, t.Layout.Name, 6, header, body, note, [false, false, true, false, false, true]);
    }

    private static OfficialTable T7(Table t, string number, string note)
    {
        var header = new List<IReadOnlyList<OfficialCell?>>
        {
            new OfficialCell?[] { new("合计", ColSpan: 2, RowSpan: 2), null, new("因公出国（境）费", ColSpan: 2, RowSpan: 2), null,
                new("公务用车购置及运行维护费", ColSpan: 6), null, null, null, null, null, new("公务接待费", ColSpan: 2, RowSpan: 2), null },
            new OfficialCell?[] { null, null, null, null, new("小计", ColSpan: 2), null, new("公务用车购置费", ColSpan: 2), null,
                new("公务用车运行维护费", ColSpan: 2), null, null, null },
            Enumerable.Range(0, 12).Select(i => (OfficialCell?)Label(i % 2 == 0 ? "预算数" : "决算数")).ToArray(),
        };
        var items = new[] { "total", "outboundTravel", "vehicles", "vehiclePurchase", "vehicleOperation", "reception" };
        var row = items.SelectMany(k => new[] { Fixed(t, k, "budget"), Fixed(t, k, "actual") }).ToArray();
        return new OfficialTable("T7", number, t.Layout.Name, 12, header, [row], note, Enumerable.Repeat(true, 12).ToList());
    }

    /// <summary>T2, T3, T5, T8, T9: 科目编码 类 | 款 | 项, 科目名称, the amount columns the template prints; 合计 first.</summary>
    private static OfficialTable Coded(Table t, Template template, string number, string note)
    {
        var layout = t.Layout;
        var columns = layout.Columns.Where(c => template.PrintsColumn(layout.Id, c.Key)).ToList();
        var width = 4 + columns.Count;
        var top = new OfficialCell?[width];
        var middle = new OfficialCell?[width];
        var bottom = new OfficialCell?[width];
        top[0] = new OfficialCell("项目", ColSpan: 4);
        middle[0] = new OfficialCell("科目编码", ColSpan: 3);
        middle[3] = new OfficialCell("科目名称", RowSpan: 2);
        bottom[0] = Label("类"); bottom[1] = Label("款"); bottom[2] = Label("项");
        // Columns under a parent header (T5 决算数 over 合计/基本支出/项目支出; T8/T9 本年支出 over 合计/基本支出/项目支出).
        string? parent = layout.Id switch { "T5" => "决算数", "T8" or "T9" => "本年支出", _ => null };
        var under = layout.Id switch { "T5" => new[] { "total", "basic", "project" }, "T8" or "T9" => ["expenditureTotal", "basic", "project"], _ => [] };
        for (var c = 0; c < columns.Count; c++)
        {
            var key = columns[c].Key;
            if (parent is not null && under.Contains(key))
            {
                if (key == under.First(u => columns.Any(x => x.Key == u)))
                    top[4 + c] = new OfficialCell(parent, ColSpan: under.Count(u => columns.Any(x => x.Key == u)));
                middle[4 + c] = new OfficialCell(key is "total" or "expenditureTotal" ? "合计" : columns[c].Name, RowSpan: 2);
            }
            else top[4 + c] = new OfficialCell(columns[c].Name, RowSpan: 3);
        }
        var header = new List<IReadOnlyList<OfficialCell?>> { top, middle, bottom };
        var body = new List<IReadOnlyList<OfficialCell?>>();
        OfficialCell?[] Row(string[] code, string name, long[] values) =>
            [.. code.Select(p => p.Length > 0 ? OfficialCell.Code(p) : OfficialCell.Blank), Label(name),
             .. columns.Select(c => (OfficialCell?)OfficialCell.Amount(values[layout.ColumnIndex(c.Key)]))];
        var total = t.FixedRows.GetValueOrDefault("total") ?? new long[layout.Columns.Count];
        body.Add([new OfficialCell("合计", ColSpan: 4), null, null, null, .. columns.Select(c => (OfficialCell?)OfficialCell.Amount(total[layout.ColumnIndex(c.Key)]))]);
        foreach (var r in t.Rows) body.Add(Row(Split(r.Code), r.Name, r.Values));
        return new OfficialTable(layout.Id, number, layout.Name, width, header, body, note, [false, false, false, false, .. columns.Select(_ => true)]);
    }

    /// <summary>A function code split 类 / 款 / 项 as the 公开表 print it: 2080501 → 208 | 05 | 01.</summary>
    public static string[] Split(string code) => code.Length switch
    {
        7 => [code[..3], code[3..5], code[5..]],
        5 => [code[..3], code[3..], ""],
        _ => [code, "", ""],
    };
}
