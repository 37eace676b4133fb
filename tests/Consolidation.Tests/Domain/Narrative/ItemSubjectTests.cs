using Consolidation.Domain.Checking;
using Consolidation.Domain.Model;
using Consolidation.Domain.Rules;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Domain.Narrative;

/// <summary>
/// Issue 12 item 7: a 项's "主要用于" that names the subject of a neighbouring 项 of its 款 and not its own (text copied
/// from the item before) is 提示性 (WZ-23).
/// </summary>
public class ItemSubjectTests
{
    private static List<Finding> Subjects(FinalAccounts a) =>
        AccountsChecker.Standard.Check(a).Findings.Where(f => f.RuleId == "WZ-23").ToList();

    [Fact]
    public void TheRealPutuoDescriptions_EachNameTheirOwnSubject()
    {
        Assert.Empty(Subjects(Putuo()));
        Assert.Empty(Subjects(Seed()));
    }

    [Theory]
    [InlineData("主要用于：事业单位医疗保险支出", "主要用于：行政单位医疗保险支出", "7", "事业单位医疗", "行政")]
    [InlineData("主要用于：事业单位退休人员支出", "主要用于：行政单位退休人员支出", "2", "事业单位离退休", "行政")]
    public void ADescriptionCopiedFromTheNeighbour_IsFound_OnItsItem(string own, string copied, string item, string name, string theirs)
    {
        var putuo = Putuo();
        Assert.Contains(own, putuo.Narrative);
        var f = Assert.Single(Subjects(putuo with { Narrative = putuo.Narrative.Replace(own, copied) }));
        Assert.Equal(Severity.Advisory, f.Severity);
        Assert.Contains($"本项为“{name}”", f.Message);
        Assert.Contains($"说的是“{theirs}”", f.Message);
        Assert.EndsWith($".{item}", f.Location.Row); // S5.3.{item}: the item's place in the narrative
    }

    [Fact]
    public void ADescriptionNamingBoth_IsNotJudged()
    {
        var putuo = Putuo();
        var both = putuo.Narrative.Replace("主要用于：事业单位医疗保险支出", "主要用于：行政事业单位医疗保险支出");
        Assert.Empty(Subjects(putuo with { Narrative = both }));
    }
}
