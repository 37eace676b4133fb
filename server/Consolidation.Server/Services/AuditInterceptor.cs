using Consolidation.Server.Application;
using Consolidation.Server.Security;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Consolidation.Server.Services;

/// <summary>
/// Records every act (an RPC that changes something) in the audit trail with its outcome: the principal, the peer, the
/// department and year the request names, and its reason when it has one. Reads are not recorded; refused calls are,
/// where they are refused (<see cref="GrpcAuthorizationResultHandler"/>, <see cref="DepartmentAccess"/>). Each submission
/// of a batch is recorded by the batch handler.
/// </summary>
public sealed class AuditInterceptor(AuditTrail audit) : Interceptor
{
    /// <summary>The acts, by RPC name, and the kind each is recorded as (the filter of <c>fa audit --kind</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        ["Submit"] = "submit",
        ["SubmitBatch"] = "submit",
        ["RunConsolidation"] = "consolidate",
        ["PublishConsolidation"] = "publish",
        ["ReopenYear"] = "reopen",
        ["AddUnit"] = "registry",
        ["ChangeUnit"] = "registry",
        ["ImportUnits"] = "registry",
        ["AddTerm"] = "glossary",
        ["CorrectTerm"] = "glossary",
        ["IssueCredential"] = "credential",
        ["RevokeCredential"] = "credential",
        ["RotateCredential"] = "credential",
        ["AcceptSubmission"] = "review",
        ["ReturnSubmission"] = "review",
    };

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var name = context.Method[(context.Method.LastIndexOf('/') + 1)..];
        if (!Kinds.TryGetValue(name, out var kind)) return await continuation(request, context);
        try
        {
            var response = await continuation(request, context);
            Record(context, kind, request as IMessage, "OK", Describe(response as IMessage));
            return response;
        }
        catch (RpcException e)
        {
            Record(context, kind, request as IMessage, e.StatusCode.ToString(), e.Status.Detail);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The ErrorInterceptor (outer) maps the application's refusals; recorded here with their message.
            Record(context, kind, request as IMessage, "Refused", e.Message);
            throw;
        }
    }

    private void Record(ServerCallContext context, string kind, IMessage? request, string outcome, string detail)
    {
        var (code, year) = Subject(request);
        var reason = Field(request, "reason") is { Length: > 0 } r ? r : "";
        if (detail.Length > 0) reason = reason.Length > 0 ? $"{reason}；{detail}" : detail;
        var http = context.GetHttpContext();
        var method = context.Method.TrimStart('/');
        method = method[(method.LastIndexOf('.', method.IndexOf('/')) + 1)..];
        audit.Record(new AuditTrail.Entry(CredentialAuthenticationHandler.PrincipalOf(http.User), GrpcAuthorizationResultHandler.Peer(http),
            method, kind, code, year, outcome, reason));
    }

    /// <summary>The department and year a request (or its accounts) names, read from the fields so named.</summary>
    public static (string Code, int Year) Subject(IMessage? message)
    {
        if (message is null) return ("", 0);
        var code = Field(message, "department_code") ?? Field(message, "code") ?? Field(message, "scope") ?? "";
        var year = message.Descriptor.FindFieldByName("fiscal_year") is { FieldType: FieldType.Int32 } f ? (int)f.Accessor.GetValue(message) : 0;
        if (message.Descriptor.FindFieldByName("accounts") is { FieldType: FieldType.Message } a && a.Accessor.GetValue(message) is IMessage accounts)
        {
            var (c, y) = Subject(accounts);
            return (code.Length > 0 ? code : c, year > 0 ? year : y);
        }
        return (code, year);
    }

    private static string? Field(IMessage? message, string name) =>
        message?.Descriptor.FindFieldByName(name) is { FieldType: FieldType.String } f ? (string)f.Accessor.GetValue(message) : null;

    /// <summary>A word on what the act produced: the version stored, the run made — never a secret.</summary>
    private static string Describe(IMessage? response) => response switch
    {
        Contracts.SubmissionRecord r => $"第 {r.Version} 版 {r.Status}",
        Contracts.ConsolidatedDisclosure d => $"第 {d.RunNumber} 次汇总",
        Contracts.IssuedCredential c => $"凭据 {c.Credential.KeyId}（{c.Credential.Name}）",
        Contracts.CredentialInfo c => $"凭据 {c.KeyId}（{c.State}）",
        Contracts.ReviewItem r => $"第 {r.Version} 版 {Application.ReviewDesk.Name((Application.ReviewState)(int)r.State)}",
        _ => "",
    };
}
