using System.Security.Claims;
using Grpc.Core;

namespace Consolidation.Server.Services;

/// <summary>What a caller may do: 部门 (department) reads; 财政局 (finance bureau) also changes the glossary.</summary>
public enum CallerRole { Department = 1, Bureau = 2 }

/// <summary>
/// Who calls and in which role. There is no authentication yet, so the role comes from the request metadata
/// <c>x-fa-role: bureau | department</c> (absent = department, read-only) and the name from <c>x-fa-user</c>
/// (percent-encoded UTF-8). Once callers
/// are authenticated, an authenticated principal's claims (<see cref="RoleClaim"/>, its name) take over and the headers
/// are no longer read for it; turning the headers off entirely is the one line in <see cref="From"/> marked below.
/// </summary>
public sealed record Caller(CallerRole Role, string Name)
{
    public const string RoleHeader = "x-fa-role";
    public const string UserHeader = "x-fa-user";
    public const string RoleClaim = "fa_role";

    public bool IsBureau => Role == CallerRole.Bureau;

    public string RoleName => Role == CallerRole.Bureau ? "财政局" : "部门";

    public static Caller From(ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        if (user.Identity?.IsAuthenticated == true)
            return new Caller(ParseRole(user.FindFirstValue(RoleClaim)), user.Identity.Name ?? "");
        // Unauthenticated: trust the headers (the step to take once authentication is on: refuse here instead).
        // x-fa-user is percent-encoded UTF-8 (metadata values are ASCII).
        var name = context.RequestHeaders.GetValue(UserHeader) is { } encoded ? Uri.UnescapeDataString(encoded) : "";
        return new Caller(ParseRole(context.RequestHeaders.GetValue(RoleHeader)), name);
    }

    /// <summary>"bureau" (or 财政局) → Bureau; absent or "department" (部门) → Department; anything else is a bad request.</summary>
    public static CallerRole ParseRole(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "department" or "部门" => CallerRole.Department,
        "bureau" or "财政局" => CallerRole.Bureau,
        _ => throw ErrorInterceptor.InvalidArgument($"调用身份“{value}”无效，应为 bureau 或 department", [(RoleHeader, "应为 bureau 或 department")]),
    };

    /// <summary>PERMISSION_DENIED unless the caller is the finance bureau.</summary>
    public void RequireBureau(string what)
    {
        if (!IsBureau)
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"只有财政局可以{what}（当前身份：{RoleName}）。部门只能查阅名词解释。"));
    }
}
