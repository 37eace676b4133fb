using Consolidation.Domain.Checking;
using Consolidation.Domain.Narrative;
using Consolidation.Domain.Rules;
using Consolidation.Tests.Support;

namespace Consolidation.Tests.Domain.Narrative;

/// <summary>Whatever a department writes, reading and checking it never throws: cut, shuffled and odd narratives.</summary>
public class NarrativeRobustnessTests
{
    [Theory]
    [InlineData("一、是是")]                      // a doubled word in a heading
    [InlineData("是是，，")]                      // before any section
    [InlineData("占")]
    [InlineData("占12.5%")]                       // a share of nothing
    [InlineData("五、一般公共预算财政拨款支出决算情况说明\n完成年初预算的100%")]
    [InlineData("与上年相比，减少5万元，减少10%")]
    [InlineData("999999999999999999999万元，0.0000001%，1.5辆")]
    [InlineData("\r\n\r\n（一）\n1、\n十四、\n")]
    [InlineData("支出５万元，增长１２.５%，减少٣٤万元")]  // full-width and Arabic-Indic digits (\d matches them; long.Parse did not)
    public void OddNarrative_IsCheckedWithoutThrowing(string narrative)
    {
        var result = AccountsChecker.Standard.Check(Accounts.Consistent() with { Narrative = narrative });
        Assert.All(result.Findings.Where(f => f.Category == RuleCategory.Narrative), f => Assert.False(string.IsNullOrEmpty(f.Message)));
    }

    [Fact]
    public void EveryCutOfTheSeedNarrative_IsCheckedWithoutThrowing()
    {
        var text = Accounts.Seed().Narrative;
        var random = new Random(20231231);
        for (var i = 0; i < 120; i++)
        {
            var start = random.Next(text.Length);
            var length = random.Next(text.Length - start);
            var cut = text.Substring(start, length);
            var analysis = NarrativeAnalysis.Of(new CheckContext(Accounts.Consistent() with { Narrative = cut }, Accounts.Consistent()));
            Assert.Equal(analysis.Document.Claims.Count, analysis.Checked.Count + analysis.AwaitingLastYear.Count + analysis.Untied.Count());
        }
    }
}
