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
}
