using System.Globalization;
using Consolidation.Domain.Files;
using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;
using Consolidation.Domain.Validation;
using static Consolidation.Client.Inputs.AccountsGrids;

namespace Consolidation.Client.Inputs;

/// <summary>
/// Reads the grid layout (<see cref="AccountsGrids"/>) of a workbook or a CSV folder into accounts. Every problem is
/// collected with the sheet (or file), row and column it is in; nothing half-read is returned. A blank amount cell is
/// an error naming the cell (a zero is written 0: a forgotten cell is never taken for 0), and so is a cell the grid
/// could not read (a formula that cannot be evaluated); a table grid may have title and unit rows above its
/// header row (科目编码 | 科目名称 | …), and a "金额单位：…" cell there must agree with 基本信息.
/// </summary>
public sealed class AccountsGridReader
{
    private readonly List<Violation> _violations = [];
    private AmountPrecision _precision = AmountPrecision.Yuan;

    private void Error(string where, string message) => _violations.Add(new Violation(where, message));

    /// <param name="path">the workbook or folder, for the exception</param>
    /// <param name="tables">the grid of every table by ID; null when the sheet or file is missing</param>
    /// <param name="transfers">the 内部往来 grid; null when there is none (no internal transfers)</param>
    public static FinalAccounts Read(string path, Grid? info, IReadOnlyDictionary<string, Grid?> tables, Grid? explanations, Grid? transfers,
        string narrative, string missingInfo, Func<TableLayout, string> missingTable)
    {
        var reader = new AccountsGridReader();
        foreach (var grid in new[] { info, explanations, transfers }.Concat(tables.Values))
            if (grid is not null)
                foreach (var ((row, column), message) in grid.Problems.OrderBy(p => p.Key))
                    reader.Error(grid.Where(row, column), message);
        var accounts = reader.ReadAll(info, tables, explanations, transfers, narrative, missingInfo, missingTable);
        if (reader._violations.Count > 0 || accounts is null) throw new SubmissionFileException(path, reader._violations);
        return accounts;
    }

    private FinalAccounts? ReadAll(Grid? info, IReadOnlyDictionary<string, Grid?> tableGrids, Grid? explanationGrid, Grid? transferGrid,
        string narrative, string missingInfo, Func<TableLayout, string> missingTable)
    {
        if (info is null) { Error(missingInfo, "缺少基本信息（部门编码、名称、年度、金额单位、人员、单位构成）"); return null; }
        var values = ReadInfo(info);
        string Value(string key)
        {
            if (values.TryGetValue(key, out var v) && v.Text.Length > 0) return v.Text;
            Error(values.TryGetValue(key, out var e) ? info.Where(e.Row, 1) : info.WhereAll, $"缺少「{key}」");
            return "";
        }
        int Number(string key)
        {
            var text = Value(key);
            if (text.Length == 0) return 0;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
            Error(info.Where(values[key].Row, 1), $"「{key}」应为整数，实为“{text}”");
            return 0;
        }
        var code = Value(InfoKeys.Code);
        var name = Value(InfoKeys.Name);
        var year = Number(InfoKeys.Year);
        switch (Value(InfoKeys.Unit))
        {
            case "万元": _precision = AmountPrecision.WanYuan2; break;
            case "元": _precision = AmountPrecision.Yuan; break;
            case "": break;
            case var other: Error(info.Where(values[InfoKeys.Unit].Row, 1), $"金额单位“{other}”无效：应为“万元”或“元”"); break;
        }
        var staffing = new Staffing(Number(InfoKeys.Authorized), Number(InfoKeys.Actual), Number(InfoKeys.Retired));
        Unit? self = null;
        var subordinates = new List<Unit>();
        for (var r = 1; r < info.RowCount; r++)
        {
            var key = info.Cell(r, 0);
            if (key is not (InfoKeys.Self or InfoKeys.Subordinate)) continue;
            var unit = new Unit(info.Cell(r, 1), info.Cell(r, 2), UnitTypeOf(info, r));
            if (unit.Code.Length == 0) Error(info.Where(r, 1), "缺少单位编码");
            if (unit.Name.Length == 0) Error(info.Where(r, 2), "缺少单位名称");
            if (key == InfoKeys.Subordinate) subordinates.Add(unit);
            else if (self is null) self = unit;
            else Error(info.WhereRow(r), "「本级单位」只能有一行");
        }
        if (self is null) Error(info.WhereAll, "缺少「本级单位」行（本级单位 | 单位编码 | 单位名称 | 单位类型）");

        // 补充资料: optional, but all of it when any of it is given (as in the JSON format).
        SupplementaryFigures? supplementary = null;
        if (SupplementaryKeys.Any(values.ContainsKey))
        {
            supplementary = new SupplementaryFigures { VehiclesHeld = Number(InfoKeys.VehiclesHeld) };
            foreach (var (key, printed, _) in SupplementaryFigures.Amounts)
            {
                var text = Value(printed);
                if (text.Length == 0) continue;
                if (Money.TryParse(text, _precision, out var fen, out var error)) supplementary = supplementary.With(key, fen);
                else Error(info.Where(values[printed].Row, 1), error);
            }
        }

        var tables = new Dictionary<string, Table>();
        foreach (var layout in StandardLayouts.All)
        {
            var grid = tableGrids.GetValueOrDefault(layout.Id);
            if (grid is null) Error(missingTable(layout), $"缺少 {layout.Id} {layout.Name}（无数据的表也须有表头和固定行）");
            else if (ReadTable(grid, layout) is { } table) tables[layout.Id] = table;
        }

        var explanations = new List<Explanation>();
        if (explanationGrid is not null)
        {
            CheckHeader(explanationGrid, 0, ExplanationHeader);
            for (var r = 1; r < explanationGrid.RowCount; r++)
            {
                if (explanationGrid.IsBlankRow(r)) continue;
                var e = new Explanation(explanationGrid.Cell(r, 0), explanationGrid.Cell(r, 1), explanationGrid.Rows[r].ElementAtOrDefault(2) ?? "");
                if (e.RuleId.Length == 0) Error(explanationGrid.Where(r, 0), "缺少规则编号");
                if (e.Location.Length == 0) Error(explanationGrid.Where(r, 1), "缺少位置");
                if (e.Text.Trim().Length == 0) Error(explanationGrid.Where(r, 2), "缺少说明");
                explanations.Add(e);
            }
        }
        var transfers = transferGrid is null ? [] : ReadTransfers(transferGrid);
        if (_violations.Count > 0) return null;
        var accounts = new FinalAccounts
        {
            DepartmentCode = code,
            DepartmentName = name,
            FiscalYear = year,
            Precision = _precision,
            Composition = new UnitComposition(self!, subordinates),
            Staffing = staffing,
            Tables = tables,
            Narrative = narrative,
            Explanations = explanations,
            Supplementary = supplementary,
            InternalTransfers = transfers,
        };
        _violations.AddRange(AccountsValidator.Validate(accounts));
        return _violations.Count > 0 ? null : accounts;
    }

    /// <summary>内部往来: one flow per row; the kind by its printed name or the JSON word, the amount in the accounts' unit.</summary>
    private List<InternalTransfer> ReadTransfers(Grid grid)
    {
        var transfers = new List<InternalTransfer>();
        if (!CheckHeader(grid, 0, TransferHeader)) return transfers;
        for (var r = 1; r < grid.RowCount; r++)
        {
            if (grid.IsBlankRow(r)) continue;
            var kindText = grid.Cell(r, 0);
            var kind = InternalTransfer.ParseKind(kindText);
            if (kind is null)
                Error(grid.Where(r, 0), kindText.Length == 0
                    ? "缺少往来类型"
                    : $"往来类型“{kindText}”无效：应为 上级补助收入、对附属单位补助支出、附属单位上缴收入 或 上缴上级支出");
            var counterparty = grid.Cell(r, 1);
            if (counterparty.Length == 0) Error(grid.Where(r, 1), "缺少对方单位编码");
            var amount = Amount(grid, r, TransferAmountColumn);
            var function = grid.Cell(r, 3);
            if (function.Length == 0) Error(grid.Where(r, 3), "缺少功能科目（该笔往来记在 T2/T3 的哪一行）");
            transfers.Add(new InternalTransfer(kind ?? InternalTransferKind.Unspecified, counterparty, amount, function, grid.Cell(r, 4)));
        }
        return transfers;
    }

    private Dictionary<string, (string Text, int Row)> ReadInfo(Grid info)
    {
        string[] keys = [InfoKeys.Code, InfoKeys.Name, InfoKeys.Year, InfoKeys.Unit, InfoKeys.Authorized, InfoKeys.Actual, InfoKeys.Retired,
            .. SupplementaryKeys];
        var values = new Dictionary<string, (string, int)>();
        CheckHeader(info, 0, InfoHeader[..2]);
        for (var r = 1; r < info.RowCount; r++)
        {
            if (info.IsBlankRow(r)) continue;
            var key = info.Cell(r, 0);
            if (key is InfoKeys.Self or InfoKeys.Subordinate) continue;
            if (!keys.Contains(key)) { Error(info.Where(r, 0), $"不认识的项目“{key}”（可用：{string.Join("、", keys)}、本级单位、下属单位）"); continue; }
            if (values.ContainsKey(key)) { Error(info.Where(r, 0), $"「{key}」重复"); continue; }
            values[key] = (info.Cell(r, 1), r);
        }
        return values;
    }

    private UnitType UnitTypeOf(Grid info, int r) => UnitTypes.Parse(info.Cell(r, 3)) ?? Invalid(info.Cell(r, 3));

    private UnitType Invalid(string t)
    {
        Error("单位类型", $"单位类型“{t}”无效：应为 行政、事业 或 其他");
        return UnitType.Unspecified;
    }

    private bool CheckHeader(Grid grid, int row, string[] expected)
    {
        var ok = true;
        for (var c = 0; c < expected.Length; c++)
        {
            var actual = grid.Cell(row, c);
            if (actual == expected[c]) continue;
            Error(grid.Where(row, c), $"表头应为「{expected[c]}」，实为「{actual}」（表头依次为：{string.Join(" | ", expected)}）");
            ok = false;
        }
        return ok;
    }

    private Table? ReadTable(Grid grid, TableLayout layout)
    {
        var header = -1;
        for (var r = 0; r < Math.Min(grid.RowCount, 10) && header < 0; r++)
            if (grid.Cell(r, 0) == CodeHeader) header = r;
        if (header < 0)
        {
            Error(grid.WhereAll, $"找不到表头行（第一列为「{CodeHeader}」，依次为：{string.Join(" | ", TableHeader(layout))}）");
            return null;
        }
        for (var r = 0; r < header; r++)
            for (var c = 0; c < (grid.Rows[r]?.Length ?? 0); c++)
            {
                var text = grid.Cell(r, c);
                var i = text.IndexOf(UnitPrefix, StringComparison.Ordinal);
                if (i < 0) continue;
                var unit = text[(i + UnitPrefix.Length)..].Trim();
                if (unit != Money.UnitName(_precision))
                    Error(grid.Where(r, c), $"本表金额单位为“{unit}”，与基本信息的“{Money.UnitName(_precision)}”不一致");
            }
        if (!CheckHeader(grid, header, TableHeader(layout))) return null;

        var fixedRows = new Dictionary<string, long[]>();
        var rows = new List<TableRow>();
        for (var r = header + 1; r < grid.RowCount; r++)
        {
            if (grid.IsBlankRow(r)) continue;
            var code = grid.Cell(r, 0);
            var name = grid.Cell(r, 1);
            var values = new long[layout.Columns.Count];
            for (var c = 0; c < values.Length; c++) values[c] = Amount(grid, r, c + 2);
            if (code.Length > 0)
            {
                if (!layout.HasCodedRows) { Error(grid.Where(r, 0), $"{layout.Id} {layout.Name}没有科目编码行：只有固定行（{string.Join("、", layout.FixedRows.Select(f => f.Name))}）"); continue; }
                if (name.Length == 0) Error(grid.Where(r, 1), $"科目 {code} 缺少科目名称");
                rows.Add(new TableRow(code, name, values));
                continue;
            }
            var fixedRow = layout.FixedRows.FirstOrDefault(f => f.Name == name);
            if (fixedRow is null)
            {
                Error(grid.Where(r, name.Length == 0 ? 0 : 1), name.Length == 0
                    ? "缺少科目编码（科目行须有编码；固定行的科目名称须为：" + string.Join("、", layout.FixedRows.Select(f => f.Name)) + "）"
                    : $"不认识的行「{name}」：没有科目编码的行应为固定行之一（{string.Join("、", layout.FixedRows.Select(f => f.Name))}）");
                continue;
            }
            if (!fixedRows.TryAdd(fixedRow.Key, values)) Error(grid.WhereRow(r), $"「{name}」行重复");
        }
        foreach (var f in layout.FixedRows.Where(f => !fixedRows.ContainsKey(f.Key)))
            Error(grid.WhereAll, $"缺少「{f.Name}」行");
        return new Table(layout, fixedRows, rows);
    }

    private long Amount(Grid grid, int row, int column)
    {
        if (grid.HasProblem(row, column)) return 0; // named already
        var text = grid.Cell(row, column);
        if (text.Length == 0)
        {
            Error(grid.Where(row, column), "金额为空：每个金额单元格都须填写，没有金额请填 0");
            return 0;
        }
        if (!Money.TryParse(text, _precision, out var fen, out var error)) { Error(grid.Where(row, column), error); return 0; }
        if (fen < 0) Error(grid.Where(row, column), $"金额 {text} 为负：决算表金额不能为负");
        return fen;
    }
}
