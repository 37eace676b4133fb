using System.Text.RegularExpressions;
using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;

namespace Consolidation.Domain.Validation;

/// <summary>One reason a submission is malformed: the field (a path such as "tables.T2.rows[3].fiscal") and what is wrong.</summary>
public sealed record Violation(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>
/// What makes a submission malformed rather than wrong: it cannot be checked or stored as it is. Such a request is
/// refused whole (nothing stored); arithmetic and plausibility are the rules' business, reported as findings.
/// </summary>
public static partial class AccountsValidator
{
    /// <summary>预算单位编码: 6 to 12 ASCII digits (not full-width or other Unicode digits; \z: no trailing newline).</summary>
    [GeneratedRegex(@"^[0-9]{6,12}\z")]
    public static partial Regex DepartmentCodePattern();

    public const int MinFiscalYear = 2000;
    public const int MaxFiscalYear = 2100;
    public const int MaxNarrativeChars = InputLimits.MaxNarrativeChars;

    /// <summary>The most problems one reply lists.</summary>
    public const int MaxViolations = 200;

    public static IReadOnlyList<Violation> Validate(FinalAccounts accounts)
    {
        var v = new List<Violation>();
        if (!DepartmentCodePattern().IsMatch(accounts.DepartmentCode))
            v.Add(new("department.code", $"预算单位编码“{Excerpt(accounts.DepartmentCode)}”格式不对：应为 6 至 12 位数字（半角 0–9）"));
        ValidateName(accounts.DepartmentName, "department.name", "单位名称", v);
        if (accounts.FiscalYear is < MinFiscalYear or > MaxFiscalYear)
            v.Add(new("fiscalYear", $"决算年度 {accounts.FiscalYear} 不在 {MinFiscalYear}–{MaxFiscalYear} 之间"));
        if (accounts.Template.Length > InputLimits.MaxTemplateChars)
            v.Add(new("template", $"公开模板编号超过 {InputLimits.MaxTemplateChars} 个字符"));
        else if (accounts.Template.Length > 0 && Templates.TemplateCatalogue.Default.Find(accounts.Template) is null)
            v.Add(new("template", $"未知的公开模板“{Excerpt(accounts.Template)}”：可用 {Templates.TemplateCatalogue.Default.Ids}"));
        if (!Enum.IsDefined(accounts.Precision))
            v.Add(new("unit", "未声明金额单位（元 或 万元）"));
        ValidateUnit(accounts.Composition.Self, "composition.self", v);
        if (accounts.Composition.Subordinates.Count > InputLimits.MaxSubordinates)
            v.Add(new("composition.subordinates", $"下属单位超过 {InputLimits.MaxSubordinates} 个"));
        else for (var i = 0; i < accounts.Composition.Subordinates.Count; i++)
            ValidateUnit(accounts.Composition.Subordinates[i], $"composition.subordinates[{i}]", v);
        if (accounts.Staffing.Authorized < 0 || accounts.Staffing.Actual < 0 || accounts.Staffing.Retired < 0)
            v.Add(new("staffing", "人数不能为负"));
        else if (accounts.Staffing.Authorized > InputLimits.MaxHeadcount || accounts.Staffing.Actual > InputLimits.MaxHeadcount || accounts.Staffing.Retired > InputLimits.MaxHeadcount)
            v.Add(new("staffing", $"人数超出上限 {InputLimits.MaxHeadcount}"));
        if (accounts.Narrative.Length > MaxNarrativeChars)
            v.Add(new("narrative", $"情况说明超过 {MaxNarrativeChars} 字"));
        if (accounts.Explanations.Count > InputLimits.MaxExplanations)
            v.Add(new("explanations", $"出错说明超过 {InputLimits.MaxExplanations} 条"));
        else for (var i = 0; i < accounts.Explanations.Count; i++)
        {
            var e = accounts.Explanations[i];
            if (string.IsNullOrWhiteSpace(e.RuleId) || string.IsNullOrWhiteSpace(e.Location) || string.IsNullOrWhiteSpace(e.Text))
                v.Add(new($"explanations[{i}]", "出错说明须写明规则编号（ruleId）、位置（location）和说明文字（text）"));
            else if (e.RuleId.Length > InputLimits.MaxRuleIdChars || InputLimits.HasControl(e.RuleId))
                v.Add(new($"explanations[{i}].ruleId", $"规则编号超过 {InputLimits.MaxRuleIdChars} 个字符或含控制字符"));
            else if (e.Location.Length > InputLimits.MaxLocationChars || InputLimits.HasControl(e.Location))
                v.Add(new($"explanations[{i}].location", $"位置超过 {InputLimits.MaxLocationChars} 个字符或含控制字符"));
            else if (e.Text.Length > InputLimits.MaxExplanationChars)
                v.Add(new($"explanations[{i}].text", $"说明文字超过 {InputLimits.MaxExplanationChars} 字"));
        }
        if (accounts.Supplementary is { } sup)
        {
            if (sup.VehiclesHeld < 0) v.Add(new("supplementary.vehiclesHeld", "公务用车保有量不能为负"));
            else if (sup.VehiclesHeld > InputLimits.MaxHeadcount) v.Add(new("supplementary.vehiclesHeld", "公务用车保有量超出上限"));
            var step = Money.Granularity(accounts.Precision);
            foreach (var (key, name, get) in SupplementaryFigures.Amounts)
            {
                var fen = get(sup);
                if (fen < 0) v.Add(new($"supplementary.{key}", $"补充资料「{name}」金额为负：金额不能为负"));
                else if (fen > InputLimits.MaxAmountFen) v.Add(new($"supplementary.{key}", $"补充资料「{name}」金额超出上限"));
                else if (fen % step != 0) v.Add(new($"supplementary.{key}", $"补充资料「{name}」金额不是 0.01 万元的整数倍，与声明的金额单位不符"));
            }
        }
        ValidateTransfers(accounts, v);
        ValidateTableNotes(accounts, v);
        ValidateFullYearBudgets(accounts, v);
        foreach (var layout in StandardLayouts.All)
        {
            if (!accounts.Tables.TryGetValue(layout.Id, out var table))
            {
                v.Add(new($"tables.{layout.Id}", $"缺少 {layout.Id} {layout.Name}（无数据的表也须报送，金额填 0）"));
                continue;
            }
            ValidateTable(table, accounts.Precision, v);
        }
        // A reply names at most this many problems (a hostile request could otherwise have a million of them).
        if (v.Count > MaxViolations)
        {
            var more = v.Count - MaxViolations;
            v.RemoveRange(MaxViolations, more);
            v.Add(new("(more)", $"另有 {more} 处问题未列出"));
        }
        return v;
    }

    /// <summary>内部往来: a known kind, a counterparty code, a non-negative amount of the precision, a function 项, a unit of the submission.</summary>
    private static void ValidateTransfers(FinalAccounts accounts, List<Violation> v)
    {
        var units = new HashSet<string>(accounts.Composition.Subordinates.Select(u => u.Code)) { accounts.DepartmentCode, accounts.Composition.Self.Code };
        var step = Money.Granularity(Enum.IsDefined(accounts.Precision) ? accounts.Precision : AmountPrecision.Yuan);
        if (accounts.InternalTransfers.Count > InputLimits.MaxInternalTransfers)
        {
            v.Add(new("internalTransfers", $"内部往来超过 {InputLimits.MaxInternalTransfers} 笔"));
            return;
        }
        for (var i = 0; i < accounts.InternalTransfers.Count; i++)
        {
            var t = accounts.InternalTransfers[i];
            var p = $"internalTransfers[{i}]";
            if (!Enum.IsDefined(t.Kind) || t.Kind == InternalTransferKind.Unspecified)
                v.Add(new($"{p}.kind", "往来类型无效：应为 superiorSubsidy、subsidyToSubsidiaries、subsidiaryRemittance 或 remittanceToSuperior"));
            if (!DepartmentCodePattern().IsMatch(t.CounterpartyCode))
                v.Add(new($"{p}.counterparty", $"对方单位编码“{Excerpt(t.CounterpartyCode)}”格式不对：应为 6 至 12 位数字"));
            if (t.Amount < 0 || t.Amount > InputLimits.MaxAmountFen)
                v.Add(new($"{p}.amount", "往来金额不能为负或超出上限"));
            else if (t.Amount % step != 0)
                v.Add(new($"{p}.amount", $"往来金额须为{Money.UnitName(accounts.Precision)}两位小数"));
            if (t.FunctionCode.Length != 7 || !t.FunctionCode.All(char.IsAsciiDigit))
                v.Add(new($"{p}.functionCode", $"功能科目“{Excerpt(t.FunctionCode)}”应为 7 位项级编码（该笔往来记在 T2/T3 的哪一行）"));
            if (t.UnitCode.Length > 0 && !units.Contains(t.UnitCode))
                v.Add(new($"{p}.unit", $"记账单位“{Excerpt(t.UnitCode)}”不是本次报送的本级或下属单位"));
            if (t.CounterpartyCode == (t.UnitCode.Length > 0 ? t.UnitCode : accounts.DepartmentCode))
                v.Add(new($"{p}.counterparty", "对方单位不能是记账单位自己"));
        }
    }

    /// <summary>The longest 表下说明 (a sentence or two; the template's are under 100 characters).</summary>
    public const int MaxTableNoteChars = 2_000;

    /// <summary>表下说明: a table of the nine, once each, with some text of bounded length.</summary>
    private static void ValidateTableNotes(FinalAccounts accounts, List<Violation> v)
    {
        if (accounts.TableNotes.Count > StandardLayouts.All.Count)
        {
            v.Add(new("tableNotes", $"表下说明超过 {StandardLayouts.All.Count} 条：每张表至多一条"));
            return;
        }
        var seen = new HashSet<string>();
        for (var i = 0; i < accounts.TableNotes.Count; i++)
        {
            var n = accounts.TableNotes[i];
            var p = $"tableNotes[{i}]";
            if (StandardLayouts.All.All(l => l.Id != n.Table))
                v.Add(new($"{p}.table", $"表下说明所属的表“{Excerpt(n.Table)}”不存在：应为 T1 至 T9"));
            else if (!seen.Add(n.Table))
                v.Add(new($"{p}.table", $"{n.Table} 的表下说明重复：每张表至多一条"));
            if (string.IsNullOrWhiteSpace(n.Text))
                v.Add(new($"{p}.text", "表下说明为空：无说明时不写"));
            else if (n.Text.Length > MaxTableNoteChars)
                v.Add(new($"{p}.text", $"表下说明超过 {MaxTableNoteChars} 字"));
        }
    }

    /// <summary>全年预算数: T5's 合计 or one of its rows, once each, an amount of the precision within the cap.</summary>
    private static void ValidateFullYearBudgets(FinalAccounts accounts, List<Violation> v)
    {
        if (accounts.FullYearBudgets.Count == 0) return;
        if (accounts.FullYearBudgets.Count > InputLimits.MaxRowsPerTable + 1)
        {
            v.Add(new("fullYearBudgets", $"全年预算数超过 {InputLimits.MaxRowsPerTable + 1} 项"));
            return;
        }
        var rows = accounts.Tables.TryGetValue("T5", out var t5) ? t5.Rows.Select(r => r.Code).ToHashSet() : [];
        var step = Money.Granularity(Enum.IsDefined(accounts.Precision) ? accounts.Precision : AmountPrecision.Yuan);
        var seen = new HashSet<string>();
        foreach (var b in accounts.FullYearBudgets)
        {
            var p = $"fullYearBudgets.{Excerpt(b.Code)}";
            if (b.Code != RowAmount.Total && !rows.Contains(b.Code))
                v.Add(new(p, $"全年预算数所属的科目“{Excerpt(b.Code)}”不在 T5 中：应为 total（合计）或 T5 所列的科目编码"));
            else if (!seen.Add(b.Code))
                v.Add(new(p, $"科目 {Excerpt(b.Code)} 的全年预算数重复"));
            if (b.Amount < 0 || b.Amount > InputLimits.MaxAmountFen)
                v.Add(new(p, "全年预算数不能为负或超出上限"));
            else if (b.Amount % step != 0)
                v.Add(new(p, $"全年预算数须为{Money.UnitName(accounts.Precision)}两位小数"));
        }
    }

    private static void ValidateUnit(Unit unit, string path, List<Violation> v)
    {
        if (!DepartmentCodePattern().IsMatch(unit.Code))
            v.Add(new($"{path}.code", $"单位编码“{Excerpt(unit.Code)}”格式不对：应为 6 至 12 位数字（半角 0–9）"));
        ValidateName(unit.Name, $"{path}.name", "单位名称", v);
    }

    /// <summary>A name: not blank, at most <see cref="InputLimits.MaxNameChars"/> characters, no control characters.</summary>
    private static void ValidateName(string name, string path, string what, List<Violation> v)
    {
        if (string.IsNullOrWhiteSpace(name)) v.Add(new(path, $"{what}为空"));
        else if (name.Length > InputLimits.MaxNameChars) v.Add(new(path, $"{what}超过 {InputLimits.MaxNameChars} 个字符"));
        else if (InputLimits.HasControl(name)) v.Add(new(path, $"{what}含控制字符（换行、制表符等）"));
    }

    private static void ValidateTable(Table table, AmountPrecision precision, List<Violation> v)
    {
        var layout = table.Layout;
        foreach (var row in layout.FixedRows)
        {
            if (!table.FixedRows.TryGetValue(row.Key, out var values))
            {
                v.Add(new($"tables.{layout.Id}.{row.Key}", $"缺少「{row.Name}」行"));
                continue;
            }
            ValidateValues(values, layout, precision, v, () => ($"tables.{layout.Id}.{row.Key}", row.Name));
        }
        if (!layout.HasCodedRows && table.Rows.Count > 0)
            v.Add(new($"tables.{layout.Id}.rows", $"{layout.Id} 没有按科目编码列示的行"));
        if (table.Rows.Count > InputLimits.MaxRowsPerTable)
        {
            v.Add(new($"tables.{layout.Id}.rows", $"{layout.Id} 超过 {InputLimits.MaxRowsPerTable} 行"));
            return;
        }
        var seen = new HashSet<string>();
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var index = i;
            string Path() => $"tables.{layout.Id}.rows[{index}]";
            if (string.IsNullOrWhiteSpace(row.Code)) v.Add(new($"{Path()}.code", "科目编码为空"));
            else if (row.Code.Length > InputLimits.MaxRowCodeChars || InputLimits.HasControl(row.Code))
                v.Add(new($"{Path()}.code", $"科目编码超过 {InputLimits.MaxRowCodeChars} 个字符或含控制字符"));
            else if (!seen.Add(row.Code)) v.Add(new($"{Path()}.code", $"科目编码 {Excerpt(row.Code)} 在 {layout.Id} 中重复出现"));
            ValidateName(row.Name, $"{Path()}.name", "科目名称", v);
            ValidateValues(row.Values, layout, precision, v, () => (Path(), $"{Excerpt(row.Code)} {Excerpt(row.Name)}"));
        }
    }

    /// <summary>
    /// The amounts of one row; <paramref name="where"/> gives the row's path and name, asked only when there is
    /// something to report (a submission has a thousand and more amounts, nearly all of them fine).
    /// </summary>
    private static void ValidateValues(long[] values, TableLayout layout, AmountPrecision precision, List<Violation> v, Func<(string Path, string RowName)> where)
    {
        if (values.Length != layout.Columns.Count)
        {
            v.Add(new(where().Path, $"应有 {layout.Columns.Count} 列，实有 {values.Length} 列"));
            return;
        }
        var step = Money.Granularity(precision);
        for (var c = 0; c < values.Length; c++)
        {
            if (values[c] >= 0 && values[c] <= InputLimits.MaxAmountFen && values[c] % step == 0) continue;
            var (path, rowName) = where();
            var field = layout.IsSingleColumn ? path : $"{path}.{layout.Columns[c].Key}";
            var what = $"「{rowName}」{(layout.IsSingleColumn ? "" : $"「{layout.Columns[c].Name}」")}";
            if (values[c] < 0)
                v.Add(new(field, $"{what}金额为负（{(values[c] == long.MinValue ? $"{long.MinValue} 分" : Money.Format(values[c], AmountPrecision.Yuan) + " 元")}）：决算表金额不能为负"));
            else if (values[c] > InputLimits.MaxAmountFen)
                v.Add(new(field, $"{what}金额超出上限"));
            else
                v.Add(new(field, $"{what}金额 {Money.Format(values[c], AmountPrecision.Yuan)} 元不是 0.01 万元的整数倍，与声明的金额单位（万元，两位小数）不符"));
        }
    }

    /// <summary>At most 40 characters of a caller's text, control characters shown as \uXXXX: for messages.</summary>
    private static string Excerpt(string text) => InputLimits.Excerpt(text);
}
