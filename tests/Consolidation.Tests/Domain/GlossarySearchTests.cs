using Consolidation.Domain.Glossary;

namespace Consolidation.Tests.Domain;

/// <summary>Search: ranked exact, term prefix, term contains, definition contains, with the matching part shown.</summary>
public class GlossarySearchTests
{
    private static readonly Glossary Full = GlossaryLookupTests.Full;

    [Fact]
    public void Search_RanksEveryKindInOrder()
    {
        var hits = Full.Search("基本支出", limit: 200);
        Assert.Equal(MatchKind.Exact, hits[0].Match);
        Assert.Equal("基本支出", hits[0].Term.Name);
        var kinds = hits.Select(h => h.Match).ToList();
        Assert.Equal(kinds.Order(), kinds);
        Assert.Contains(hits, h => h.Match == MatchKind.DefinitionContains && h.Term.Name == "项目支出");
    }

    [Fact]
    public void Search_TermPrefix_BeforeTermContains_BeforeDefinition()
    {
        var hits = Full.Search("公务用车", limit: 200).ToList();
        var prefix = hits.FindIndex(h => h.Term.Name == "公务用车运行维护费");
        var contains = hits.FindIndex(h => h.Term.Name == "其他交通费用"); // its definition mentions 公务用车
        Assert.Equal(MatchKind.TermPrefix, hits[prefix].Match);
        Assert.Equal(MatchKind.DefinitionContains, hits[contains].Match);
        Assert.True(prefix < contains);
        var sanGong = hits.Single(h => h.Term.Name == "“三公”经费");
        Assert.Equal(MatchKind.DefinitionContains, sanGong.Match);
    }

    [Fact]
    public void Search_TermContains_ShowsTheNameWithTheMatch()
    {
        var hit = Full.Search("福利", limit: 200).First(h => h.Term.Name == "其他工资福利支出");
        Assert.Equal(MatchKind.TermContains, hit.Match);
        Assert.Equal("其他工资【福利】支出", hit.Snippet);
    }

    [Fact]
    public void Search_DefinitionContains_ShowsTheMatchInContextOfTheOriginalText()
    {
        var hit = Full.Search("“因公出国（境）费”", limit: 200).First(h => h.Term.Name == "“三公”经费");
        Assert.Equal(MatchKind.DefinitionContains, hit.Match);
        Assert.Equal("指用财政拨款安排的【因公出国（境）费】、公务用车购置及运行费和…", hit.Snippet);
    }

    [Fact]
    public void Search_TypedInTraditionalAndFullWidth_FindsTheSame()
    {
        var simplified = Full.Search("公务接待").Select(h => h.Term.Name);
        var traditional = Full.Search("公務接待").Select(h => h.Term.Name);
        Assert.Equal(simplified, traditional);
        Assert.NotEmpty(simplified);
    }

    [Fact]
    public void Search_ByAlias_IsExact()
    {
        var hit = Full.Search("机关运行费")[0];
        Assert.Equal(MatchKind.Exact, hit.Match);
        Assert.Equal("机关运行经费", hit.Term.Name);
        Assert.Equal("【机关运行费】", hit.Snippet);
    }

    [Fact]
    public void Search_ByCode_ExactThenPrefix_ShowingThePath()
    {
        var hits = Full.Search("20103", limit: 200);
        Assert.Equal("政府办公厅（室）及相关机构事务", hits[0].Term.Name);
        Assert.Equal(MatchKind.Exact, hits[0].Match);
        Assert.Equal("【20103】 一般公共服务支出 > 政府办公厅（室）及相关机构事务", hits[0].Snippet);
        var operation = hits.Single(h => h.Term.Name == "行政运行");
        Assert.Equal(MatchKind.TermPrefix, operation.Match);
        Assert.Equal("【20103】01 一般公共服务支出 > 政府办公厅（室）及相关机构事务 > 行政运行", operation.Snippet);
    }

    [Fact]
    public void Search_NoMatch_IsEmpty_AndLimitIsKept()
    {
        Assert.Empty(Full.Search("量子计算"));
        Assert.Empty(Full.Search("  "));
        Assert.Equal(3, Full.Search("费", limit: 3).Count);
    }
}
