using Consolidation.Domain.Rules;

namespace Consolidation.Domain.Narrative;

/// <summary>
/// A figure of the accounts a claim can be compared with: a table cell (its location, its value in 分) and the rounding
/// it was printed with (half a step of 0.01 万元 when the accounts are in 万元; 0 in 元).
/// </summary>
public sealed record Figure(CellLocation Location, long Value, long HalfStep);

/// <summary>
/// What a claim speaks of: 收支总计, 财政拨款收入, a 类 or 项 of T5, 人员经费, a 三公 part, 政府采购总额 … with its
/// actual figure (决算数) and budget figure (年初预算数) in the tables when there are such cells, and the same cell of
/// last year's accepted accounts when on file. An entity without figures is known only from the narrative (政府采购,
/// 车辆): its claims are checked against each other.
/// </summary>
public sealed record Entity(string Key, string Name, Figure? Actual = null, Figure? Budget = null, Figure? LastActual = null)
{
    /// <summary>全年预算数 (the adjusted budget) where the submission gives it (<c>fullYearBudgets</c>): no table prints it.</summary>
    public Figure? FullYearBudget { get; init; }
}
