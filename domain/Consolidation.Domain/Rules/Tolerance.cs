using Consolidation.Domain.Model;

namespace Consolidation.Domain.Rules;

/// <summary>
/// Rounding tolerance from the declared precision (reference section 4). In 元 the books are exact: tolerance 0.
/// In 万元 to two decimals each printed cell is rounded on its own, so a total may differ from the sum of its n printed
/// parts by at most n × 0.005 万元 (n × 5,000 分) — no more, no less.
/// </summary>
public static class Tolerance
{
    /// <summary>For an identity Σ lhs = Σ rhs over <paramref name="terms"/> printed cells in all, the parts are terms − 1.</summary>
    public static long ForIdentity(AmountPrecision precision, int terms) => Math.Max(terms - 1, 1) * Money.HalfStep(precision);

    /// <summary>
    /// The printed cells an identity's tolerance counts: those not 0, and one more when some are printed 0.00. A 0.00 cell
    /// stands for [0, 0.005 万元): all of an identity's zero cells together are taken to hide at most one such remainder
    /// (a sum under 50 元), however many there are — so a correct department is never refused for one tiny line, and a
    /// table of many empty rows does not widen its tolerance until a real gap hides in it.
    /// </summary>
    public static int Cells(int nonZero, bool someZero) => nonZero + (someZero ? 1 : 0);

    /// <summary>A tolerance as it is, not rounded for display: 5,000 分 in 万元 is "0.005", 30,000 分 is "0.03".</summary>
    public static string Format(long tolerance, AmountPrecision precision)
    {
        if (precision != AmountPrecision.WanYuan2 || tolerance % 10_000 == 0) return Money.Format(tolerance, precision);
        var thousandths = tolerance / 1_000; // tolerances in 万元 are multiples of 5,000 分 = 0.005 万元
        return $"{thousandths / 1_000}.{thousandths % 1_000:000}";
    }
}
