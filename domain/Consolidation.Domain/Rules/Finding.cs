namespace Consolidation.Domain.Rules;

/// <summary>How much a failed check weighs.</summary>
public enum Severity
{
    /// <summary>强制性: blocks acceptance.</summary>
    Mandatory = 1,
    /// <summary>提示性: accepted only with the department's written explanation (出错说明).</summary>
    Advisory = 2,
    /// <summary>信息: said, weighs nothing.</summary>
    Info = 3,
}

/// <summary>What a finding's expected, actual, difference and tolerance count: 分 (money), 0.01 percentage points, or units.</summary>
public enum FindingQuantity
{
    /// <summary>分.</summary>
    Money = 0,
    /// <summary>Basis points: 0.01 percentage point (12.84% = 1284).</summary>
    BasisPoints = 1,
    /// <summary>A count (辆, 人, 个).</summary>
    Count = 2,
    /// <summary>A rate stated where none exists (its base is 0): Actual is the stated rate in basis points; there is no expected rate.</summary>
    UndefinedRate = 3,
    /// <summary>分, Expected being the budget (预算数) and Actual the actual (决算数): an overrun or a direction word.</summary>
    BudgetMoney = 4,
}

/// <summary>The categories of the rule catalogue.</summary>
public static class RuleCategory
{
    public const string WithinTable = "表内";
    public const string BetweenTables = "表间";
    public const string AcrossYears = "跨年";
    public const string Codes = "代码";
    public const string Narrative = "文字与数据";
    public const string Completeness = "完整性";
}

/// <summary>The outcome of checking one submission.</summary>
public enum SubmissionStatus
{
    /// <summary>已接收: no 强制性 finding, every 提示性 finding explained.</summary>
    Accepted = 1,
    /// <summary>待说明: no 强制性 finding, some 提示性 finding without explanation.</summary>
    PendingExplanation = 2,
    /// <summary>不通过: at least one 强制性 finding.</summary>
    Rejected = 3,
}

/// <summary>Where a finding points: table, row key, column key, with their printed names.</summary>
public sealed record CellLocation(string Table, string Row, string Column, string TableName, string RowName, string ColumnName)
{
    /// <summary>"T5/total/budget": the text an explanation names the finding's location by.</summary>
    public string Text => $"{Table}/{Row}/{Column}";

    /// <summary>"T5 一般公共预算财政拨款支出决算表「合计」行「年初预算数」列": for people.</summary>
    public string Display => $"{Table} {TableName}「{RowName}」行「{ColumnName}」列";
}

/// <summary>
/// What a check found: rule, severity, where, what was expected, what was found, the difference and the tolerance the
/// rule applied (all in 分), and a message a finance clerk can act on.
/// </summary>
public sealed record Finding(
    string RuleId,
    Severity Severity,
    string Category,
    CellLocation Location,
    long Expected,
    long Actual,
    long Tolerance,
    string Message)
{
    /// <summary>What Expected, Actual and Tolerance count (分 unless said otherwise).</summary>
    public FindingQuantity Quantity { get; init; } = FindingQuantity.Money;

    /// <summary>actual − expected.</summary>
    public long Difference => Actual - Expected;

    /// <summary>The department's explanation (出错说明) when it gave one for this finding.</summary>
    public string? Explanation { get; init; }

    public bool Explained => Explanation is not null;

    /// <summary>
    /// The advice a 提示性 finding ends with: how the department answers it when the figure is right — an 出错说明 that
    /// names the rule and the location it is matched by (one wording for every rule).
    /// </summary>
    public static string ExplanationAdvice(string ruleId, CellLocation where, string ifRight = "如属实") =>
        $"{ifRight}，请附出错说明（规则 {ruleId}，位置 {where.Text}）。";
}
