using Consolidation.Domain.Classification;
using Consolidation.Domain.Glossary;
using Consolidation.Tests.Support;

namespace Consolidation.Tests.Domain;

/// <summary>How lookups forgive typing (width, quotes, brackets, spaces, traditional characters), aliases, codes, mentions.</summary>
public class GlossaryLookupTests
{
    internal static readonly Glossary Full = GlossaryComposer.Compose(
        GlossaryParser.ParsePart4(File.ReadAllText(Repo.SeedDocument), "seed"), 2023, ClassificationCatalogue.Default, TermAliases.Default);

    [Theory]
    [InlineData("“三公”经费", "三公经费")]
    [InlineData("\"三公\"经费", "三公经费")]
    [InlineData("＂三公＂经费", "三公经费")]
    [InlineData("‘三公’经费", "三公经费")]
    [InlineData("「三公」经费", "三公经费")]
    [InlineData(" \u3000三公经费\t", "三公经费")]
    [InlineData("维修（护）费", "维修(护)费")]
    [InlineData("维修【护】费", "维修(护)费")]
    [InlineData("维修［护］费", "维修(护)费")]
    [InlineData("三公經費", "三公经费")]
    [InlineData("機關運行經費", "机关运行经费")]
    [InlineData("ＡＢＣ１２３", "abc123")]
    public void Normalize_FoldsHowPeopleType(string typed, string normal) => Assert.Equal(normal, TermText.Normalize(typed));

    [Fact]
    public void Normalize_WithOrigin_PointsEachCharacterBackToTheText()
    {
        var key = TermText.Normalize("“三公” 經費", out var origin);
        Assert.Equal("三公经费", key);
        Assert.Equal([1, 2, 5, 6], origin);
    }

    [Theory]
    [InlineData("“三公”经费")]
    [InlineData("\"三公\"经费")]
    [InlineData("三公经费")]
    [InlineData("三公經費")]
    [InlineData("  三公经费  ")]
    public void Define_QuotesWidthSpacesAndTraditional_FindTheOneTerm(string typed) =>
        Assert.Equal("“三公”经费", Full.Define(typed)!.Name);

    [Theory]
    [InlineData("三公", "“三公”经费")]
    [InlineData("三公费用", "“三公”经费")]
    [InlineData("机关运行费", "机关运行经费")]
    [InlineData("機關運行費", "机关运行经费")]
    [InlineData("维修费", "维修(护)费")]
    [InlineData("因公出国（境）费", "因公出国（境）费用")]
    [InlineData("一般公共服务支出", "一般公共服务支出（类）")]
    [InlineData("社会保障和就业支出", "社会保障和就业支出（类）")]
    public void Define_ByAlias_FindsTheTerm_AndSaysWhichAlias(string alias, string name)
    {
        var term = Full.Define(alias)!;
        Assert.Equal(name, term.Name);
        Assert.Equal(TermText.Normalize(alias), TermText.Normalize(term.MatchedAlias));
    }

    [Fact]
    public void Define_ByName_HasNoMatchedAlias() => Assert.Equal("", Full.Define("机关运行经费")!.MatchedAlias);

    [Fact]
    public void EveryAliasOfTheData_FindsItsTerm()
    {
        foreach (var (name, aliases) in TermAliases.Default.Aliases)
            foreach (var alias in aliases)
                Assert.Equal(TermText.Normalize(name), TermText.Normalize(Full.Define(alias)!.Name));
    }

    [Fact]
    public void AliasData_NamingNoTerm_IsRefused()
    {
        var data = TermAliases.Parse("不存在的名词 = 别名");
        var e = Assert.Throws<FormatException>(() => GlossaryComposer.Decorate(Full.Entries, data));
        Assert.Contains("不存在的名词", e.Message);
    }

    [Fact]
    public void AliasData_UsingAnotherTermsName_IsRefused()
    {
        var data = TermAliases.Parse("基本支出 = 项目支出");
        var e = Assert.Throws<FormatException>(() => GlossaryComposer.Decorate(Full.Entries, data));
        Assert.Contains("项目支出", e.Message);
    }

    [Fact]
    public void AliasData_MalformedLine_NamesItsNumber()
    {
        var e = Assert.Throws<FormatException>(() => TermAliases.Parse("# comment\n只有名词没有等号"));
        Assert.Contains("第 2 行", e.Message);
    }

    [Theory]
    [InlineData("2010301", "行政运行", "2010301 一般公共服务支出 > 政府办公厅（室）及相关机构事务 > 行政运行")]
    [InlineData("30113", "住房公积金", "30113 工资福利支出 > 住房公积金")]
    [InlineData("20103", "政府办公厅（室）及相关机构事务", "20103 一般公共服务支出 > 政府办公厅（室）及相关机构事务")]
    [InlineData("201", "一般公共服务支出（类）", "201 一般公共服务支出")]
    [InlineData("３０２１７", "公务接待费", "30217 商品和服务支出 > 公务接待费")]
    public void Define_ByCode_FindsTheTermWithThatCode(string code, string name, string path)
    {
        var term = Full.Define(code)!;
        Assert.Equal(name, term.Name);
        Assert.Equal(TermText.Normalize(code), term.MatchedCode);
        Assert.Contains(term.Codes, c => c.Path == path);
    }

    [Fact]
    public void SharedName_ListsEveryCodeWithItsParents()
    {
        var term = Full.Define("行政运行")!;
        var expected = ClassificationCatalogue.Default.FunctionCodes.Where(e => e.Name == "行政运行").Select(e => e.Code).ToList();
        Assert.True(expected.Count > 10);
        Assert.Equal(expected, term.Codes.Select(c => c.Code));
        Assert.Contains(term.Codes, c => c.Path == "2010301 一般公共服务支出 > 政府办公厅（室）及相关机构事务 > 行政运行");
        Assert.Contains(term.Codes, c => c.Path == "2011301 一般公共服务支出 > 商贸事务 > 行政运行");
        Assert.All(term.Codes, c => Assert.Equal("项", c.Level));
        Assert.StartsWith($"“行政运行”是{expected.Count}个支出分类科目共用的名称（功能分类项级），分属：人大事务、政府办公厅（室）及相关机构事务、", term.Definition);
        Assert.Equal("功能分类", term.Category);
    }

    [Fact]
    public void NameInBothCatalogues_CarriesBothCodes()
    {
        var term = Full.Define("住房公积金")!;
        Assert.Equal(["2210201", "30113"], term.Codes.Select(c => c.Code).Order());
        Assert.Contains("功能分类", term.Categories);
        Assert.Contains("经济分类", term.Categories);
        Assert.Contains("住房公积金", term.Definition); // the Part 4 text, not the generated one
        Assert.Contains("人力资源和社会保障部", term.Definition);
    }

    [Fact]
    public void EveryCatalogueCode_IsFoundByCodeAndByName()
    {
        var catalogue = ClassificationCatalogue.Default;
        foreach (var entry in catalogue.FunctionCodes.Concat(catalogue.EconomicCodes))
        {
            var byCode = Full.Define(entry.Code);
            Assert.True(byCode is not null, entry.Code);
            Assert.Contains(byCode.Codes, c => c.Code == entry.Code);
            var byName = Full.Define(entry.Name);
            Assert.True(byName is not null, entry.Name);
            Assert.Contains(byName.Codes, c => c.Code == entry.Code);
        }
    }

    [Fact]
    public void Define_UnknownCode_SuggestsNearCodesWithNames()
    {
        Assert.Null(Full.Define("2010309"));
        var suggestions = Full.Suggest("2010309");
        Assert.Contains(suggestions, s => s.StartsWith("20103", StringComparison.Ordinal));
        Assert.All(suggestions, s => Assert.Contains(' ', s));
    }

    [Fact]
    public void Define_Empty_IsNull()
    {
        Assert.Null(Full.Define(""));
        Assert.Null(Full.Define(" “” "));
    }

    [Fact]
    public void ListByCategory_SanGong_HoldsTheThreeKindsOfSpending()
    {
        var (page, total) = Full.List("三公", 0, 100);
        Assert.Equal(total, page.Count);
        var names = page.Select(t => t.Name).ToList();
        Assert.Contains("“三公”经费", names);
        Assert.Contains("公务接待费", names);
        Assert.Contains("公务用车运行维护费", names);
        Assert.Contains("因公出国（境）费用", names);
        Assert.DoesNotContain("基本工资", names);
    }

    [Theory]
    [InlineData("收入", "财政拨款收入")]
    [InlineData("支出", "基本支出")]
    [InlineData("功能分类", "行政运行")]
    [InlineData("经济分类", "基本工资")]
    public void ListByCategory_HoldsItsTerms(string category, string member)
    {
        var (page, _) = Full.List(category, 0, 1000);
        Assert.Contains(page, t => t.Name == member);
        Assert.All(page, t => Assert.Contains(category, t.Categories));
    }

    [Fact]
    public void List_Pages_CoverEveryTermOnce()
    {
        var names = new List<string>();
        int total;
        var offset = 0;
        do
        {
            (var page, total) = Full.List(null, offset, 7);
            Assert.True(page.Count <= 7);
            names.AddRange(page.Select(t => t.Name));
            offset += 7;
        } while (offset < total);
        Assert.Equal(total, names.Count);
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(Full.Terms.Count, total);
        Assert.Empty(Full.List(null, total, 7).Page);
    }

    [Fact]
    public void TermsMentionedIn_FindsTheLongestNames_InOrder()
    {
        var terms = Full.TermsMentionedIn("本年机关运行经费比上年增加，“三公”经费中公务接待费减少；基本支出合计");
        Assert.Equal(["机关运行经费", "“三公”经费", "公务接待费", "基本支出"], terms.Select(t => t.Name));
    }

    [Fact]
    public void TermsMentionedIn_FindsAliasesAndTraditional_OncePerTerm()
    {
        var terms = Full.TermsMentionedIn("機關運行費 与 机关运行经费；一般公共服务支出");
        Assert.Equal(["机关运行经费", "一般公共服务支出（类）"], terms.Select(t => t.Name));
    }

    [Fact]
    public void TermsMentionedIn_TextWithoutTerms_IsEmpty() => Assert.Empty(Full.TermsMentionedIn("表五合计与分项之和不等"));
}
