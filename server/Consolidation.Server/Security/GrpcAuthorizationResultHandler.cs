using Consolidation.Server.Application;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Consolidation.Server.Security;

/// <summary>
/// A call the policies refuse is answered as a gRPC status with a message in Chinese — UNAUTHENTICATED without a valid
/// credential, PERMISSION_DENIED for a role that may not call the RPC — instead of a bare HTTP 401/403, and recorded
/// in the audit trail (principal, peer, method, reason).
/// </summary>
public sealed class GrpcAuthorizationResultHandler(AuditTrail audit) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Succeeded || context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is not { } grpc)
            return _default.HandleAsync(next, context, policy, result);

        var principal = CredentialAuthenticationHandler.PrincipalOf(context.User);
        var (status, message) = principal is null
            ? (Grpc.Core.StatusCode.Unauthenticated, context.Items.TryGetValue(CredentialAuthenticationHandler.FailureItem, out var f) && f is CredentialFailure failure
                ? $"未通过身份验证：{CredentialAuthenticationHandler.Describe(failure)}。请向财政局申领有效凭据（docs/access.md）"
                : "未通过身份验证：此操作须提供凭据（环境变量 FA_CREDENTIAL 或 FA_CREDENTIAL_FILE，或 --credential-file）")
            : (Grpc.Core.StatusCode.PermissionDenied, principal.IsBureau
                ? "无权操作"
                : $"无权操作：此操作只限财政局（当前身份：部门 {principal.DepartmentCode} {principal.Name}）");
        audit.Record(new AuditTrail.Entry(principal, Peer(context), MethodName(grpc), "refused", "", 0, status.ToString(), message));

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)status).ToString();
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        return Task.CompletedTask;
    }

    public static string MethodName(GrpcMethodMetadata grpc) => $"{grpc.Method.ServiceName.Split('.').Last()}/{grpc.Method.Name}";

    public static string Peer(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } ip ? $"{ip}:{context.Connection.RemotePort}" : "(本机测试)";
}
