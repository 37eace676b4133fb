using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;

namespace Consolidation.Client.Inputs;

/// <summary>
/// The accounts as grids, the way the workbook and the CSV folder lay them out (docs/batch.md): 基本信息 (key/value
/// rows, then one row per unit), one grid per table (科目编码 | 科目名称 | the table's columns, fixed rows by their
/// printed name with no code), 出错说明 (规则编号 | 位置 | 说明), 内部往来 (往来类型 | 对方单位编码 | 金额 | 功能科目 |
/// 记账单位; optional when there are none), and the narrative as text.
/// </summary>
public sealed record AccountsGrids(IReadOnlyList<string[]> Info, IReadOnlyDictionary<string, IReadOnlyList<string[]>> Tables,
    IReadOnlyList<string[]> Explanations, IReadOnlyList<string[]> Transfers, string Narrative)
{
    public const string CodeHeader = "科目编码";
    public const string NameHeader = "科目名称";
    public const string UnitPrefix = "金额单位：";

    public static class InfoKeys
    {
        public const string Code = "部门编码";
        public const string Name = "部门名称";
        public const string Year = "年度";
        public const string Unit = "金额单位";
        public const string Authorized = "编制人数";
        public const string Actual = "实有人数";
        public const string Retired = "退休人数";
        public const string Self = "本级单位";
        public const string Subordinate = "下属单位";
        /// <summary>补充资料 公务用车保有量; the amounts of 补充资料 are keyed by their printed names (SupplementaryFigures.Amounts).</summary>
        public const string VehiclesHeld = "公务用车保有量";
    }

    /// <summary>The 补充资料 keys of 基本信息: all present, or none.</summary>
    public static IReadOnlyList<string> SupplementaryKeys { get; } =
        [InfoKeys.VehiclesHeld, .. SupplementaryFigures.Amounts.Select(a => a.Name)];

    public static readonly string[] InfoHeader = ["项目", "内容", "单位名称", "单位类型"];
    public static readonly string[] ExplanationHeader = ["规则编号", "位置", "说明"];
    /// <summary>内部往来: the kind by its printed name (上级补助收入 …; the JSON words are read too), the amount in the accounts' unit, 记账单位 empty for 本级.</summary>
    public static readonly string[] TransferHeader = ["往来类型", "对方单位编码", "金额", "功能科目", "记账单位"];
    /// <summary>The column of <see cref="TransferHeader"/> that holds the amount.</summary>
    public const int TransferAmountColumn = 2;

    public static string[] TableHeader(TableLayout layout) => [CodeHeader, NameHeader, .. layout.Columns.Select(c => c.Name)];

    public static string TypeName(UnitType type) => UnitTypes.Name(type);

    /// <summary>The grids of some accounts; amounts as text in the accounts' unit (Money.Format).</summary>
    public static AccountsGrids Of(FinalAccounts a)
    {
        var p = a.Precision;
        List<string[]> info =
        [
            InfoHeader,
            [InfoKeys.Code, a.DepartmentCode],
            [InfoKeys.Name, a.DepartmentName],
            [InfoKeys.Year, a.FiscalYear > 0 ? a.FiscalYear.ToString() : ""],
            [InfoKeys.Unit, Money.UnitName(p)],
            [InfoKeys.Authorized, a.Staffing.Authorized.ToString()],
            [InfoKeys.Actual, a.Staffing.Actual.ToString()],
            [InfoKeys.Retired, a.Staffing.Retired.ToString()],
            [InfoKeys.Self, a.Composition.Self.Code, a.Composition.Self.Name, TypeName(a.Composition.Self.Type)],
        ];
        info.AddRange(a.Composition.Subordinates.Select(u => new[] { InfoKeys.Subordinate, u.Code, u.Name, TypeName(u.Type) }));
        if (a.Supplementary is { } s)
        {
            info.Add([InfoKeys.VehiclesHeld, s.VehiclesHeld.ToString()]);
            info.AddRange(SupplementaryFigures.Amounts.Select(x => new[] { x.Name, Money.Format(x.Get(s), p) }));
        }

        var tables = new Dictionary<string, IReadOnlyList<string[]>>();
        foreach (var layout in StandardLayouts.All)
        {
            var t = a[layout.Id];
            var rows = new List<string[]> { TableHeader(layout) };
            string[] Row(string code, string name, long[] values) => [code, name, .. values.Select(v => Money.Format(v, p))];
            rows.AddRange(layout.FixedRows.Where(r => r.Position == RowPosition.BeforeCodedRows).Select(r => Row("", r.Name, t.FixedRows[r.Key])));
            rows.AddRange(t.Rows.Select(r => Row(r.Code, r.Name, r.Values)));
            rows.AddRange(layout.FixedRows.Where(r => r.Position == RowPosition.AfterCodedRows).Select(r => Row("", r.Name, t.FixedRows[r.Key])));
            tables[layout.Id] = rows;
        }
        var explanations = new List<string[]> { ExplanationHeader };
        explanations.AddRange(a.Explanations.Select(e => new[] { e.RuleId, e.Location, e.Text }));
        var transfers = new List<string[]> { TransferHeader };
        transfers.AddRange(a.InternalTransfers.Select(t => new[]
            { InternalTransfer.KindName(t.Kind), t.CounterpartyCode, Money.Format(t.Amount, p), t.FunctionCode, t.UnitCode }));
        return new AccountsGrids(info, tables, explanations, transfers, a.Narrative);
    }

    /// <summary>An empty template: every table with its header and fixed rows (zero), the info keys with no values.</summary>
    public static AccountsGrids Template(AmountPrecision precision)
    {
        var empty = new FinalAccounts
        {
            DepartmentCode = "",
            DepartmentName = "",
            FiscalYear = 0,
            Precision = precision,
            Composition = new UnitComposition(new Unit("", "", UnitType.Administrative), []),
            Staffing = new Staffing(0, 0, 0),
            Tables = StandardLayouts.All.ToDictionary(l => l.Id, Table.Empty),
        };
        return Of(empty);
    }
}
