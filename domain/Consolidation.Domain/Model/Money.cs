using System.Globalization;
using System.Numerics;

namespace Consolidation.Domain.Model;

/// <summary>The precision a department published its amounts in (金额单位).</summary>
public enum AmountPrecision
{
    /// <summary>元 to the 分: the department's books. Checks are exact.</summary>
    Yuan = 1,
    /// <summary>万元 to two decimals, as the public tables print them: every amount is a multiple of 10,000 分.</summary>
    WanYuan2 = 2,
}

/// <summary>
/// Money is a count of 分 in a <see cref="long"/>. This class parses decimal text into 分 and formats 分 for display,
/// rounding once, half away from zero (四舍五入). No floating point anywhere.
/// </summary>
public static class Money
{
    public const long FenPerYuan = 100;
    public const long FenPerWanYuan = 1_000_000;

    /// <summary>The largest amount a cell may hold: 10^15 分 (10 万亿元), far above any city's budget, far below overflow of sums.</summary>
    public const long MaxAbsoluteFen = 1_000_000_000_000_000;

    /// <summary>The smallest step an amount can take in this precision (1 分, or 0.01 万元 = 10,000 分).</summary>
    public static long Granularity(AmountPrecision precision) => precision == AmountPrecision.WanYuan2 ? 10_000 : 1;

    /// <summary>Half the granularity: the rounding error of one printed cell (0.005 万元 = 5,000 分; 0 for 元).</summary>
    public static long HalfStep(AmountPrecision precision) => precision == AmountPrecision.WanYuan2 ? 5_000 : 0;

    public static string UnitName(AmountPrecision precision) => precision == AmountPrecision.WanYuan2 ? "万元" : "元";

    /// <summary>
    /// Parses a plain decimal number written in the unit of <paramref name="precision"/> ("791.59" 万元, "12345.67" 元)
    /// into 分. Refuses more decimals than the precision allows, exponents, thousands separators and anything else.
    /// </summary>
    public static bool TryParse(string text, AmountPrecision precision, out long fen, out string error) =>
        TryParse(text.AsSpan(), precision, out fen, out error);

    /// <inheritdoc cref="TryParse(string, AmountPrecision, out long, out string)"/>
    /// <remarks>Span-based and allocation-free on success: a submission file has a thousand and more amounts.</remarks>
    public static bool TryParse(ReadOnlySpan<char> text, AmountPrecision precision, out long fen, out string error)
    {
        fen = 0;
        error = "";
        var s = text.Trim();
        if (s.Length == 0) { error = "金额为空"; return false; }
        var negative = false;
        if (s[0] is '-' or '+') { negative = s[0] == '-'; s = s[1..]; }
        var dot = s.IndexOf('.');
        var whole = dot < 0 ? s : s[..dot];
        var frac = dot < 0 ? [] : s[(dot + 1)..];
        if (whole.Length == 0 || whole.ContainsAnyExceptInRange('0', '9') || frac.ContainsAnyExceptInRange('0', '9') || (dot >= 0 && frac.Length == 0))
        {
            error = $"“{text}”不是金额（应为十进制数字，如 791.59）";
            return false;
        }
        if (frac.Length > 2)
        {
            error = $"“{text}”小数位数过多：金额单位为{UnitName(precision)}时最多两位小数";
            return false;
        }
        // The number in hundredths of the unit, then scaled to 分; anything above the ceiling stops the count early.
        var unitPerHundredth = (precision == AmountPrecision.WanYuan2 ? FenPerWanYuan : FenPerYuan) / 100;
        var ceiling = MaxAbsoluteFen / unitPerHundredth;
        long hundredths = 0;
        foreach (var c in whole)
        {
            hundredths = hundredths * 10 + (c - '0');
            if (hundredths > ceiling) { error = $"“{text}”超出金额上限"; return false; }
        }
        for (var i = 0; i < 2; i++)
        {
            hundredths = hundredths * 10 + (i < frac.Length ? frac[i] - '0' : 0);
            if (hundredths > ceiling) { error = $"“{text}”超出金额上限"; return false; }
        }
        fen = hundredths * unitPerHundredth * (negative ? -1 : 1);
        return true;
    }

    /// <summary>Parses an amount written in UTF-8 (a JSON number's raw text) without making a string of it.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, AmountPrecision precision, out long fen, out string error)
    {
        Span<char> chars = stackalloc char[64];
        if (utf8.Length > chars.Length) return TryParse(System.Text.Encoding.UTF8.GetString(utf8), precision, out fen, out error);
        for (var i = 0; i < utf8.Length; i++) chars[i] = (char)utf8[i]; // a JSON number is ASCII
        return TryParse(chars[..utf8.Length], precision, out fen, out error);
    }

    /// <summary>Formats 分 in the unit of <paramref name="precision"/> with two decimals, rounding half away from zero.</summary>
    public static string Format(long fen, AmountPrecision precision)
    {
        if (precision == AmountPrecision.Yuan) return FormatScaled(fen, 100);
        return FormatScaled(RoundHalfAwayFromZero(fen, 10_000), 1_000_000);
    }

    /// <summary>Formats 分 as 万元 with two decimals (the public tables' unit), rounding half away from zero.</summary>
    public static string FormatWanYuan(long fen) => Format(fen, AmountPrecision.WanYuan2);

    /// <summary>Rounds <paramref name="fen"/> to a multiple of <paramref name="step"/>, half away from zero.</summary>
    public static long RoundHalfAwayFromZero(long fen, long step)
    {
        var q = Math.DivRem(Math.Abs(fen), step, out var r);
        if (r * 2 >= step) q++;
        return Math.Sign(fen) * q * step;
    }

    private static string FormatScaled(long fen, long unitFen)
    {
        // fen is already a multiple of unitFen / 100, so two decimals are exact.
        var abs = Math.Abs(fen);
        var whole = abs / unitFen;
        var cents = abs % unitFen / (unitFen / 100);
        return (fen < 0 ? "-" : "") + whole.ToString(CultureInfo.InvariantCulture) + "." + cents.ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>A ratio in percent to two decimals (half away from zero), from integers: 12.84 for 101.64 / 791.59.</summary>
    public static string Percent(long part, long whole)
    {
        if (whole == 0) return "—";
        var basisPoints = RoundDivide((BigInteger)part * 10_000, whole);
        var abs = BigInteger.Abs(basisPoints);
        return (basisPoints < 0 ? "-" : "") + (abs / 100).ToString(CultureInfo.InvariantCulture) + "." + ((int)(abs % 100)).ToString("00", CultureInfo.InvariantCulture) + "%";
    }

    private static BigInteger RoundDivide(BigInteger numerator, BigInteger denominator)
    {
        var q = BigInteger.DivRem(BigInteger.Abs(numerator), BigInteger.Abs(denominator), out var r);
        if (r * 2 >= BigInteger.Abs(denominator)) q++;
        return (numerator.Sign * denominator.Sign) < 0 ? -q : q;
    }
}
