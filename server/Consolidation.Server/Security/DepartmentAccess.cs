using Consolidation.Server.Application;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Consolidation.Server.Security;

/// <summary>
/// Resource-based authorization for the <see cref="Policies.Member"/> RPCs that name a department or unit: the
/// <see cref="Policies.DepartmentData"/> policy decides, this only asks it. A department reaching beyond its own data is
/// answered exactly as if the code had nothing on file (the caller's own NOT_FOUND), so a refusal never tells whether
/// another department exists; the refusal is still recorded in the audit trail as such.
/// </summary>
public sealed class DepartmentAccess(IAuthorizationService authorization, AuditTrail audit)
{
    public async Task<bool> MayAsync(ServerCallContext context, string code)
    {
        var user = context.GetHttpContext().User;
        return (await authorization.AuthorizeAsync(user, code, Policies.DepartmentData)).Succeeded;
    }

    /// <summary>Throws <paramref name="asIfMissing"/> (a NOT_FOUND) when the caller may not reach <paramref name="code"/>.</summary>
    public async Task RequireAsync(ServerCallContext context, string code, int fiscalYear, Func<RpcException> asIfMissing)
    {
        if (await MayAsync(context, code)) return;
        var e = asIfMissing();
        RecordRefusal(context, code, fiscalYear);
        throw e;
    }

    public void RecordRefusal(ServerCallContext context, string code, int fiscalYear)
    {
        var http = context.GetHttpContext();
        var principal = CredentialAuthenticationHandler.PrincipalOf(http.User);
        var method = context.Method.TrimStart('/');
        method = method[(method.IndexOf('.') < 0 ? 0 : method.LastIndexOf('.', method.IndexOf('/')) + 1)..];
        audit.Record(new AuditTrail.Entry(principal, GrpcAuthorizationResultHandler.Peer(http), method, "refused", code, fiscalYear,
            "NotFound", $"{code} 不属于调用者（部门 {principal?.DepartmentCode}）：按不存在答复"));
    }

    /// <summary>The authenticated principal of the call (every non-public RPC has one).</summary>
    public static Principal PrincipalOf(ServerCallContext context) =>
        CredentialAuthenticationHandler.PrincipalOf(context.GetHttpContext().User)
        ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "未通过身份验证"));
}
