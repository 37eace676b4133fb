using Consolidation.Contracts;
using Consolidation.Server.Application;
using Consolidation.Server.Security;
using Consolidation.Server.Application.Ports;
using Microsoft.AspNetCore.Authorization;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using D = Consolidation.Domain.Glossary;

using L = Consolidation.Domain.Validation.InputLimits;

namespace Consolidation.Server.Services;

/// <summary>名词解释 over gRPC: lookups on the glossary in force, open to anyone; changes by the finance bureau only.</summary>
public sealed class GlossaryGrpcService(GlossaryOffice office) : GlossaryService.GlossaryServiceBase
{
    [Authorize(Policy = Policies.Public)]
    public override Task<Term> Define(DefineRequest request, ServerCallContext context)
    {
        Bounded(request.Term, "term", L.MaxTermChars);
        if (string.IsNullOrWhiteSpace(request.Term))
            throw ErrorInterceptor.InvalidArgument("缺少要查询的名词", [("term", "为空")]);
        var year = Year(request.FiscalYear);
        var glossary = office.Current;
        var term = glossary.Define(request.Term, year) ?? throw NotFound(glossary, request.Term, year);
        return Task.FromResult(GlossaryMapper.ToProto(term));
    }

    [Authorize(Policy = Policies.Public)]
    public override Task<SearchReply> Search(SearchRequest request, ServerCallContext context)
    {
        Bounded(request.Query, "query", L.MaxTermChars);
        var reply = new SearchReply();
        var limit = request.Limit is > 0 and <= 200 ? request.Limit : 20;
        reply.Hits.AddRange(office.Current.Search(request.Query, limit, Year(request.FiscalYear)).Select(h => new SearchHit
        {
            Term = GlossaryMapper.ToProto(h.Term), Match = (MatchKind)(int)h.Match, Snippet = h.Snippet,
        }));
        return Task.FromResult(reply);
    }

    [Authorize(Policy = Policies.Public)]
    public override Task<ListTermsReply> ListTerms(ListTermsRequest request, ServerCallContext context)
    {
        var size = request.PageSize is > 0 and <= 500 ? request.PageSize : 50;
        var offset = 0;
        if (request.PageToken.Length > 0 && (!int.TryParse(request.PageToken, out offset) || offset < 0))
            throw ErrorInterceptor.InvalidArgument("分页标记无效", [("page_token", "应为上一页返回的 next_page_token")]);
        var (page, total) = office.Current.List(request.Category, offset, size, Year(request.FiscalYear));
        var reply = new ListTermsReply { Total = total, NextPageToken = offset + page.Count < total ? (offset + page.Count).ToString() : "" };
        reply.Terms.AddRange(page.Select(GlossaryMapper.ToProto));
        return Task.FromResult(reply);
    }

    [Authorize(Policy = Policies.Bureau)]
    public override Task<TermChange> AddTerm(AddTermRequest request, ServerCallContext context)
    {
        Bounded(request.Term, "term", L.MaxTermChars);
        Bounded(request.Definition, "definition", L.MaxDefinitionChars);
        var caller = DepartmentAccess.PrincipalOf(context);
        if (request.FiscalYear <= 0)
            throw ErrorInterceptor.InvalidArgument("增补名词须指明从哪个年度起适用", [("fiscal_year", "应为正整数年度")]);
        return Task.FromResult(Change(D.ChangeKind.Add, request.Term, request.FiscalYear, request.Definition, request.Category, caller, request.Reason));
    }

    [Authorize(Policy = Policies.Bureau)]
    public override Task<TermChange> CorrectTerm(CorrectTermRequest request, ServerCallContext context)
    {
        Bounded(request.Term, "term", L.MaxTermChars);
        Bounded(request.Definition, "definition", L.MaxDefinitionChars);
        Bounded(request.Reason, "reason", L.MaxReasonChars);
        var caller = DepartmentAccess.PrincipalOf(context);
        return Task.FromResult(Change(D.ChangeKind.Correct, request.Term, request.FiscalYear, request.Definition, "", caller, request.Reason));
    }

    [Authorize(Policy = Policies.Public)]
    public override Task<TermHistoryReply> TermHistory(TermHistoryRequest request, ServerCallContext context)
    {
        Bounded(request.Term, "term", L.MaxTermChars);
        if (string.IsNullOrWhiteSpace(request.Term))
            throw ErrorInterceptor.InvalidArgument("缺少要查询的名词", [("term", "为空")]);
        var (name, changes) = office.History(request.Term) ?? throw NotFound(office.Current, request.Term, 0);
        var reply = new TermHistoryReply { Term = name };
        reply.Changes.AddRange(changes.Select(GlossaryMapper.ToProto));
        return Task.FromResult(reply);
    }

    [Authorize(Policy = Policies.Public)]
    public override Task<TermsMentionedReply> TermsMentioned(TermsMentionedRequest request, ServerCallContext context)
    {
        Bounded(request.Text, "text", L.MaxNarrativeChars);
        var reply = new TermsMentionedReply();
        reply.Terms.AddRange(office.Current.TermsMentionedIn(request.Text, Year(request.FiscalYear)).Select(GlossaryMapper.ToProto));
        return Task.FromResult(reply);
    }

    private TermChange Change(D.ChangeKind kind, string term, int year, string definition, string category, Principal caller, string reason)
    {
        try
        {
            return GlossaryMapper.ToProto(office.Change(kind, term, year, definition, category, caller.Recorded, reason));
        }
        catch (D.GlossaryEditException e)
        {
            throw e.Error switch
            {
                D.GlossaryEditError.TermExists => new RpcException(new Grpc.Core.Status(StatusCode.AlreadyExists, e.Message)),
                D.GlossaryEditError.UnknownTerm => NotFound(office.Current, term, 0),
                D.GlossaryEditError.Unchanged => new RpcException(new Grpc.Core.Status(StatusCode.FailedPrecondition, e.Message)),
                _ => ErrorInterceptor.InvalidArgument(e.Message, [(e.Field.Length > 0 ? e.Field : "term", e.Message)]),
            };
        }
    }

    private static int Year(int year) => year is >= 0 and <= 9999 ? year
        : throw ErrorInterceptor.InvalidArgument($"年度 {year} 无效", [("fiscal_year", "应为 0（最新）或年度")]);

    /// <summary>NOT_FOUND naming the nearest terms in the message and as an <see cref="UnknownTerm"/> detail.</summary>
    private static RpcException NotFound(D.Glossary glossary, string term, int year)
    {
        var typed = term.Trim();
        var detail = new UnknownTerm { Term = typed, FiscalYear = year };
        string message;
        if (year > 0 && glossary.Find(term) is { } entry)
        {
            detail.Years.AddRange(entry.Versions.Select(v => v.FiscalYear));
            detail.Suggestions.Add(entry.Name);
            message = $"“{entry.Name}”在 {year} 年度还没有释义；有释义的年度：{string.Join("、", detail.Years)}";
        }
        else
        {
            detail.Suggestions.AddRange(glossary.Suggest(term));
            message = $"名词解释中没有“{typed}”。相近的名词：{string.Join("、", detail.Suggestions)}";
        }
        var status = new Google.Rpc.Status { Code = (int)Code.NotFound, Message = message, Details = { Any.Pack(detail) } };
        return status.ToRpcException();
    }

    /// <summary>A caller's string over its limit (docs/reliability.md): INVALID_ARGUMENT naming the field, before any work.</summary>
    private static void Bounded(string value, string field, int max)
    {
        if (value.Length > max)
            throw ErrorInterceptor.InvalidArgument($"{field} 超过 {max} 个字符，未处理", [(field, $"超过 {max} 个字符")]);
    }
}
