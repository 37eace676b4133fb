using Consolidation.Domain.Consolidation;
using Consolidation.Domain.Model;
using Consolidation.Domain.Validation;
using Consolidation.Tests.Support;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Reliability;

/// <summary>
/// What the intake accepts can be consolidated, or is refused with a clear error (issue 15): the sums are checked,
/// never wrapped. Tested at the limits: the intake's caps times the number of units that still fit, and one more.
/// </summary>
public sealed class ConsolidationLimitsTests
{
    private static IEnumerable<(SubmissionRef, FinalAccounts)> Units(int count, Func<FinalAccounts, FinalAccounts> change)
    {
        var a = change(Consistent());
        for (var i = 0; i < count; i++)
        {
            var code = $"{600000 + i}";
            yield return (new SubmissionRef(code, $"单位{i}", 1, "h"),
                a with { DepartmentCode = code, Composition = a.Composition with { Self = a.Composition.Self with { Code = code }, Subordinates = [] } });
        }
    }

    private static FinalAccounts MaxStaff(FinalAccounts a) =>
        a with { Staffing = new Staffing(InputLimits.MaxHeadcount, InputLimits.MaxHeadcount, InputLimits.MaxHeadcount) };

    [Fact]
    public void Staffing_AtTheCap_AddsUpExactly_UntilAnIntOverflows_ThenThrowsOverflow()
    {
        var fits = int.MaxValue / InputLimits.MaxHeadcount; // 2,147 units
        var totals = Consolidator.Consolidate(2023, Units(fits, MaxStaff)).Totals;
        Assert.Equal(fits * InputLimits.MaxHeadcount, totals.Staffing.Actual);
        Assert.Throws<OverflowException>(() => Consolidator.Consolidate(2023, Units(fits + 1, MaxStaff)));
    }

    [Fact]
    public void Amounts_AtTheCap_AddUpExactly_UntilALongOverflows_ThenThrowsOverflow()
    {
        FinalAccounts AtCap(FinalAccounts a) => a.WithCell("T1", "otherIncome", "amount", InputLimits.MaxAmountFen);
        var totals = Consolidator.Consolidate(2023, Units(9_000, AtCap)).Totals;
        Assert.Equal(9_000 * InputLimits.MaxAmountFen, totals.Cell("T1", "otherIncome", "amount"));
        Assert.Throws<OverflowException>(() => Consolidator.Consolidate(2023, Units(9_300, AtCap)));
    }
}
