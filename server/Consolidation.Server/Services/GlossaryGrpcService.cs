using Consolidation.Contracts;
using Grpc.Core;
using D = Consolidation.Domain.Glossary;

namespace Consolidation.Server.Services;

/// <summary>名词解释 over gRPC.</summary>
public sealed class GlossaryGrpcService(D.Glossary glossary) : GlossaryService.GlossaryServiceBase
{
    public override Task<Term> Define(DefineRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.Term))
            throw ErrorInterceptor.InvalidArgument("缺少要查询的名词", [("term", "为空")]);
        var term = glossary.Define(request.Term)
            ?? throw new RpcException(new Status(StatusCode.NotFound,
                $"名词解释中没有“{request.Term.Trim()}”。相近的名词：{string.Join("、", glossary.Suggest(request.Term))}"));
        return Task.FromResult(ToProto(term));
    }

    public override Task<SearchReply> Search(SearchRequest request, ServerCallContext context)
    {
        var reply = new SearchReply();
        var limit = request.Limit is > 0 and <= 200 ? request.Limit : 20;
        reply.Hits.AddRange(glossary.Search(request.Query, limit).Select(h => new SearchHit
        {
            Term = ToProto(h.Term), Match = (MatchKind)(int)h.Match, Snippet = h.Snippet,
        }));
        return Task.FromResult(reply);
    }

    public override Task<ListTermsReply> ListTerms(ListTermsRequest request, ServerCallContext context)
    {
        var size = request.PageSize is > 0 and <= 500 ? request.PageSize : 50;
        var offset = 0;
        if (request.PageToken.Length > 0 && (!int.TryParse(request.PageToken, out offset) || offset < 0))
            throw ErrorInterceptor.InvalidArgument("分页标记无效", [("page_token", "应为上一页返回的 next_page_token")]);
        var (page, total) = glossary.List(request.Category, offset, size);
        var reply = new ListTermsReply { Total = total, NextPageToken = offset + page.Count < total ? (offset + page.Count).ToString() : "" };
        reply.Terms.AddRange(page.Select(ToProto));
        return Task.FromResult(reply);
    }

    private static Term ToProto(D.GlossaryTerm t)
    {
        var m = new Term { Name = t.Name, Definition = t.Definition, Category = t.Category, Source = t.Source };
        m.OtherDefinitions.AddRange(t.OtherDefinitions);
        return m;
    }
}
