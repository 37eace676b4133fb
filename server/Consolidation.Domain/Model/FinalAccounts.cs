namespace Consolidation.Domain.Model;

/// <summary>单位类型.</summary>
public enum UnitType
{
    Unspecified = 0,
    Administrative = 1,       // 行政单位
    PublicInstitution = 2,    // 事业单位
    Other = 3,                // 其他
}

/// <summary>A budget unit (预算单位).</summary>
public sealed record Unit(string Code, string Name, UnitType Type);

/// <summary>决算单位构成: the department's own unit (本级) and the subordinate units (下属单位) the submission covers.</summary>
public sealed record UnitComposition(Unit Self, IReadOnlyList<Unit> Subordinates);

/// <summary>人员情况: 编制人数, 实有人数, 退休人数.</summary>
public sealed record Staffing(int Authorized, int Actual, int Retired);

/// <summary>出错说明: a department's written explanation of one 提示性 finding, matched by rule ID and location.</summary>
public sealed record Explanation(string RuleId, string Location, string Text);

/// <summary>
/// 部门决算: one department's final accounts for one fiscal year — the nine public tables (amounts in 分), the narrative
/// and the metadata.
/// </summary>
public sealed record FinalAccounts
{
    public required string DepartmentCode { get; init; }
    public required string DepartmentName { get; init; }
    public required int FiscalYear { get; init; }
    public required AmountPrecision Precision { get; init; }
    public required UnitComposition Composition { get; init; }
    public required Staffing Staffing { get; init; }
    /// <summary>The nine tables by ID ("T1" … "T9"); every one is present, possibly empty.</summary>
    public required IReadOnlyDictionary<string, Table> Tables { get; init; }
    public string Narrative { get; init; } = "";
    public IReadOnlyList<Explanation> Explanations { get; init; } = [];
    /// <summary>内部往来: flows with other units, named so that consolidation can eliminate them (issue 5).</summary>
    public IReadOnlyList<InternalTransfer> InternalTransfers { get; init; } = [];

    public Table this[string tableId] => Tables[tableId];
}
