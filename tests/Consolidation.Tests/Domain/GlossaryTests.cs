using Consolidation.Domain.Glossary;
using Consolidation.Tests.Support;

namespace Consolidation.Tests.Domain;

public class GlossaryTests
{
    private static readonly string SeedText = File.ReadAllText(Repo.SeedDocument);
    private static readonly Glossary Part4 = new(GlossaryParser.ParsePart4(SeedText, "seed"));
    /// <summary>The glossary the server serves: Part 4, the catalogues, the aliases.</summary>
    private static readonly Glossary Glossary = GlossaryComposer.Compose(
        GlossaryParser.ParsePart4(SeedText, "seed"), 2023, Consolidation.Domain.Classification.ClassificationCatalogue.Default, TermAliases.Default);

    /// <summary>Every line of the seed's Part 4 that defines a term, with its printed name (read independently of the parser).</summary>
    public static TheoryData<string> PrintedTerms() => new(PrintedNames().Distinct()); // two names are printed twice

    private static List<string> PrintedNames()
    {
        var text = File.ReadAllText(Repo.SeedDocument);
        var part4 = text[text.IndexOf("第四部分", StringComparison.Ordinal)..text.IndexOf("第五部分", StringComparison.Ordinal)];
        var data = new List<string>();
        foreach (var raw in part4.Split('\n'))
        {
            var line = raw.Trim().Trim('\u3000');
            var cut = line.IndexOfAny(['：', '，']);
            if (cut <= 0) continue;
            var name = line[..cut];
            var dot = name.IndexOf('、');
            if (dot >= 0 && dot <= 3) name = name[(dot + 1)..];
            data.Add(name.Trim());
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PrintedTerms))]
    public void EveryTermOfPart4_IsFoundByItsPrintedName(string printed)
    {
        var term = Glossary.Define(printed);
        Assert.NotNull(term);
        Assert.False(string.IsNullOrWhiteSpace(term.Definition));
        Assert.Equal(TermText.Normalize(printed), TermText.Normalize(term.Name)); // by its own name, not an alias
        Assert.Contains(term.Definition, SeedText);                             // the full printed text
        Assert.Equal(2023, term.FiscalYear);
    }

    [Fact]
    public void Part4_EachDistinctTermIsOneEntry()
    {
        var printed = PrintedNames().Select(TermText.Normalize).Distinct().Count();
        Assert.Equal(44, printed); // 46 definitions, two terms (“三公”经费, 机关运行经费) printed twice
        Assert.Equal(printed, Part4.Terms.Count);
    }

    [Fact]
    public void TermDefinedTwiceWithDifferentTexts_KeepsBoth()
    {
        var term = Glossary.Define("机关运行经费")!;
        Assert.Contains("福利费", term.Definition);          // the later text is current
        var other = Assert.Single(term.OtherDefinitions);
        Assert.Contains("办公费、印刷费", other);           // the earlier text is kept
    }

    [Fact]
    public void TermDefinedTwiceWithTheSameText_IsOneEntryWithOneText()
    {
        Assert.Single(Glossary.Terms, t => TermText.Normalize(t.Name) == "三公经费");
        Assert.Empty(Glossary.Define("三公经费")!.OtherDefinitions);
    }

    [Theory]
    [InlineData("“三公”经费")]
    [InlineData("\"三公\"经费")]
    [InlineData("三公经费")]
    [InlineData("  三公经费 ")]
    [InlineData("＂三公＂经费")]
    public void Define_ForgivesQuotesWidthAndSpaces(string typed) => Assert.Equal("三公", Glossary.Define(typed)!.Category);

    [Fact]
    public void Define_FullWidthAndHalfWidthBrackets_AreTheSame() =>
        Assert.Equal("维修(护)费", Glossary.Define("维修（护）费")!.Name);

    [Fact]
    public void Define_UnknownTerm_IsNull_AndSuggestsNearTerms()
    {
        Assert.Null(Glossary.Define("公务接待经费"));
        Assert.Contains("公务接待费", Glossary.Suggest("公务接待经费"));
    }

    [Fact]
    public void Search_RanksExactThenPrefixThenContainsThenDefinition()
    {
        var hits = Glossary.Search("工资");
        var kinds = hits.Select(h => h.Match).ToList();
        Assert.Equal(kinds.Order(), kinds);
        Assert.Contains(hits, h => h.Match == MatchKind.TermPrefix && h.Term.Name == "工资福利支出");
        Assert.Contains(hits, h => h.Match == MatchKind.TermContains && h.Term.Name == "基本工资");
        Assert.Contains(hits, h => h.Match == MatchKind.DefinitionContains && h.Snippet.Contains("【工资】"));
        Assert.Equal(MatchKind.Exact, Glossary.Search("基本工资")[0].Match);
    }

    [Fact]
    public void List_PagesByCategory()
    {
        var (page, total) = Glossary.List("经济分类", 0, 5);
        Assert.Equal(5, page.Count);
        Assert.True(total > 5);
        Assert.All(page, t => Assert.Contains("经济分类", t.Categories));
        var (rest, _) = Glossary.List("经济分类", 5, 1000);
        Assert.Equal(total, page.Count + rest.Count);
        Assert.Contains(Glossary.List("功能分类", 0, 100).Page, t => t.Name.StartsWith("一般公共服务支出"));
    }
}
