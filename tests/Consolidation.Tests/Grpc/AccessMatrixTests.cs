using System.Reflection;
using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Server.Security;
using Consolidation.Tests.Support;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Grpc;

/// <summary>
/// Who may do what (docs/access.md), as a matrix in the style of grpc-dotnet's functional tests: every RPC of every
/// service the contract declares (read from the generated file descriptors, so a new RPC appears here by itself) ×
/// {anonymous, department A, department B, bureau, revoked credential, expired credential}. Each RPC must be in
/// <see cref="Expected"/>, and its handler must carry exactly that policy: an RPC added without one fails here.
/// </summary>
public sealed class AccessMatrixTests : IDisposable
{
    /// <summary>What an RPC is open to.</summary>
    public enum Access
    {
        /// <summary>Anyone, anonymous callers too (policy "public").</summary>
        Public,
        /// <summary>Any authenticated caller, naming no department's data (policy "member").</summary>
        Member,
        /// <summary>A department for its own code and its 下属单位', the bureau for every code (policy "member" + department data).</summary>
        OwnDepartment,
        /// <summary>The finance bureau only (policy "bureau").</summary>
        Bureau,
    }

    /// <summary>The documented access of every RPC, by "Service/Method". Keep docs/access.md in step.</summary>
    public static readonly IReadOnlyDictionary<string, Access> Expected = new Dictionary<string, Access>
    {
        ["SubmissionService/Submit"] = Access.OwnDepartment,
        ["SubmissionService/Validate"] = Access.OwnDepartment,
        ["SubmissionService/GetSubmission"] = Access.OwnDepartment,
        ["SubmissionService/ListVersions"] = Access.OwnDepartment,
        ["SubmissionService/SubmitBatch"] = Access.OwnDepartment,
        ["ConsolidationService/RunConsolidation"] = Access.Bureau,
        ["ConsolidationService/GetConsolidation"] = Access.Bureau,
        ["ConsolidationService/ListCoverage"] = Access.Bureau,
        ["ConsolidationService/PublishConsolidation"] = Access.Bureau,
        ["ConsolidationService/ReopenYear"] = Access.Bureau,
        ["ConsolidationService/GetYearLock"] = Access.Member,
        ["GlossaryService/Define"] = Access.Public,
        ["GlossaryService/Search"] = Access.Public,
        ["GlossaryService/ListTerms"] = Access.Public,
        ["GlossaryService/AddTerm"] = Access.Bureau,
        ["GlossaryService/CorrectTerm"] = Access.Bureau,
        ["GlossaryService/TermHistory"] = Access.Public,
        ["GlossaryService/TermsMentioned"] = Access.Public,
        ["RegistryService/ListUnits"] = Access.Bureau,
        ["RegistryService/AddUnit"] = Access.Bureau,
        ["RegistryService/ChangeUnit"] = Access.Bureau,
        ["RegistryService/ImportUnits"] = Access.Bureau,
        ["RegistryService/ListRegistryActs"] = Access.Bureau,
        ["CredentialService/IssueCredential"] = Access.Bureau,
        ["CredentialService/ListCredentials"] = Access.Bureau,
        ["CredentialService/RevokeCredential"] = Access.Bureau,
        ["CredentialService/RotateCredential"] = Access.Bureau,
        ["CredentialService/WhoAmI"] = Access.Member,
        ["AuditService/ListAudit"] = Access.Bureau,
        ["ReviewService/ListReviews"] = Access.Bureau,
        ["ReviewService/GetReview"] = Access.Bureau,
        ["ReviewService/AcceptSubmission"] = Access.Bureau,
        ["ReviewService/ReturnSubmission"] = Access.Bureau,
        ["BackupService/Backup"] = Access.Bureau,
        ["Health/Check"] = Access.Public,
        ["ServerReflection/ServerReflectionInfo"] = Access.Public,
    };

    private const string A = "405001";       // department A, with its 下属单位 405002
    private const string AUnit = "405002";
    private const string B = "410001";       // department B, with a submission on file
    private const string Nobody = "419999";  // registered nowhere, nothing on file

    private readonly InProcessServer _server = new(
        $"code,name,parent,type\n{A},岳阳市教育局,,行政\n{AUnit},岳阳市第一中学,{A},事业\n{B},岳阳市卫生健康委员会,,行政\n");

    private readonly Dictionary<string, string?> _callers = new();

    public AccessMatrixTests()
    {
        _callers["anonymous"] = null;
        _callers["department A"] = _server.DepartmentCredential(A);
        _callers["department B"] = _server.DepartmentCredential(B);
        _callers["bureau"] = _server.BureauUserCredential("李四");
        var revoked = _server.DepartmentCredential(A, "已离职");
        _server.Service<Consolidation.Server.Application.Credentials>().Revoke(revoked.Split('.')[1], "离职", "test");
        _callers["revoked credential"] = revoked;
        _callers["expired credential"] = _server.BureauUserCredential("过期", expiresAt: DateTime.UtcNow.AddDays(-1));
        // B has a version on file for 2023, so that "B's data exists" is true while A is told it does not.
        _server.Submissions.Submit(new SubmitRequest { Accounts = AccountsMapper.ToProto(Department(B, Seed())) });
    }

    public void Dispose() => _server.Dispose();

    /// <summary>Every RPC the contract declares (our protos, health, reflection), from the generated descriptors.</summary>
    public static IEnumerable<MethodDescriptor> Rpcs()
    {
        var files = typeof(SubmissionService).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Reflection", StringComparison.Ordinal) && t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.PropertyType == typeof(FileDescriptor))
            .Select(t => (FileDescriptor)t.GetProperty("Descriptor")!.GetValue(null)!)
            .Append(global::Grpc.Health.V1.HealthReflection.Descriptor)
            .Append(global::Grpc.Reflection.V1Alpha.ReflectionReflection.Descriptor);
        return files.SelectMany(f => f.Services).SelectMany(s => s.Methods)
            .Where(m => !(m.Service.Name == "Health" && m.Name == "Watch")); // a stream that never ends; same policy as Check
    }

    public static IEnumerable<object[]> RpcNames() => Rpcs().Select(m => new object[] { Name(m) });

    private static string Name(MethodDescriptor m) => $"{m.Service.Name}/{m.Name}";

    [Fact]
    public void EveryDeclaredRpc_HasADocumentedAccess()
    {
        var missing = Rpcs().Select(Name).Where(n => !Expected.ContainsKey(n)).ToList();
        Assert.True(missing.Count == 0, "RPCs without a documented access (add them to Expected, docs/access.md and give the handler a policy): " + string.Join(", ", missing));
        var gone = Expected.Keys.Except(Rpcs().Select(Name)).ToList();
        Assert.True(gone.Count == 0, "Expected names RPCs the contract no longer has: " + string.Join(", ", gone));
    }

    [Fact]
    public void EveryMappedRpc_CarriesExactlyItsPolicy()
    {
        var endpoints = _server.Service<EndpointDataSource>().Endpoints
            .Select(e => (Endpoint: e, Grpc: e.Metadata.GetMetadata<GrpcMethodMetadata>()))
            .Where(e => e.Grpc is not null && Expected.ContainsKey($"{e.Grpc.Method.ServiceName.Split('.').Last()}/{e.Grpc.Method.Name}"))
            .ToList();
        Assert.Equal(Expected.Count + 1, endpoints.Count); // + Health/Watch
        foreach (var (endpoint, grpc) in endpoints)
        {
            var name = $"{grpc!.Method.ServiceName.Split('.').Last()}/{grpc.Method.Name}";
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.True(endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null, $"{name} allows anonymous callers outright: give it the public policy");
            var expected = Expected.GetValueOrDefault(name, Access.Public); // Health/Watch as Health/Check
            Assert.True(policies.SequenceEqual([PolicyOf(expected)]), $"{name}: policies [{string.Join(", ", policies)}], expected {PolicyOf(expected)}");
        }
    }

    private static string PolicyOf(Access access) => access switch
    {
        Access.Public => Policies.Public,
        Access.Bureau => Policies.Bureau,
        _ => Policies.Member,
    };

    [Theory]
    [MemberData(nameof(RpcNames))]
    public async Task EveryCaller_GetsTheDocumentedStatus(string rpc)
    {
        var method = Rpcs().Single(m => Name(m) == rpc);
        var access = Expected[rpc];
        foreach (var (caller, credential) in _callers)
        {
            // Department A is asked about B's data; everyone else about B's too (B about its own).
            var outcome = await Call(method, credential, B);
            var expected = caller switch
            {
                "revoked credential" or "expired credential" => "Unauthenticated",
                "anonymous" => access == Access.Public ? "allowed" : "Unauthenticated",
                "bureau" or "department B" => access == Access.Bureau && caller != "bureau" ? "PermissionDenied" : "allowed",
                _ => access switch
                {
                    Access.Bureau => "PermissionDenied",
                    Access.OwnDepartment => "as if missing",
                    _ => "allowed",
                },
            };
            var actual = outcome.Status switch
            {
                StatusCode.Unauthenticated => "Unauthenticated",
                StatusCode.PermissionDenied => "PermissionDenied",
                _ when expected == "as if missing" => SameAsMissing(outcome, await Call(method, credential, Nobody)) ? "as if missing" : $"told apart: {outcome}",
                _ => "allowed",
            };
            Assert.True(expected == actual, $"{rpc} × {caller}: expected {expected}, got {actual} ({outcome})");
        }
    }

    [Fact]
    public async Task DepartmentA_ReachesItsOwnUnit_AndItsOwnCode()
    {
        var a = _server.As(_callers["department A"]);
        var unit = a.Submissions.Validate(new ValidateRequest { Accounts = AccountsMapper.ToProto(Department(AUnit, Seed())) });
        Assert.NotNull(unit);
        var own = await a.Submissions.SubmitAsync(new SubmitRequest { Accounts = AccountsMapper.ToProto(Department(A, Seed())) });
        Assert.Equal("405001 报送员", own.SubmittedBy);
        Assert.Single(a.Submissions.ListVersions(new ListVersionsRequest { DepartmentCode = A, FiscalYear = 2023 }).Versions);
    }

    [Fact]
    public void Refusals_AreInTheAuditTrail_WithPrincipalPeerAndReason()
    {
        var a = _server.As(_callers["department A"]);
        Assert.Throws<RpcException>(() => a.Consolidation.RunConsolidation(new RunConsolidationRequest { FiscalYear = 2023 }));
        Assert.Throws<RpcException>(() => a.Submissions.GetSubmission(new GetSubmissionRequest { DepartmentCode = B, FiscalYear = 2023 }));
        Assert.Throws<RpcException>(() => _server.As(_callers["revoked credential"]).Glossary.Define(new DefineRequest { Term = "基本支出" }));
        var refused = _server.Audit(kind: "refused");
        Assert.Contains(refused, e => e.Method == "ConsolidationService/RunConsolidation" && e.Principal == "405001 报送员" && e.Outcome == "PermissionDenied");
        Assert.Contains(refused, e => e.Method == "SubmissionService/GetSubmission" && e.DepartmentCode == B && e.Outcome == "NotFound" && e.Peer.Length > 0);
        Assert.Contains(refused, e => e.Method == "GlossaryService/Define" && e.Principal == "(匿名)" && e.Reason.Contains("凭据已吊销"));
        // B's submission of the constructor, by the bureau, is an act on record.
        Assert.Contains(_server.Audit(department: B, kind: "submit"), e => e.Principal == "operator" && e.Outcome == "OK" && e.FiscalYear == 2023);
        // Never a credential: not in any entry.
        foreach (var secret in _callers.Values.OfType<string>())
            Assert.DoesNotContain(_server.Audit(), e => $"{e.Reason}{e.Principal}{e.KeyId}".Contains(secret.Split('.')[2]));
    }

    private sealed record Outcome(StatusCode Status, string Detail, byte[] Reply)
    {
        public override string ToString() => $"{Status} “{Detail}” {Reply.Length} bytes";
    }

    /// <summary>A's answer about B reads exactly as its answer about a code with nothing anywhere (the code itself aside).</summary>
    private static bool SameAsMissing(Outcome aboutB, Outcome aboutNobody) =>
        aboutB.Status == aboutNobody.Status
        && aboutB.Detail.Replace(B, "CODE") == aboutNobody.Detail.Replace(Nobody, "CODE")
        && ReplyText(aboutB.Reply, B) == ReplyText(aboutNobody.Reply, Nobody);

    private static string ReplyText(byte[] reply, string code) => Convert.ToHexString(reply).Replace(Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(code)), "CODE");

    /// <summary>One call of <paramref name="m"/> naming <paramref name="code"/>, with its request filled from its field names.</summary>
    private async Task<Outcome> Call(MethodDescriptor m, string? credential, string code)
    {
        var invoker = _server.As(credential).Channel.CreateCallInvoker();
        var request = Request(m.InputType, code);
        var type = (m.IsClientStreaming, m.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (true, true) => MethodType.DuplexStreaming,
            (false, true) => MethodType.ServerStreaming,
            _ => MethodType.ClientStreaming,
        };
        var input = m.InputType;
        var output = m.OutputType;
        var method = new Method<IMessage, IMessage>(type, m.Service.FullName, m.Name,
            Marshallers.Create<IMessage>(r => r.ToByteArray(), b => input.Parser.ParseFrom(b)),
            Marshallers.Create<IMessage>(r => r.ToByteArray(), b => output.Parser.ParseFrom(b)));
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30));
        try
        {
            if (type == MethodType.Unary)
                return new Outcome(StatusCode.OK, "", (await invoker.AsyncUnaryCall(method, null, options, request)).ToByteArray());
            var replies = new List<byte>();
            if (type == MethodType.ServerStreaming)
            {
                // One request, then the replies: no request stream to race the server's refusal.
                using var stream = invoker.AsyncServerStreamingCall(method, null, options, request);
                while (await stream.ResponseStream.MoveNext(CancellationToken.None)) replies.AddRange(stream.ResponseStream.Current.ToByteArray());
                return new Outcome(StatusCode.OK, "", [.. replies]);
            }
            using var call = invoker.AsyncDuplexStreamingCall(method, null, options);
            try
            {
                await call.RequestStream.WriteAsync(request);
                await call.RequestStream.CompleteAsync();
            }
            catch (RpcException)
            {
                // The server may refuse the call (and end it) before the request is written: the write then fails
                // (often as Cancelled) and the call's own status, read from the response below, is the answer.
            }
            while (await call.ResponseStream.MoveNext(CancellationToken.None)) replies.AddRange(call.ResponseStream.Current.ToByteArray());
            return new Outcome(StatusCode.OK, "", [.. replies]);
        }
        catch (RpcException e)
        {
            return new Outcome(e.StatusCode, e.Status.Detail, []);
        }
    }

    /// <summary>A request whose fields are filled by name: the year 2023, the code, accounts of the code, a term, a key ID.</summary>
    private static IMessage Request(MessageDescriptor type, string code)
    {
        var message = (IMessage)Activator.CreateInstance(type.ClrType)!;
        foreach (var f in type.Fields.InFieldNumberOrder())
        {
            object? value = (f.Name, f.FieldType) switch
            {
                ("fiscal_year", FieldType.Int32) => 2023,
                ("department_code", FieldType.String) => code,
                ("accounts", FieldType.Message) => AccountsMapper.ToProto(Department(code, Seed())),
                ("request_id", FieldType.String) => "matrix-request",
                ("term" or "query" or "text", FieldType.String) => "基本支出",
                ("key_id", FieldType.String) => "000000000000",
                ("list_services", FieldType.String) => "*",
                _ => null,
            };
            if (value is not null && !f.IsRepeated) f.Accessor.SetValue(message, value);
        }
        return message;
    }

    private static Consolidation.Domain.Model.FinalAccounts Department(string code, Consolidation.Domain.Model.FinalAccounts a) =>
        a with { DepartmentCode = code, Composition = a.Composition with { Self = a.Composition.Self with { Code = code } } };
}
