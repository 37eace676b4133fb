using System.Globalization;
using System.Numerics;

namespace Consolidation.Domain.Narrative;

/// <summary>Percentages from integers: a ratio rounded half away from zero to a number of decimals, and their printing.</summary>
public static class Ratio
{
    /// <summary>part / whole in percent, rounded half away from zero to <paramref name="decimals"/> decimals, in units of 10^−decimals %.</summary>
    public static long Percent(long part, long whole, int decimals)
    {
        if (decimals is >= 0 and <= 6)
        {
            // The same in 128-bit integers: |part| × 10^8 at most is far inside their range (no heap numbers).
            var n = (Int128)part * 100 * (Int128)Claim.Pow10(decimals);
            var w = Int128.Abs(whole);
            var quotient = Int128.DivRem(Int128.Abs(n), w);
            var rounded = quotient.Remainder * 2 >= w ? quotient.Quotient + 1 : quotient.Quotient;
            return checked((long)(Int128.Sign(n) * Math.Sign(whole) < 0 ? -rounded : rounded));
        }
        var numerator = new BigInteger(part) * 100 * BigInteger.Pow(10, decimals);
        var q = BigInteger.DivRem(BigInteger.Abs(numerator), BigInteger.Abs(whole), out var r);
        if (r * 2 >= BigInteger.Abs(whole)) q++;
        return (long)((numerator.Sign * Math.Sign(whole)) < 0 ? -q : q);
    }

    /// <summary>Whether a stated percentage (10⁻⁴ %, printed with <paramref name="decimals"/> decimals) is part / whole rounded to those decimals.</summary>
    public static bool Matches(long stated, int decimals, long part, long whole)
    {
        var d = Math.Min(decimals, 4);
        return whole != 0 && Percent(part, whole, d) * Claim.Pow10(4 - d) == stated;
    }

    /// <summary>
    /// Whether a stated percentage (10⁻⁴ %, printed with <paramref name="decimals"/> decimals) can be part / whole for some
    /// values inside the printed intervals of its inputs: part ± <paramref name="partHalf"/>, whole ± <paramref name="wholeHalf"/>
    /// (half a printed unit each; 0 for exact data). The percentage itself stands for [p − ½ unit, p + ½ unit): it is
    /// inconsistent only when no such choice of inputs rounds to it (XBRL Calculations 1.1 treats every fact this way).
    /// </summary>
    public static bool Reachable(long stated, int decimals, long part, long partHalf, long whole, long wholeHalf)
    {
        if (partHalf == 0 && wholeHalf == 0) return Matches(stated, decimals, part, whole);
        var d = Math.Clamp(decimals, 0, 4);
        var half = 5 * Claim.Pow10(3 - d); // half a unit of the last printed decimal, in 10⁻⁴ %
        if (d == 4) half = 0;
        var (p, w) = (Math.Abs(part), Math.Abs(whole));
        var lowWhole = w - wholeHalf;
        if (lowWhole <= 0) return true; // the whole may be (nearly) zero: any ratio can be reached
        var maxRatio = ((Int128)p + partHalf) * 1_000_000; // × 100 % × 10⁴, over lowWhole
        var minRatio = Int128.Max(0, (Int128)p - partHalf) * 1_000_000; // over w + wholeHalf
        Int128 lower = Math.Abs(stated) - half, upper = Math.Abs(stated) + half;
        // max ≥ lower and min ≤ upper (both ends closed: a value on the boundary rounds to one side or the other).
        return maxRatio >= lower * lowWhole && minRatio <= upper * ((Int128)w + wholeHalf);
    }

    /// <summary>A percentage held in 10⁻⁴ % printed with two decimals at least: 128400 → "12.84%".</summary>
    public static string Format(long tenThousandths, int decimals = 2)
    {
        var d = Math.Clamp(decimals, 2, 4);
        var abs = Math.Abs(tenThousandths);
        var scaled = abs / Claim.Pow10(4 - d);
        var whole = scaled / Claim.Pow10(d);
        var frac = scaled % Claim.Pow10(d);
        return (tenThousandths < 0 ? "-" : "") + whole.ToString(CultureInfo.InvariantCulture) + "." +
               frac.ToString(CultureInfo.InvariantCulture).PadLeft(d, '0') + "%";
    }
}
