using Consolidation.Contracts;
using Consolidation.Tests.Support;
using Grpc.Core;
using Grpc.Health.V1;

namespace Consolidation.Tests.Grpc;

public sealed class GlossaryAndHealthTests : IDisposable
{
    private readonly InProcessServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public void Define_KnownTerm_GivesItsDefinition()
    {
        var term = _server.Glossary.Define(new DefineRequest { Term = "“三公”经费" });
        Assert.Contains("因公出国（境）费", term.Definition);
        Assert.Equal("三公", term.Category);
    }

    [Fact]
    public void Define_UnknownTerm_IsNotFound_NamingNearTerms()
    {
        var e = Assert.Throws<RpcException>(() => _server.Glossary.Define(new DefineRequest { Term = "公务接待经费" }));
        Assert.Equal(StatusCode.NotFound, e.StatusCode);
        Assert.Contains("公务接待费", e.Status.Detail);
    }

    [Fact]
    public void Search_And_ListPages()
    {
        var hits = _server.Glossary.Search(new SearchRequest { Query = "公务用车" }).Hits;
        Assert.Equal("公务用车运行维护费", hits[0].Term.Name);
        var page1 = _server.Glossary.ListTerms(new ListTermsRequest { PageSize = 10 });
        var page2 = _server.Glossary.ListTerms(new ListTermsRequest { PageSize = 10, PageToken = page1.NextPageToken });
        Assert.Equal(10, page1.Terms.Count);
        Assert.NotEqual(page1.Terms[0].Name, page2.Terms[0].Name);
        Assert.Equal(179, page1.Total); // 44 terms of Part 4 + 135 names of the classification catalogues (reference + supplement) that are not Part 4 terms
    }

    [Fact]
    public void Health_IsServing()
    {
        var health = new Health.HealthClient(_server.Channel);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Check(new HealthCheckRequest()).Status);
    }
}
