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
