using Consolidation.Domain.Narrative;

namespace Consolidation.Tests.Domain.Narrative;

/// <summary>The reader: sections by their headings (and variants), sentences with positions, numbers with units.</summary>
public class NarrativeReaderTests
{
    [Theory]
    [InlineData("一、收入支出决算总体情况说明", 1)]
    [InlineData("二、收入决算情况说明", 2)]
    [InlineData("三、支出决算情况说明", 3)]
    [InlineData("四、财政拨款收入支出决算总体情况说明", 4)]
    [InlineData("五、一般公共预算财政拨款支出决算情况说明", 5)]
    [InlineData("六、一般公共预算财政拨款基本支出决算情况说明", 6)]
    [InlineData("七、政府性基金预算收入支出决算情况", 7)]
    [InlineData("八、国有资本经营预算财政拨款支出决算情况", 8)]
    [InlineData("九、财政拨款三公经费支出决算情况说明", 9)]
    [InlineData("十、关于机关运行经费支出说明", 10)]
    [InlineData("十一、一般性支出情况说明", 11)]
    [InlineData("十二、关于政府采购支出说明", 12)]
    [InlineData("十三、关于国有资产占用情况说明", 13)]
    [InlineData("十四、关于2023年度预算绩效情况的说明", 14)]
    [InlineData("七、“三公”经费财政拨款支出决算情况说明", 9)] // renumbered: the words decide
    [InlineData("十五、其他重要事项的情况说明", 15)]          // unknown words: the numeral
    public void Heading_IsRecognisedByItsWords(string heading, int section)
    {
        var doc = NarrativeReader.Read(heading + "\n本部门2023年度说明内容。");
        Assert.Equal(section, Assert.Single(doc.Sentences).Section);
    }

    [Fact]
    public void Sentences_CarryTheirOffsetSubsectionAndItem()
    {
        const string text = "五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n8、商业服务业等支出（类）其他商业服务业等支出（款）其他商业服务业等支出（项）\n年初预算为0万元，支出决算为203.59万元。决算数大于年初预算数。";
        var doc = NarrativeReader.Read(text);
        var last = doc.Sentences[^1];
        Assert.Equal("决算数大于年初预算数。", last.Text);
        Assert.Equal(text.IndexOf("决算数大于", StringComparison.Ordinal), last.Start);
        Assert.Equal((5, 3, 8), (last.Section, last.Subsection, last.Item));
        Assert.Equal("五（三）第8项", last.Place);
        var claim = doc.Claims.Single(c => c.Printed == "203.59万元");
        Assert.Equal(text.IndexOf("203.59", StringComparison.Ordinal), claim.Start);
    }

    [Theory]
    [InlineData("收入合计886.82万元。", ClaimKind.Amount, 886_820_000L, "万元")]
    [InlineData("基本支出475.2万元。", ClaimKind.Amount, 475_200_000L, "万元")]
    [InlineData("收入合计8868200.37元。", ClaimKind.Amount, 886_820_037L, "元")]
    [InlineData("年初结转和结余0万；", ClaimKind.Amount, 0L, "万")]
    [InlineData("占89.26%。", ClaimKind.Percent, 892_600L, "%")]
    [InlineData("完成年初预算的100%。", ClaimKind.Percent, 1_000_000L, "%")]
    [InlineData("部门共有车辆12辆。", ClaimKind.Count, 12L, "辆")]
    [InlineData("累计157人次。", ClaimKind.Count, 157L, "人次")]
    [InlineData("项目7个。", ClaimKind.Count, 7L, "个")]
    [InlineData("设备0台（套）。", ClaimKind.Count, 0L, "台（套）")]
    public void Number_WithUnit_IsReadExactly(string sentence, ClaimKind kind, long value, string unit)
    {
        var claim = Assert.Single(NarrativeReader.Read(sentence).Claims);
        Assert.Equal((kind, value, unit), (claim.Kind, claim.Value, claim.Unit));
    }

    [Theory]
    [InlineData("单位价值100万元以上设备（不含车辆）")]         // a threshold
    [InlineData("各项数据之间可能存在0.01万元的尾数差异")]     // the rounding convention
    [InlineData("截至2023年12月31日，绩效自评得分99分")]      // dates and scores have no claim unit
    [InlineData("1、一般公共服务支出（类）")]                  // a list number
    public void NumberWithoutAClaimUnit_IsNoClaim(string sentence) =>
        Assert.Empty(NarrativeReader.Read(sentence).Claims);

    [Theory]
    [InlineData("财政拨款收入791.59万元，占89.26%", "89.26%", ClaimRole.Share, "")]
    [InlineData("财政拨款支出791.59万元，占本年支出合计的85.87%", "85.87%", ClaimRole.Share, "本年支出合计")]
    [InlineData("支出决算为379.03万元，完成年初预算的103.53%", "103.53%", ClaimRole.Completion, "")]
    [InlineData("预算完成率为96.5%", "96.5%", ClaimRole.Completion, "")]
    public void Percentage_RoleIsReadFromTheWordsBeforeIt(string sentence, string printed, ClaimRole role, string denominator)
    {
        var claim = NarrativeReader.Read(sentence).Claims.Single(c => c.Printed == printed);
        Assert.Equal(role, claim.Role);
        Assert.Equal(denominator, claim.Denominator);
    }

    [Theory]
    [InlineData("与上年相比，减少367.99万元，减少27.93%", -1, ChangeBase.LastYear)]
    [InlineData("比上年增加5.5万元，增长3.2%", 1, ChangeBase.LastYear)]
    [InlineData("较上年减少5.5万元，下降3.2%", -1, ChangeBase.LastYear)]
    [InlineData("同比下降5.5万元，下降3.2%", -1, ChangeBase.LastYear)]
    [InlineData("比年初预算数增加6.85万元，增长10.49%", 1, ChangeBase.Budget)]
    public void Change_AndRate_HaveSignAndBase(string sentence, int sign, ChangeBase changeBase)
    {
        var claims = NarrativeReader.Read(sentence).Claims;
        Assert.Equal([ClaimRole.Change, ClaimRole.Rate], claims.Select(c => c.Role));
        Assert.All(claims, c => Assert.Equal((sign, changeBase), (c.Sign, c.Base)));
    }

    [Theory]
    [InlineData("决算数大于年初预算数的主要原因是：年中预算追加。", 1)]
    [InlineData("决算数小于年初预算数的主要原因是财政未下拨该预算指标", -1)]
    [InlineData("决算数等于预算数，主要原因是我单位严格按预算执行决算", 0)]
    [InlineData("决算数高于年初预算数", 1)]
    public void DirectionPhrase_IsRead(string sentence, int sign) =>
        Assert.Equal(sign, Assert.Single(NarrativeReader.Read(sentence).Directions).Sign);
}
