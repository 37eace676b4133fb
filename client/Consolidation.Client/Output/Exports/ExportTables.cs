using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;
using D = Consolidation.Domain.Model;

namespace Consolidation.Client.Output.Exports;

/// <summary>One row of an exported table: a code (text, may be empty), a name, and amounts in 分 (or plain counts).</summary>
public sealed record ExportRow(string Code, string Name, IReadOnlyList<long> Values, bool Emphasis = false);

/// <summary>A table as every export writes it: ID, title, column names, rows; <see cref="Amounts"/> says whether values are 分.</summary>
public sealed record ExportTable(string Id, string Title, IReadOnlyList<string> Columns, IReadOnlyList<ExportRow> Rows, bool Amounts = true)
{
    public bool IsEmpty => Rows.All(r => r.Values.All(v => v == 0));
}

/// <summary>
/// The consolidated disclosure's tables in one shape for the HTML, XLSX and CSV exports: the nine tables from their
/// layouts (fixed rows before and after the coded rows), the department list, and the elimination report.
/// </summary>
public static class ExportTables
{
    public static IReadOnlyList<ExportTable> Nine(ConsolidatedDisclosure d)
    {
        var accounts = d.Totals is null ? null : AccountsMapper.ToDomain(d.Totals);
        return StandardLayouts.All.Select(layout => FromLayout(accounts?.Tables.GetValueOrDefault(layout.Id) ?? D.Table.Empty(layout))).ToList();
    }

    public static ExportTable FromLayout(D.Table t)
    {
        var layout = t.Layout;
        var rows = new List<ExportRow>();
        var blank = new long[layout.Columns.Count];
        foreach (var row in layout.FixedRows.Where(r => r.Position == RowPosition.BeforeCodedRows))
            rows.Add(new ExportRow("", row.Name, t.FixedRows.GetValueOrDefault(row.Key) ?? blank, true));
        rows.AddRange(t.Rows.Select(r => new ExportRow(r.Code, r.Name, r.Values)));
        foreach (var row in layout.FixedRows.Where(r => r.Position == RowPosition.AfterCodedRows))
            rows.Add(new ExportRow("", row.Name, t.FixedRows.GetValueOrDefault(row.Key) ?? blank, true));
        return new ExportTable(layout.Id, layout.Name, layout.Columns.Select(c => c.Name).ToList(), rows);
    }

    /// <summary>部门决算汇总情况: each department's headline figures, and the 合计 summed in 分.</summary>
    public static ExportTable Departments(ConsolidatedDisclosure d)
    {
        var rows = d.Departments.Select(h => new ExportRow(h.DepartmentCode, h.DepartmentName,
            [h.IncomeTotal, h.ExpenditureTotal, h.FiscalAppropriation, h.ThreePublicActual])).ToList();
        rows.Add(new ExportRow("", "合计", [d.Departments.Sum(h => h.IncomeTotal), d.Departments.Sum(h => h.ExpenditureTotal),
            d.Departments.Sum(h => h.FiscalAppropriation), d.Departments.Sum(h => h.ThreePublicActual)], true));
        return new ExportTable("部门", "纳入汇总的部门及主要指标", ["收入合计", "支出合计", "财政拨款", "“三公”经费"], rows);
    }

    /// <summary>实有人数 per department (counts, not amounts).</summary>
    public static IReadOnlyList<int> Staff(ConsolidatedDisclosure d) => d.Departments.Select(h => h.StaffActual).ToList();

    /// <summary>内部往来抵销表: both sides' amounts, what was eliminated, the difference.</summary>
    public static ExportTable Eliminations(ConsolidatedDisclosure d) => new("抵销", "内部往来抵销及差异",
        ["付出方填报", "收到方填报", "抵销数", "差额（付出−收到）"],
        d.Eliminations.Select(e => new ExportRow($"{e.PayerCode}→{e.ReceiverCode}",
            e.Flow == "subsidy" ? "对附属单位补助支出 ↔ 上级补助收入" : "上缴上级支出 ↔ 附属单位上缴收入",
            [e.PayerAmount, e.ReceiverAmount, e.Eliminated, e.Difference], e.Difference != 0)).ToList());

    /// <summary>Expenditure by function 类 (T3 本年支出合计 of the 3-digit rows): the first chart.</summary>
    public static IReadOnlyList<(string Label, long Fen)> ExpenditureByClass(ConsolidatedDisclosure d)
    {
        var t3 = Nine(d)[2];
        return t3.Rows.Where(r => r.Code.Length == 3).Select(r => ($"{r.Code} {r.Name}", r.Values[0])).ToList();
    }

    /// <summary>三公 by part (T7 决算数): the second chart.</summary>
    public static IReadOnlyList<(string Label, long Fen)> ThreePublicParts(ConsolidatedDisclosure d)
    {
        var t7 = d.Totals?.T7;
        return
        [
            ("因公出国（境）费", t7?.OutboundTravel?.Actual ?? 0),
            ("公务用车购置费", t7?.VehiclePurchase?.Actual ?? 0),
            ("公务用车运行维护费", t7?.VehicleOperation?.Actual ?? 0),
            ("公务接待费", t7?.Reception?.Actual ?? 0),
        ];
    }

    /// <summary>An amount in 万元 with two decimals, rounded once (half away from zero).</summary>
    public static string Wan(long fen) => Money.FormatWanYuan(fen);

    public static string Title(ConsolidatedDisclosure d) =>
        $"{(string.IsNullOrEmpty(d.ScopeName) ? "全市汇总" : d.ScopeName)} {d.FiscalYear} 年度部门决算汇总公开";
}
