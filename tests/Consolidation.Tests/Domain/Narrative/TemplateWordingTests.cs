using Consolidation.Domain.Checking;
using Consolidation.Domain.Narrative;
using Consolidation.Domain.Rules;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Domain.Narrative;

/// <summary>WZ-15 … WZ-19 and the phrasings of other templates: one passing and one failing case each, on the corrected seed.</summary>
public class TemplateWordingTests
{
    private static IReadOnlyList<Finding> Findings(string narrative) =>
        AccountsChecker.Standard.Check(Consistent() with { Narrative = narrative }).Findings;

    private static IReadOnlyList<Finding> With(string wrong, string right) =>
        Findings(Consistent().Narrative.Replace(wrong, right, StringComparison.Ordinal));

    private const string Running = "本部门2023年度机关运行经费支出72.09万元，比年初预算数增加6.85万元，增长10.50%。";

    [Theory]
    [InlineData("本部门2023年度机关运行经费支出XX万元。", "XX")]
    [InlineData("本部门2023年度机关运行经费支出××万元。", "××")]
    [InlineData("本部门2023年度机关运行经费（略）。", "（略）")]
    [InlineData("本部门2023年度机关运行经费支出72.09万元，比年初预算数增加（减少）6.85万元。", "增加（减少）")]
    [InlineData("本部门2023年度机关运行经费支出72.09万元，比年初预算数增加6.85万元，增长10.50%。主要原因：", "原因")]
    public void TemplateTextLeftIn_IsAdvisory(string line, string what)
    {
        var f = Assert.Single(With(Running + "主要原因是年中预算调整。", line), x => x.RuleId == NarrativeRules.TemplateText);
        Assert.Equal(Severity.Advisory, f.Severity);
        Assert.EndsWith(what, f.Location.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void QuotedTemplateWords_AreNotLeftIn() =>
        // The seed's note 1 quotes “完成年初预算的XX%” to say why it is not written: that is not a placeholder.
        Assert.DoesNotContain(Findings(Consistent().Narrative), f => f.RuleId == NarrativeRules.TemplateText);

    [Theory]
    [InlineData("比年初预算数增加6.85万元，增长10.50。", true)]
    [InlineData("比年初预算数增加6.85万元，增长10.50%。", false)]
    [InlineData("比年初预算数增加6.85万元，增长10.50个百分点。", false)]
    public void ARateWithoutPercent_IsAdvisory(string words, bool finding)
    {
        var line = "本部门2023年度机关运行经费支出72.09万元，" + words;
        Assert.Equal(finding, With(Running, line).Any(f => f.RuleId == NarrativeRules.MissingUnit));
    }

    [Fact]
    public void TheDepartmentsName_WrittenOtherwise_IsAdvisory()
    {
        var wrong = With("本部门2023年度机关运行经费", "岳阳市政府口岸管理办公室2023年度机关运行经费");
        var f = Assert.Single(wrong, x => x.RuleId == NarrativeRules.DepartmentName);
        Assert.Contains("“岳阳市政府口岸管理办公室”", f.Message);
        Assert.DoesNotContain(With("本部门2023年度机关运行经费", "岳阳市人民政府口岸管理办公室2023年度机关运行经费"), x => x.RuleId == NarrativeRules.DepartmentName);
    }

    [Fact]
    public void AnItemListedAsSpentThatT6PrintsAsZero_IsAdvisory()
    {
        // 人员经费 主要包括 … : 奖励金 (30309) has no T6 row in the seed, 伙食补助费 (30106) has 6.00.
        var f = Assert.Single(With("住房公积金、退休费。", "住房公积金、退休费、奖励金。"), x => x.RuleId == NarrativeRules.ListedZero);
        Assert.Equal("T6/30309/amount", f.Location.Text);
        Assert.DoesNotContain(Findings(Consistent().Narrative), x => x.RuleId == NarrativeRules.ListedZero);
    }

    [Theory]
    [InlineData("2021年", true)]
    [InlineData("2022年", false)] // last year
    public void AnotherYear_IsAdvisory_ButDatesAreNot(string year, bool finding)
    {
        var line = $"本部门{year}机关运行经费支出72.09万元，比年初预算数增加6.85万元，增长10.50%。截至2021年12月31日无变化。";
        Assert.Equal(finding, With(Running, line).Any(f => f.RuleId == NarrativeRules.OtherYear));
    }

    [Theory]
    [InlineData("与上年相比")]
    [InlineData("与 2022 年度相比")]   // PDF text: blanks inside
    [InlineData("较2022年度")]
    [InlineData("比去年")]
    public void EveryPhrasingOfLastYear_IsAChangeAgainstLastYear(string phrase)
    {
        var sentence = $"2023年度收、支总计949.54万元。{phrase}，减少367.99万元，减少27.93%。";
        var doc = NarrativeReader.Read("一、收入支出决算总体情况说明\n" + sentence);
        Assert.All(doc.Claims.Where(c => c.Role is ClaimRole.Change or ClaimRole.Rate), c => Assert.Equal(ChangeBase.LastYear, c.Base));
    }

    [Theory]
    [InlineData("决算数同预算数持平。", 0)]
    [InlineData("决算数与年初预算数持平。", 0)]
    [InlineData("决算数小于预算数的主要原因：", -1)]
    public void BudgetDirections_InEveryPhrasing(string words, int sign) =>
        Assert.Equal(sign, Assert.Single(NarrativeReader.Read("年初预算为 54.53 万元，支出决算为 54.53 万元。" + words).Directions).Sign);

    [Fact]
    public void ABracketedPart_IsNotTheFigureOfTheWordsBeforeIt()
    {
        // "国内公务接待支出 2.23 万元（含外宾接待支出 0.00 万元）": 0.00 is the 外宾 part, not 公务接待费.
        var f = With("2、公务接待费支出决算为2.23万元，", "2、公务接待费支出决算为2.23万元（含外宾接待支出0.00万元），");
        Assert.DoesNotContain(f, x => x.RuleId == NarrativeRules.Amount);
    }

    private const string Procurement = "授予中小企业合同金额222.27万元，占政府采购支出总额的100%，其中：授予小微企业合同金额222.27万元，占授予中小企业合同金额的100%。";

    [Theory]
    [InlineData("100.00", "22.27", "122.27", "50.00", false)]
    [InlineData("100.00", "22.27", "130.00", "50.00", true)]   // 100.00 + 22.27 ≠ 130.00
    [InlineData("100.00", "200.00", "300.00", "50.00", true)]  // more than the 222.27 procured
    [InlineData("100.00", "22.27", "122.27", "150.00", true)]  // 小微 more than 中小
    public void SmallBusinessAwards_AddUpAndStayWithinTheTotal(string reserved, string other, string sme, string small, bool finding)
    {
        var words = $"在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额{reserved}万元；在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额{other}万元。" +
                    $"授予中小企业合同金额{sme}万元，其中：授予小微企业合同金额{small}万元。";
        var found = With(Procurement, words).Where(f => f.RuleId == NarrativeRules.SmallBusinesses).ToList();
        Assert.Equal(finding, found.Count > 0);
        Assert.All(found, f => Assert.Equal(Severity.Mandatory, f.Severity));
    }

    // Item 1 of 五（三）: 行政运行 年初预算 366.09 (T5), 决算 379.03.
    private const string Item1 = "年初预算为366.09万元，支出决算为379.03万元，完成年初预算的103.53%，决算数大于年初预算数的主要原因是：年中预算追加。";

    [Theory]
    [InlineData("全年预算为380.00万元，支出决算为379.03万元，完成全年预算的99.74%，决算数小于全年预算数的主要原因是：厉行节约。", null)]
    [InlineData("全年预算为380.00万元，支出决算为379.03万元，完成全年预算的99.00%，决算数小于全年预算数的主要原因是：厉行节约。", NarrativeRules.Completion)]
    [InlineData("全年预算为380.00万元，支出决算为379.03万元，完成全年预算的99.74%，决算数大于全年预算数的主要原因是：厉行节约。", NarrativeRules.Direction)]
    [InlineData("支出决算为379.03万元，完成全年预算380.00万元的99.74%。", null)]
    [InlineData("支出决算为379.03万元，完成全年预算380.00万元的98.74%。", NarrativeRules.Completion)]
    public void AFullYearBudget_IsNeverTheStartOfYearCell(string words, string? rule)
    {
        // 380.00 is no cell of T5 (its 年初预算数 is 366.09): it is compared with the narrative's own numbers only.
        var found = With(Item1, words).Where(f => f.Severity != Severity.Info && f.RuleId != NarrativeRules.ListedSum).Select(f => f.RuleId).ToList();
        Assert.Equal(rule is null ? [] : [rule], found);
    }

    [Theory]
    [InlineData("本部门2023年度机关运行经费支出72.09万元，比年初预算数增加6.85万元，增长10.50%。主要原因是年中预算调整。", false)]
    [InlineData("本部门2023年度机关运行经费支出72.09万元，由于年中预算调整，比年初预算数增加6.85万元，增长10.50%。", false)]
    [InlineData("本部门2023年度机关运行经费支出72.09万元，比年初预算数增加6.85万元，增长10.50%。", true)]
    public void AStatedChange_IsFollowedByItsReason(string line, bool finding)
    {
        var found = With(Running + "主要原因是年中预算调整。", line).Where(f => f.RuleId == NarrativeRules.ChangeWithoutReason).ToList();
        Assert.Equal(finding, found.Count == 1);
        Assert.All(found, f => Assert.Equal(Severity.Advisory, f.Severity));
    }

    [Theory]
    [InlineData("年初预算为10,210.34万元。", 10_210_340_000L, ClaimKind.Amount)]
    [InlineData("增长1,055.4%。", 10_554_000L, ClaimKind.Percent)]
    [InlineData("支出1,234,567.89元。", 123_456_789L, ClaimKind.Amount)]
    [InlineData("支出 9859.38 万元。", 9_859_380_000L, ClaimKind.Amount)] // PDF text: blanks around the number
    public void NumbersWithThousandsSeparatorsOrBlanks_AreReadExactly(string sentence, long value, ClaimKind kind)
    {
        var claim = Assert.Single(NarrativeReader.Read(sentence).Claims);
        Assert.Equal((kind, value), (claim.Kind, claim.Value));
    }
}
