using Consolidation.Domain.Model;

namespace Consolidation.Tests.Domain;

public class MoneyTests
{
    [Theory]
    [InlineData("791.59", AmountPrecision.WanYuan2, 7_915_900_00L)]
    [InlineData("0", AmountPrecision.WanYuan2, 0L)]
    [InlineData("0.5", AmountPrecision.WanYuan2, 500_000L)]
    [InlineData("12345.67", AmountPrecision.Yuan, 1_234_567L)]
    [InlineData("7", AmountPrecision.Yuan, 700L)]
    [InlineData("-3.10", AmountPrecision.Yuan, -310L)]
    public void Parse_DecimalText_GivesExactFen(string text, AmountPrecision precision, long fen)
    {
        Assert.True(Money.TryParse(text, precision, out var parsed, out var error), error);
        Assert.Equal(fen, parsed);
    }

    [Theory]
    [InlineData("1.234", "小数位数过多")]
    [InlineData("1e3", "不是金额")]
    [InlineData("1,000.00", "不是金额")]
    [InlineData("abc", "不是金额")]
    [InlineData("", "金额为空")]
    [InlineData("1.", "不是金额")]
    [InlineData("99999999999999999999", "超出金额上限")]
    public void Parse_BadText_SaysWhatIsWrong(string text, string expected)
    {
        Assert.False(Money.TryParse(text, AmountPrecision.WanYuan2, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Theory]
    [InlineData("1000000000.00", AmountPrecision.WanYuan2, true)]     // 10^9 万元 = the ceiling of 10^15 分 exactly
    [InlineData("1000000000.01", AmountPrecision.WanYuan2, false)]
    [InlineData("10000000000000.00", AmountPrecision.Yuan, true)]     // 10^13 元 = 10^15 分
    [InlineData("10000000000000.01", AmountPrecision.Yuan, false)]
    public void Parse_AtTheCeiling_TakesItAndRefusesOneFenMore(string text, AmountPrecision precision, bool fits)
    {
        Assert.Equal(fits, Money.TryParse(text, precision, out var fen, out var error));
        if (fits) Assert.Equal(Money.MaxAbsoluteFen, fen);
        else Assert.Contains("超出金额上限", error);
    }

    [Theory]
    [InlineData("791.59", 7_915_900_00L)]
    [InlineData(" 0.5 ", 500_000L)]
    public void Parse_Utf8_EqualsParsingText(string text, long fen)
    {
        Assert.True(Money.TryParse(System.Text.Encoding.UTF8.GetBytes(text), AmountPrecision.WanYuan2, out var parsed, out var error), error);
        Assert.Equal(fen, parsed);
        Assert.False(Money.TryParse("1.2.3"u8, AmountPrecision.WanYuan2, out _, out var bad));
        Assert.Contains("“1.2.3”不是金额", bad);
    }

    [Theory]
    [InlineData(7_915_900_00L, "791.59")]
    [InlineData(5_000L, "0.01")]     // 0.005 万元 rounds half away from zero
    [InlineData(4_999L, "0.00")]
    [InlineData(-5_000L, "-0.01")]
    [InlineData(15_000L, "0.02")]    // not banker's rounding (which would give 0.02 here and 0.02 for 25_000)
    [InlineData(25_000L, "0.03")]
    public void FormatWanYuan_RoundsOnceHalfAwayFromZero(long fen, string expected) =>
        Assert.Equal(expected, Money.FormatWanYuan(fen));

    [Fact]
    public void FormatYuan_ShowsFen() => Assert.Equal("12345.67", Money.Format(1_234_567, AmountPrecision.Yuan));

    [Theory]
    [InlineData(101_64L, 791_59L, "12.84%")]
    [InlineData(791_59L, 886_82L, "89.26%")]
    [InlineData(1L, 3L, "33.33%")]
    [InlineData(2L, 3L, "66.67%")]
    [InlineData(0L, 0L, "—")]
    public void Percent_IsRecomputedFromIntegers(long part, long whole, string expected) =>
        Assert.Equal(expected, Money.Percent(part, whole));
}
