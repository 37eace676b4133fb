namespace Consolidation.Synthetic;

/// <summary>
/// Random amounts in 分 on a grid of <see cref="Step"/> 分 (1 for 元 data, 10,000 for 万元 to two decimals). Ratios are
/// given in per mille and applied with integer arithmetic; nothing here touches floating point.
/// </summary>
internal sealed class Amounts(Random rng, long step)
{
    public long Step { get; } = step;

    /// <summary>Rounds down to the grid.</summary>
    public long Floor(long fen) => fen <= 0 ? 0 : fen / Step * Step;

    /// <summary><paramref name="total"/> × permille / 1000, rounded down to the grid.</summary>
    public long Share(long total, int permille) => Floor((long)((Int128)total * permille / 1000));

    /// <summary>A share of <paramref name="total"/> drawn between <paramref name="lo"/> and <paramref name="hi"/> per mille (inclusive).</summary>
    public long Share(long total, int lo, int hi) => Share(total, rng.Next(lo, hi + 1));

    public int Next(int lo, int hiInclusive) => rng.Next(lo, hiInclusive + 1);

    /// <summary>A random amount between <paramref name="lo"/> and <paramref name="hi"/> 分 (inclusive), rounded down to the grid.</summary>
    public long Between(long lo, long hi) => Floor(rng.NextInt64(lo, hi + 1));

    /// <summary>Adds a random tail below 1 万元 (on the grid), so that totals drawn from round sizes do not look round.</summary>
    public long WithTail(long fen) => fen + Between(0, 999_999);

    public bool Chance(int percent) => rng.Next(100) < percent;

    public int[] Weights(int n, int lo, int hi)
    {
        var w = new int[n];
        for (var i = 0; i < n; i++) w[i] = rng.Next(lo, hi + 1);
        return w;
    }

    /// <summary>
    /// Splits <paramref name="total"/> (on the grid) into parts on the grid proportional to <paramref name="weights"/>,
    /// summing to <paramref name="total"/> exactly: each part is rounded down and the remainder goes to the heaviest part.
    /// A zero weight gets zero (unless every weight is zero, when the first part takes everything).
    /// </summary>
    public long[] Split(long total, IReadOnlyList<int> weights)
    {
        if (total % Step != 0) throw new ArgumentException($"total {total} is not on the {Step}-分 grid", nameof(total));
        var parts = new long[weights.Count];
        if (parts.Length == 0) return parts;
        long sum = 0;
        foreach (var w in weights) sum += w;
        var heaviest = 0;
        for (var i = 1; i < parts.Length; i++) if (weights[i] > weights[heaviest]) heaviest = i;
        if (sum == 0) { parts[0] = total; return parts; }
        var units = total / Step;
        long given = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = (long)((Int128)units * weights[i] / sum) * Step;
            given += parts[i];
        }
        parts[heaviest] += total - given;
        return parts;
    }
}
