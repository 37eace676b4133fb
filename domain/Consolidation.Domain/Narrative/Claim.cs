namespace Consolidation.Domain.Narrative;

/// <summary>What a number in the narrative is.</summary>
public enum ClaimKind
{
    /// <summary>An amount of money (万元 or 元), held in 分.</summary>
    Amount,
    /// <summary>A percentage, held in ten-thousandths of a percent (12.84% = 128,400).</summary>
    Percent,
    /// <summary>A count: 辆, 人, 人次, 名, 个, 台（套）.</summary>
    Count,
    /// <summary>Another quantity with a unit (万标箱 …): never in the tables.</summary>
    Quantity,
}

/// <summary>What a number says about its subject, read from the words just before it.</summary>
public enum ClaimRole
{
    /// <summary>A plain figure: "收入合计886.82万元", "年初预算为366.09万元", "车辆1辆".</summary>
    Figure,
    /// <summary>A share: "占89.26%", "占本年支出合计的85.87%".</summary>
    Share,
    /// <summary>Budget completion: "完成年初预算的103.53%".</summary>
    Completion,
    /// <summary>An amount of change: "减少367.99万元", "比年初预算数增加6.85万元".</summary>
    Change,
    /// <summary>A rate of change: "减少27.93%", "同比下降5%", "增长10.49%".</summary>
    Rate,
}

/// <summary>What a change is measured against.</summary>
public enum ChangeBase
{
    None,
    /// <summary>与上年相比, 比上年, 较上年, 同比.</summary>
    LastYear,
    /// <summary>比年初预算数.</summary>
    Budget,
}

/// <summary>
/// One numeric claim of the narrative: the number as printed, its value (分 for amounts, 10⁻⁴ % for percentages, units
/// for counts), the decimals printed, its role, the sign of a change (+1 增加/增长, −1 减少/下降), its position (offset
/// in the narrative) and the sentence it stands in. <see cref="Subject"/> is the text between the previous number of the
/// sentence and this one; <see cref="Denominator"/> the words after 占 of a share.
/// </summary>
public sealed record Claim(
    ClaimKind Kind,
    string Printed,
    string Unit,
    long Value,
    int Decimals,
    ClaimRole Role,
    int Sign,
    ChangeBase Base,
    int Start,
    string Subject,
    string Denominator,
    NarrativeSentence Sentence)
{
    public int End => Start + Printed.Length;

    /// <summary>The rounding of the printed number: half a unit of its last printed decimal, in 分 (amounts only).</summary>
    public long HalfStep => Kind != ClaimKind.Amount ? 0
        : Unit == "元" ? (Decimals >= 2 ? 0 : 50)
        : Decimals >= 6 ? 0 : 5 * Pow10(5 - Math.Max(Decimals, 2));

    internal static long Pow10(int n)
    {
        long r = 1;
        for (var i = 0; i < n; i++) r *= 10;
        return r;
    }
}

/// <summary>A direction word: "决算数大于年初预算数" (+1), "小于" (−1), "等于" (0); or "与上年一致，无增减变动" (0, last year).</summary>
public sealed record DirectionPhrase(string Printed, int Sign, ChangeBase Base, int Start, NarrativeSentence Sentence);
