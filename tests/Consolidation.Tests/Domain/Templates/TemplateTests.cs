using Consolidation.Domain.Checking;
using Consolidation.Domain.Narrative;
using Consolidation.Domain.Rules;
using Consolidation.Domain.Templates;
using Consolidation.Domain.Validation;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Domain.Templates;

/// <summary>Templates are data: which cells a region's tables print, which heading words name which topic.</summary>
public class TemplateTests
{
    private static readonly TemplateCatalogue Catalogue = TemplateCatalogue.Default;

    [Fact]
    public void TheShippedTemplates_AreThere()
    {
        Assert.Equal(["hunan-2023", "national", "shanghai-2024"], Catalogue.All.Select(t => t.Id).Order(StringComparer.Ordinal));
        var shanghai = Catalogue.Find("shanghai-2024")!;
        Assert.False(shanghai.Prints("T5", "2080501", "budget"));
        Assert.False(shanghai.Prints("T6", "total", "amount"));
        Assert.True(shanghai.Prints("T6", "personnelTotal", "amount"));
        Assert.True(Catalogue.National.Prints("T5", "total", "budget"));
        // extends: Shanghai has the national heading words
        Assert.Equal(NarrativeTopic.ThreePublic, shanghai.TopicOf("七、财政拨款“三公”经费支出决算情况说明"));
        Assert.True(shanghai.Covers(2024) && shanghai.Covers(2030) && !shanghai.Covers(2023));
    }

    [Theory]
    [InlineData("name x", "缺少 template 行")]
    [InlineData("template t\nomit T5.budget", "第 2 行：omit 应为 表.行.列")]
    [InlineData("template t\nomit T5.*.nosuch", "第 2 行：T5 无「nosuch」列")]
    [InlineData("template t\nheading 三公 NoTopic", "第 2 行：heading 应为 词语 主题")]
    [InlineData("template t\nyears 2025-2020", "第 2 行：年度“2025-2020”无效")]
    [InlineData("template t\nshout 1", "第 2 行：未知的指令“shout”")]
    public void ABadTemplateFile_NamesItsLine(string text, string error)
    {
        var e = Assert.Throws<TemplateFileException>(() => TemplateCatalogue.Parse([(text, "bad.txt"), ("template national", "n.txt")]));
        Assert.Contains(e.Errors, x => x.Contains(error, StringComparison.Ordinal));
    }

    [Fact]
    public void AnUnknownParentOrNoNational_IsRefused()
    {
        Assert.Throws<TemplateFileException>(() => TemplateCatalogue.Parse([("template a\nextends b", "a.txt"), ("template national", "n.txt")]));
        Assert.Throws<TemplateFileException>(() => TemplateCatalogue.Parse([("template a", "a.txt")]));
    }

    [Fact]
    public void ASubmissionNamingAnUnknownTemplate_IsMalformed()
    {
        var v = Assert.Single(AccountsValidator.Validate(Seed() with { Template = "beijing-1999" }));
        Assert.Equal("template", v.Field);
        Assert.Contains("national", v.Message);
        Assert.Empty(AccountsValidator.Validate(Seed() with { Template = "hunan-2023" }));
    }

    [Fact]
    public void ACheckOnACellTheTemplateDoesNotPrint_IsNotRun()
    {
        // The seed's T5 合计 年初预算数 is its one table error; in a template without that column nothing checks it.
        var asShanghai = Seed() with { Template = "shanghai-2024" };
        Assert.Contains(AccountsChecker.Standard.Check(Seed()).Findings, f => f.RuleId == "BN-T5-02");
        Assert.DoesNotContain(AccountsChecker.Standard.Check(asShanghai).Findings, f => f.RuleId == "BN-T5-02");
        Assert.Equal("shanghai-2024", AccountsChecker.Standard.Check(asShanghai).Template);
    }

    [Fact]
    public void TheServersDefaultTemplate_AppliesWhenNoneIsNamed()
    {
        var checker = AccountsChecker.Standard.WithDefaultTemplate(Catalogue.Find("shanghai-2024")!);
        Assert.Equal("shanghai-2024", checker.Check(Seed()).Template);
        Assert.Equal("national", AccountsChecker.Standard.Check(Seed()).Template);
        Assert.Equal("hunan-2023", checker.Check(Seed() with { Template = "hunan-2023" }).Template);
    }

    [Theory]
    [InlineData("七、财政拨款“三公”经费支出决算情况说明", NarrativeTopic.ThreePublic, "七")]       // 上海, 湖南汨罗: 三公 at 七
    [InlineData("四、“三公”经费支出情况", NarrativeTopic.ThreePublic, "四")]                     // 广西: at 四
    [InlineData("九、国有资本经营预算财政拨款收入支出决算情况说明", NarrativeTopic.StateCapital, "九")]
    [InlineData("十、预算绩效管理情况", NarrativeTopic.Performance, "十")]
    [InlineData("五、政府采购情况", NarrativeTopic.Procurement, "五")]                             // 江西 layout
    public void ASection_IsItsTopic_AndKeepsItsPrintedNumber(string heading, NarrativeTopic topic, string printed)
    {
        var s = Assert.Single(NarrativeReader.Read(heading + "\n本部门说明内容。").Sentences);
        Assert.Equal((int)topic, s.Section);
        Assert.Equal(printed, s.Place);
    }

    [Fact]
    public void TheSubsectionsOfOtherMatters_AreTopicsOfTheirOwn()
    {
        const string text = "十一、其他重要事项的情况说明\n（一）机关运行经费支出情况\n机关运行经费支出 142.80 万元。\n（二）政府采购支出情况\n政府采购金额为 2319.21 万元。\n（三）国有资产占有使用情况说明\n共有车辆 0 辆。";
        var sentences = NarrativeReader.Read(text).Sentences;
        Assert.Equal([(int)NarrativeTopic.OperatingCost, (int)NarrativeTopic.Procurement, (int)NarrativeTopic.StateAssets], sentences.Select(s => s.Section));
        Assert.Equal(["十一（一）", "十一（二）", "十一（三）"], sentences.Select(s => s.Place));
    }

    [Fact]
    public void ALayoutWithoutParts_ItsSubsectionsCarryTheTopics()
    {
        // 重庆: 一 基本情况 / 二 决算情况说明, then (一)(二)…; 云南: 第四部分 with its own 一、二、 numbering.
        const string text = "二、决算情况说明\n（一）收入支出决算总体情况\n收支总计 100.00 万元。\n（二）“三公”经费支出情况\n“三公”经费 1.00 万元。\n第四部分 其他重要事项及相关口径情况说明\n一、机关运行经费情况\n机关运行经费 2.00 万元。";
        var sentences = NarrativeReader.Read(text).Sentences;
        Assert.Equal([(int)NarrativeTopic.Overview, (int)NarrativeTopic.ThreePublic, (int)NarrativeTopic.OperatingCost], sentences.Where(s => s.Text.Contains("万元")).Select(s => s.Section));
    }

    [Fact]
    public void AHeadingNamingNoTopic_TakesTheSeedsNumber_OnlyInTheSeedsTemplate()
    {
        const string text = "十、关于本部门的说明\n本部门说明内容。";
        Assert.Equal(0, Assert.Single(NarrativeReader.Read(text, Catalogue.National).Sentences).Section);
        Assert.Equal(10, Assert.Single(NarrativeReader.Read(text, Catalogue.Find("hunan-2023")!).Sentences).Section);
    }
}
