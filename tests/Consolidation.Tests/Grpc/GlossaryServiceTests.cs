using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Tests.Support;
using Google.Rpc;
using Grpc.Core;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Grpc;

/// <summary>The glossary service: lookups by year, codes and aliases; changes by the bureau only; the change record; findings' terms.</summary>
public sealed class GlossaryServiceTests : IDisposable
{
    private readonly InProcessServer _server = new();

    public void Dispose() => _server.Dispose();

    /// <summary>The glossary client of an anonymous caller (null), a department ("department") or a bureau user named <paramref name="user"/>.</summary>
    private GlossaryService.GlossaryServiceClient As(string? role, string user = "李四") => role switch
    {
        null => _server.As(null).Glossary,
        "department" => _server.As(_server.DepartmentCredential("431001")).Glossary,
        _ => _server.As(_server.BureauUserCredential(user)).Glossary,
    };

    private TermChange CorrectAsBureau(string term, int year, string text) =>
        As("bureau").CorrectTerm(new CorrectTermRequest { Term = term, FiscalYear = year, Definition = text, Reason = "口径调整" });

    [Fact]
    public void Define_TermDefinedTwice_HasBothTexts_OneCurrent()
    {
        var term = _server.Glossary.Define(new DefineRequest { Term = "机关运行经费" });
        Assert.Equal(2, term.Texts.Count);
        Assert.Equal([false, true], term.Texts.Select(t => t.Current));
        Assert.Equal(term.Definition, term.Texts[1].Text);
        Assert.Equal(term.OtherDefinitions.Single(), term.Texts[0].Text);
        Assert.Equal(2023, term.FiscalYear);
    }

    [Fact]
    public void Define_ByCode_CarriesTheCodesAndWhichMatched()
    {
        var term = _server.Glossary.Define(new DefineRequest { Term = "2010301" });
        Assert.Equal("行政运行", term.Name);
        Assert.Equal("2010301", term.MatchedCode);
        Assert.Contains(term.Codes, c => c.Path == "2010301 一般公共服务支出 > 政府办公厅（室）及相关机构事务 > 行政运行" && c.Level == "项");
    }

    [Fact]
    public void Define_Unknown_IsNotFound_WithSuggestionsInMessageAndDetail()
    {
        var e = Assert.Throws<RpcException>(() => _server.Glossary.Define(new DefineRequest { Term = "公务接待经费" }));
        Assert.Equal(StatusCode.NotFound, e.StatusCode);
        var detail = e.GetRpcStatus()!.GetDetail<UnknownTerm>();
        Assert.Equal("公务接待经费", detail.Term);
        Assert.Contains("公务接待费", detail.Suggestions);
        foreach (var s in detail.Suggestions) Assert.Contains(s, e.Status.Detail);
    }

    [Fact]
    public void Define_Empty_IsInvalidArgument() =>
        Assert.Equal(StatusCode.InvalidArgument, Assert.Throws<RpcException>(() => _server.Glossary.Define(new DefineRequest { Term = " " })).StatusCode);

    [Fact]
    public void Define_NegativeYear_IsInvalidArgument() =>
        Assert.Equal(StatusCode.InvalidArgument,
            Assert.Throws<RpcException>(() => _server.Glossary.Define(new DefineRequest { Term = "基本支出", FiscalYear = -1 })).StatusCode);

    [Theory]
    [InlineData(null, StatusCode.Unauthenticated)]
    [InlineData("department", StatusCode.PermissionDenied)]
    public void Correct_WithoutTheBureauRole_IsRefused_AndChangesNothing(string? role, StatusCode expected)
    {
        var before = _server.Glossary.Define(new DefineRequest { Term = "基本支出" }).Definition;
        var e = Assert.Throws<RpcException>(() => As(role).CorrectTerm(
            new CorrectTermRequest { Term = "基本支出", Definition = "部门想改的释义" }));
        Assert.Equal(expected, e.StatusCode);
        Assert.Contains(role is null ? "未通过身份验证" : "只限财政局", e.Status.Detail);
        Assert.Equal(before, _server.Glossary.Define(new DefineRequest { Term = "基本支出" }).Definition);
        Assert.Empty(_server.Glossary.TermHistory(new TermHistoryRequest { Term = "基本支出" }).Changes);
    }

    [Fact]
    public void Add_WithoutTheBureauRole_IsPermissionDenied()
    {
        var e = Assert.Throws<RpcException>(() => As("department").AddTerm(
            new AddTermRequest { Term = "政府购买服务", Definition = "指……", FiscalYear = 2024 }));
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
        Assert.Equal(StatusCode.NotFound, Assert.Throws<RpcException>(() => _server.Glossary.Define(new DefineRequest { Term = "政府购买服务" })).StatusCode);
    }

    [Fact]
    public void TheOldRoleHeader_GrantsNothing()
    {
        var headers = new Metadata { { "x-fa-role", "bureau" }, { "x-fa-user", "mallory" } };
        var e = Assert.Throws<RpcException>(() => _server.As(null).Glossary.CorrectTerm(
            new CorrectTermRequest { Term = "基本支出", Definition = "x" }, new CallOptions(headers)));
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    [Fact]
    public void Correct_AsBureau_TakesEffectForThatYear_AndIsRecorded()
    {
        var original = _server.Glossary.Define(new DefineRequest { Term = "基本支出" }).Definition;
        var change = CorrectAsBureau("基本支出", 2024, "2024 年起的新口径。");
        Assert.Equal(ChangeKind.Correct, change.Kind);
        Assert.Equal(original, change.OldDefinition);
        Assert.Equal("2024 年起的新口径。", change.NewDefinition);
        Assert.Equal("李四", change.ChangedBy);
        Assert.Equal("口径调整", change.Reason);
        Assert.True(Math.Abs((DateTime.UtcNow - change.ChangedAt.ToDateTime()).TotalMinutes) < 5);

        Assert.Equal("2024 年起的新口径。", _server.Glossary.Define(new DefineRequest { Term = "基本支出" }).Definition);
        Assert.Equal(original, _server.Glossary.Define(new DefineRequest { Term = "基本支出", FiscalYear = 2023 }).Definition);
        var history = _server.Glossary.TermHistory(new TermHistoryRequest { Term = "基本支出" });
        Assert.Equal("基本支出", history.Term);
        Assert.Equal(change, history.Changes.Single());
    }

    [Fact]
    public void Add_AsBureau_ThenDefineSearchAndHistory()
    {
        var change = As("bureau", "王五").AddTerm(new AddTermRequest
        {
            Term = "政府购买服务", Definition = "指各级国家机关将属于自身职责范围的服务事项交由社会力量承担。", FiscalYear = 2024, Category = "支出",
        });
        Assert.Equal(ChangeKind.Add, change.Kind);
        Assert.Equal("", change.OldDefinition);
        Assert.Equal("王五", change.ChangedBy);
        Assert.Equal("支出", _server.Glossary.Define(new DefineRequest { Term = "政府購買服務" }).Category);
        Assert.Equal(MatchKind.Exact, _server.Glossary.Search(new SearchRequest { Query = "政府购买服务" }).Hits[0].Match);

        var e = Assert.Throws<RpcException>(() => _server.Glossary.Define(new DefineRequest { Term = "政府购买服务", FiscalYear = 2023 }));
        Assert.Equal(StatusCode.NotFound, e.StatusCode);
        Assert.Equal([2024], e.GetRpcStatus()!.GetDetail<UnknownTerm>().Years);

        var again = Assert.Throws<RpcException>(() => _server.Glossary.AddTerm(
            new AddTermRequest { Term = "政府购买服务", Definition = "x", FiscalYear = 2024 }));
        Assert.Equal(StatusCode.AlreadyExists, again.StatusCode);
        Assert.Single(_server.Glossary.TermHistory(new TermHistoryRequest { Term = "政府购买服务" }).Changes);
    }

    [Fact]
    public void Add_WithoutYear_IsInvalidArgument() =>
        Assert.Equal(StatusCode.InvalidArgument, Assert.Throws<RpcException>(() => _server.Glossary.AddTerm(
            new AddTermRequest { Term = "新名词", Definition = "x" })).StatusCode);

    [Fact]
    public void Correct_UnknownTerm_IsNotFound_AndUnchangedText_IsFailedPrecondition()
    {
        Assert.Equal(StatusCode.NotFound, Assert.Throws<RpcException>(() => CorrectAsBureau("基本支付", 2024, "x")).StatusCode);
        var current = _server.Glossary.Define(new DefineRequest { Term = "基本支出" }).Definition;
        Assert.Equal(StatusCode.FailedPrecondition, Assert.Throws<RpcException>(() => CorrectAsBureau("基本支出", 2023, current)).StatusCode);
    }

    [Fact]
    public void History_UnknownTerm_IsNotFound() =>
        Assert.Equal(StatusCode.NotFound,
            Assert.Throws<RpcException>(() => _server.Glossary.TermHistory(new TermHistoryRequest { Term = "不存在的名词" })).StatusCode);

    [Fact]
    public void Search_AndList_AcceptAYear()
    {
        CorrectAsBureau("基本支出", 2025, "2025 口径：人员经费和公用经费。");
        Assert.Contains(_server.Glossary.Search(new SearchRequest { Query = "2025 口径" }).Hits, h => h.Term.Name == "基本支出");
        Assert.DoesNotContain(_server.Glossary.Search(new SearchRequest { Query = "2025 口径", FiscalYear = 2024 }).Hits, h => h.Term.Name == "基本支出");
        var listed = _server.Glossary.ListTerms(new ListTermsRequest { Category = "支出", PageSize = 500, FiscalYear = 2023 }).Terms.Single(t => t.Name == "基本支出");
        Assert.Equal(2023, listed.FiscalYear);
    }

    [Fact]
    public void TermsMentioned_FindsTermsInAText()
    {
        var reply = _server.Glossary.TermsMentioned(new TermsMentionedRequest { Text = "本年“三公”经费与机关运行费均有下降" });
        Assert.Equal(["“三公”经费", "机关运行经费"], reply.Terms.Select(t => t.Name));
    }

    [Fact]
    public void Findings_NameTheGlossaryTermsTheyMention()
    {
        var broken = Consistent().WithCell("T5", "2010301", "basic", Wan(300m));
        var reply = _server.Submissions.Validate(new ValidateRequest { Accounts = AccountsMapper.ToProto(broken) });
        var finding = reply.Findings.First(f => f.Location.Row == "2010301");
        Assert.Contains("行政运行", finding.GlossaryTerms);
        Assert.Contains("基本支出", finding.GlossaryTerms);
        foreach (var name in reply.Findings.SelectMany(f => f.GlossaryTerms))
            Assert.Equal(name, _server.Glossary.Define(new DefineRequest { Term = name }).Name);

        var stored = _server.Submissions.Submit(new SubmitRequest { Accounts = AccountsMapper.ToProto(broken) });
        Assert.Contains("基本支出", stored.Findings.First(f => f.Location.Row == "2010301").GlossaryTerms);
    }
}
