using Consolidation.Domain.Model;

namespace Consolidation.Synthetic;

/// <summary>
/// A subordinate unit (下属单位) of a department and the function 项 its running costs are booked under (a school's in
/// 2050204 高中教育, a 疾控中心's in 2100401, a 事业 service centre's in its 款's 事业运行 …).
/// </summary>
public sealed record SubordinateProfile(Unit Unit, string BasicItem);

/// <summary>
/// What a synthetic department looks like: who it is, what it spends on, how big it is. <see cref="SyntheticAccounts"/>
/// turns a profile and a seed into a full, internally consistent set of final accounts.
/// </summary>
public sealed record DepartmentProfile
{
    /// <summary>预算单位编码 of the department (its own unit, 本级): 6 to 12 digits (the samples use 6).</summary>
    public required string Code { get; init; }
    public required string Name { get; init; }
    /// <summary>单位类型 of the department's own unit.</summary>
    public UnitType Type { get; init; } = UnitType.Administrative;

    /// <summary>The 行政运行 / 事业运行 项 of the department's own 款 (e.g. 2050101): carries its running costs.</summary>
    public required string RunningItem { get; init; }
    /// <summary>The 项 codes of its work (project spending), e.g. 2050102, 2050201 …: at least one.</summary>
    public required IReadOnlyList<string> ProjectItems { get; init; }
    /// <summary>政府性基金 项 codes it spends appropriations of the government fund budget on (T8); empty for most departments.</summary>
    public IReadOnlyList<string> GovernmentFundItems { get; init; } = [];

    /// <summary>Size: roughly the 本年支出合计 in 万元 (the generator varies it by ±5 %).</summary>
    public required long ScaleWanYuan { get; init; }
    /// <summary>编制人数 / 实有人数 / 退休人数 of all the units the accounts cover.</summary>
    public required Staffing Staffing { get; init; }
    /// <summary>元 (books, to the 分) or 万元 to two decimals (as published).</summary>
    public AmountPrecision Precision { get; init; } = AmountPrecision.WanYuan2;
    /// <summary>下属单位 the accounts cover besides the department's own unit.</summary>
    public IReadOnlyList<SubordinateProfile> Subordinates { get; init; } = [];

    /// <summary>All the function 项 codes the department spends on: running, project, the subordinates' and the fund's.</summary>
    public IEnumerable<string> FunctionItems =>
        new[] { RunningItem }.Concat(ProjectItems).Concat(Subordinates.Select(s => s.BasicItem)).Concat(GovernmentFundItems).Distinct();

    /// <summary>Whether any unit of the accounts is a 事业单位 (事业收入, 事业单位医疗, more non-fiscal money).</summary>
    public bool HasPublicInstitution => Type == UnitType.PublicInstitution || Subordinates.Any(s => s.Unit.Type == UnitType.PublicInstitution);

    /// <summary>Whether any unit of the accounts is a 行政单位.</summary>
    public bool HasAdministrativeUnit => Type == UnitType.Administrative || Subordinates.Any(s => s.Unit.Type == UnitType.Administrative);

    /// <summary>The problems that stop this profile from being generated; empty when it is usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (Code.Length is < 6 or > 12 || !Code.All(char.IsAsciiDigit)) p.Add($"code '{Code}' is not 6 to 12 digits");
        if (string.IsNullOrWhiteSpace(Name)) p.Add("name is empty");
        if (ProjectItems.Count == 0) p.Add("no project item");
        if (ScaleWanYuan <= 0) p.Add("scale must be positive");
        if (ScaleWanYuan > 10_000_000) p.Add("scale above 1,000 亿元");
        if (Staffing.Actual <= 0 || Staffing.Authorized < 0 || Staffing.Retired < 0) p.Add("staffing must have at least one actual staff member and no negative numbers");
        if (Type is not (UnitType.Administrative or UnitType.PublicInstitution)) p.Add("type must be 行政 or 事业");
        foreach (var code in FunctionItems)
        {
            if (code.Length != 7 || !code.All(char.IsAsciiDigit)) p.Add($"function item '{code}' is not a 7-digit 项 code");
            else if (!FunctionNames.IsKnown(code) || !FunctionNames.IsKnown(code[..5]) || !FunctionNames.IsKnown(code[..3]))
                p.Add($"function item '{code}' (or its 款/类) has no known name");
        }
        foreach (var code in GovernmentFundItems.Intersect(ProjectItems.Append(RunningItem).Concat(Subordinates.Select(s => s.BasicItem))))
            p.Add($"item {code} is both a general-budget and a government-fund item");
        foreach (var s in Subordinates)
            if (s.Unit.Code.Length is < 6 or > 12 || !s.Unit.Code.All(char.IsAsciiDigit) || string.IsNullOrWhiteSpace(s.Unit.Name))
                p.Add($"subordinate '{s.Unit.Code} {s.Unit.Name}' needs a code of 6 to 12 digits and a name");
        return p;
    }
}
