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
/// 补充资料: figures the narrative states that no table holds — 公务用车保有量, 机关运行经费, 会议费/培训费 and 政府采购
/// (amounts in 分; the vehicle count in vehicles). Optional: older files have none.
/// </summary>
public sealed record SupplementaryFigures
{
    /// <summary>公务用车保有量（辆）: official vehicles held at year end.</summary>
    public int VehiclesHeld { get; init; }
    /// <summary>机关运行经费 年初预算数.</summary>
    public long OperatingCostBudget { get; init; }
    /// <summary>机关运行经费 决算数.</summary>
    public long OperatingCostActual { get; init; }
    /// <summary>会议费 年初预算数 / 决算数.</summary>
    public long MeetingBudget { get; init; }
    public long MeetingActual { get; init; }
    /// <summary>培训费 年初预算数 / 决算数.</summary>
    public long TrainingBudget { get; init; }
    public long TrainingActual { get; init; }
    /// <summary>政府采购支出: 货物, 工程, 服务, 总额.</summary>
    public long ProcurementGoods { get; init; }
    public long ProcurementWorks { get; init; }
    public long ProcurementServices { get; init; }
    public long ProcurementTotal { get; init; }

    /// <summary>The amounts by their key (the file format's and the contract's field name) with their printed names.</summary>
    public static IReadOnlyList<(string Key, string Name, Func<SupplementaryFigures, long> Get)> Amounts { get; } =
    [
        ("operatingCostBudget", "机关运行经费 年初预算数", s => s.OperatingCostBudget),
        ("operatingCostActual", "机关运行经费 决算数", s => s.OperatingCostActual),
        ("meetingBudget", "会议费 年初预算数", s => s.MeetingBudget),
        ("meetingActual", "会议费 决算数", s => s.MeetingActual),
        ("trainingBudget", "培训费 年初预算数", s => s.TrainingBudget),
        ("trainingActual", "培训费 决算数", s => s.TrainingActual),
        ("procurementGoods", "政府采购货物支出", s => s.ProcurementGoods),
        ("procurementWorks", "政府采购工程支出", s => s.ProcurementWorks),
        ("procurementServices", "政府采购服务支出", s => s.ProcurementServices),
        ("procurementTotal", "政府采购支出总额", s => s.ProcurementTotal),
    ];

    /// <summary>A copy with one amount set by its key.</summary>
    public SupplementaryFigures With(string key, long fen) => key switch
    {
        "operatingCostBudget" => this with { OperatingCostBudget = fen },
        "operatingCostActual" => this with { OperatingCostActual = fen },
        "meetingBudget" => this with { MeetingBudget = fen },
        "meetingActual" => this with { MeetingActual = fen },
        "trainingBudget" => this with { TrainingBudget = fen },
        "trainingActual" => this with { TrainingActual = fen },
        "procurementGoods" => this with { ProcurementGoods = fen },
        "procurementWorks" => this with { ProcurementWorks = fen },
        "procurementServices" => this with { ProcurementServices = fen },
        "procurementTotal" => this with { ProcurementTotal = fen },
        _ => throw new ArgumentException($"no supplementary amount '{key}'", nameof(key)),
    };
}

/// <summary>An amount of one row by its code; <see cref="Total"/> for the 合计 row.</summary>
public sealed record RowAmount(string Code, long Amount)
{
    public const string Total = "total";
}

/// <summary>The 说明 printed under one table ("T8": "…本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。").</summary>
public sealed record TableNote(string Table, string Text);

/// <summary>
/// 部门决算: one department's final accounts for one fiscal year — the nine public tables (amounts in 分), the narrative
/// and the metadata.
/// </summary>
public sealed record FinalAccounts
{
    public required string DepartmentCode { get; init; }
    public required string DepartmentName { get; init; }
    public required int FiscalYear { get; init; }
    /// <summary>The 公开模板 the department's documents follow (<c>shanghai-2024</c>); "" = the server's default (docs/templates.md).</summary>
    public string Template { get; init; } = "";
    public required AmountPrecision Precision { get; init; }
    public required UnitComposition Composition { get; init; }
    public required Staffing Staffing { get; init; }
    /// <summary>The nine tables by ID ("T1" … "T9"); every one is present, possibly empty.</summary>
    public required IReadOnlyDictionary<string, Table> Tables { get; init; }
    public string Narrative { get; init; } = "";
    public IReadOnlyList<Explanation> Explanations { get; init; } = [];
    /// <summary>补充资料, when the submission gives it (null in older files).</summary>
    public SupplementaryFigures? Supplementary { get; init; }
    /// <summary>内部往来: flows with other units, named so that consolidation can eliminate them (issue 5).</summary>
    public IReadOnlyList<InternalTransfer> InternalTransfers { get; init; } = [];
    /// <summary>表下说明: the 说明 printed under a table, above all an empty T7/T8/T9's 空表说明; at most one per table.</summary>
    public IReadOnlyList<TableNote> TableNotes { get; init; } = [];
    /// <summary>
    /// 全年预算数 (the adjusted budget) of T5's 合计 (<see cref="RowAmount.Total"/>) and rows, where the department has it:
    /// no table prints it; the narrative's "完成全年预算的 X%" is checked against it.
    /// </summary>
    public IReadOnlyList<RowAmount> FullYearBudgets { get; init; } = [];

    public Table this[string tableId] => Tables[tableId];

    /// <summary>The 说明 printed under a table; "" when none.</summary>
    public string NoteOf(string tableId) => TableNotes.FirstOrDefault(n => n.Table == tableId)?.Text ?? "";
}
