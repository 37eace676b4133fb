using Consolidation.Domain.Glossary;

namespace Consolidation.Tests.Domain;

/// <summary>Versions by fiscal year, 增补 and 更正, and the change as recorded.</summary>
public class GlossaryChangeTests
{
    private static readonly Glossary Full = GlossaryLookupTests.Full;
    private static readonly DateTime At = new(2026, 11, 27, 8, 0, 0, DateTimeKind.Utc);

    private static GlossaryChange Correct(string term, int year, string text) =>
        new(ChangeKind.Correct, term, year, "", text, "", "李四", At, "口径调整");

    private static GlossaryChange Add(string term, int year, string text, string category = "") =>
        new(ChangeKind.Add, term, year, "", text, category, "李四", At, "");

    [Fact]
    public void CorrectForALaterYear_AddsAVersion_EarlierYearsKeepTheirText()
    {
        var (g, recorded) = Full.Apply(Correct("基本支出", 2024, "指2024年起的新口径。"));
        Assert.Equal("指2024年起的新口径。", g.Define("基本支出")!.Definition);           // latest by default
        Assert.Equal("指2024年起的新口径。", g.Define("基本支出", 2025)!.Definition);     // in force after 2024
        Assert.Equal(Full.Define("基本支出")!.Definition, g.Define("基本支出", 2023)!.Definition);
        Assert.Equal(Full.Define("基本支出")!.Definition, g.Define("基本支出", 2020)!.Definition); // the source text stands for earlier years
        Assert.Equal([2023, 2024], g.Define("基本支出")!.Years);
        Assert.Equal(2024, g.Define("基本支出")!.FiscalYear);
        Assert.Equal(Full.Define("基本支出")!.Definition, recorded.OldDefinition);
        Assert.Equal("指2024年起的新口径。", recorded.NewDefinition);
        Assert.Equal(("基本支出", 2024, "李四", At, "口径调整"), (recorded.Term, recorded.FiscalYear, recorded.By, recorded.At, recorded.Reason));
        Assert.NotEqual("指2024年起的新口径。", Full.Define("基本支出")!.Definition); // the old glossary is untouched
    }

    [Fact]
    public void CorrectOfTheSameYear_ReplacesThatYearsText()
    {
        var (g, recorded) = Full.Apply(Correct("机关运行费", 2023, "更正后的释义。"));
        Assert.Equal("机关运行经费", recorded.Term);               // by alias; recorded under the printed name
        Assert.Contains("福利费", recorded.OldDefinition);
        var term = g.Define("机关运行经费", 2023)!;
        Assert.Equal("更正后的释义。", term.Definition);
        Assert.Equal([2023], term.Years);
        Assert.Single(term.OtherDefinitions);                     // the source's other text is still kept
        Assert.StartsWith("财政局更正（李四，2026-11-27）", term.Source);
    }

    [Fact]
    public void CorrectWithoutYear_CorrectsTheLatestVersion()
    {
        var (g, _) = Full.Apply(Correct("基本支出", 2025, "2025 口径。"));
        var (g2, recorded) = g.Apply(Correct("基本支出", 0, "2025 口径（更正）。"));
        Assert.Equal(2025, recorded.FiscalYear);
        Assert.Equal("2025 口径。", recorded.OldDefinition);
        Assert.Equal([2023, 2025], g2.Define("基本支出")!.Years);
    }

    [Fact]
    public void CorrectBetweenTwoVersions_IsInForceUntilTheNext()
    {
        var (g, _) = Full.Apply(Correct("基本支出", 2026, "2026 口径。"));
        (g, var recorded) = g.Apply(Correct("基本支出", 2024, "2024 口径。"));
        Assert.Equal(Full.Define("基本支出")!.Definition, recorded.OldDefinition); // the text in force in 2024 before
        Assert.Equal("2024 口径。", g.Define("基本支出", 2025)!.Definition);
        Assert.Equal("2026 口径。", g.Define("基本支出", 2026)!.Definition);
        Assert.Equal([2023, 2024, 2026], g.Define("基本支出")!.Years);
    }

    [Fact]
    public void CorrectWithTheTextInForce_IsRefusedAsUnchanged()
    {
        var e = Assert.Throws<GlossaryEditException>(() => Full.Apply(Correct("基本支出", 2023, Full.Define("基本支出")!.Definition)));
        Assert.Equal(GlossaryEditError.Unchanged, e.Error);
    }

    [Fact]
    public void CorrectOfAnUnknownTerm_IsRefused_NamingNearTerms()
    {
        var e = Assert.Throws<GlossaryEditException>(() => Full.Apply(Correct("基本支付", 2024, "x")));
        Assert.Equal(GlossaryEditError.UnknownTerm, e.Error);
        Assert.Contains("基本支出", e.Message);
    }

    [Fact]
    public void Add_NewTerm_ExistsFromItsYear()
    {
        var (g, recorded) = Full.Apply(Add(" 政府购买服务 ", 2024, "指各级国家机关将属于自身职责范围的服务事项交由社会力量承担。"));
        Assert.Equal("政府购买服务", recorded.Term);
        Assert.Equal("", recorded.OldDefinition);
        Assert.Equal("其他", recorded.Category); // guessed from the name: neither 收入 nor 支出
        Assert.NotNull(g.Define("政府购买服务"));
        Assert.NotNull(g.Define("政府購買服務", 2025));
        Assert.Null(g.Define("政府购买服务", 2023));              // did not exist yet
        Assert.NotNull(g.Find("政府购买服务"));
        Assert.DoesNotContain(g.Search("政府购买服务", fiscalYear: 2023), h => h.Term.Name == "政府购买服务");
        Assert.Contains(g.Search("政府购买服务", fiscalYear: 2024), h => h.Term.Name == "政府购买服务" && h.Match == MatchKind.Exact);
        Assert.Equal(Full.Terms.Count + 1, g.Terms.Count);
        Assert.Equal(Full.List(null, 0, 0, 2023).Total, g.List(null, 0, 0, 2023).Total);
        Assert.Equal(Full.List(null, 0, 0, 2024).Total + 1, g.List(null, 0, 0, 2024).Total);
    }

    [Fact]
    public void Add_WithCategory_IsListedThere()
    {
        var (g, recorded) = Full.Apply(Add("专项转移支付", 2024, "指……", "收入"));
        Assert.Equal("收入", recorded.Category);
        Assert.Contains(g.List("收入", 0, 100).Page, t => t.Name == "专项转移支付");
    }

    [Fact]
    public void CorrectBeforeAnAddedTermExisted_IsRefused()
    {
        var (g, _) = Full.Apply(Add("政府购买服务", 2024, "指……"));
        var e = Assert.Throws<GlossaryEditException>(() => g.Apply(Correct("政府购买服务", 2023, "更早的释义")));
        Assert.Equal(GlossaryEditError.Invalid, e.Error);
        Assert.Equal("fiscal_year", e.Field);
    }

    [Theory]
    [InlineData("基本支出")]
    [InlineData("“三公”经费")]
    [InlineData("三公经费")]
    [InlineData("机关运行费")]
    [InlineData("2010301")]
    public void Add_OfATermTheGlossaryHas_ByNameAliasOrCode_IsRefused(string term)
    {
        var e = Assert.Throws<GlossaryEditException>(() => Full.Apply(Add(term, 2024, "x")));
        Assert.Equal(GlossaryEditError.TermExists, e.Error);
    }

    [Theory]
    [InlineData("", "x", 2024, "", "term")]
    [InlineData("新名词", "  ", 2024, "", "definition")]
    [InlineData("新名词", "x", 0, "", "fiscal_year")]
    [InlineData("新名词", "x", 12345, "", "fiscal_year")]
    [InlineData("新名词", "x", 2024, "杂项", "category")]
    public void Add_Invalid_IsRefusedNamingTheField(string term, string text, int year, string category, string field)
    {
        var e = Assert.Throws<GlossaryEditException>(() => Full.Apply(Add(term, year, text, category)));
        Assert.Equal(GlossaryEditError.Invalid, e.Error);
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void TermDefinedTwice_TextsSayWhichIsCurrent()
    {
        var texts = Full.Define("机关运行经费")!.Texts;
        Assert.Equal(2, texts.Count);
        Assert.False(texts[0].Current);
        Assert.Contains("办公费、印刷费", texts[0].Text);
        Assert.True(texts[1].Current);
        Assert.Contains("福利费", texts[1].Text);
    }
}
