using Consolidation.Server.Application;
using Grpc.AspNetCore.Server;

namespace Consolidation.Server.Security;

/// <summary>A call over the principal's rate is answered RESOURCE_EXHAUSTED (a gRPC status, not HTTP 429) and recorded.</summary>
public static class RateLimits
{
    public const string Message = "调用过于频繁，已超过该凭据的速率限制，请稍后再试（设置 Consolidation:RateLimitPerSecond / RateLimitBurst）";

    public static ValueTask Refuse(HttpContext context)
    {
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is { } grpc
            ? GrpcAuthorizationResultHandler.MethodName(grpc) : context.Request.Path.ToString();
        context.RequestServices.GetRequiredService<AuditTrail>().Record(new AuditTrail.Entry(
            CredentialAuthenticationHandler.PrincipalOf(context.User), GrpcAuthorizationResultHandler.Peer(context), method, "refused", "", 0,
            "ResourceExhausted", "速率限制"));
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)Grpc.Core.StatusCode.ResourceExhausted).ToString();
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(Message);
        return ValueTask.CompletedTask;
    }
}
