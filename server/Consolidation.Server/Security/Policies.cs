using Consolidation.Server.Application;
using Microsoft.AspNetCore.Authorization;

namespace Consolidation.Server.Security;

/// <summary>
/// The three policies every RPC carries one of (docs/access.md), as <c>[Authorize(Policy = …)]</c> on its handler:
/// <see cref="Public"/> (anonymous callers too: health, reflection, glossary reads), <see cref="Member"/> (any
/// authenticated department or bureau; what a department reaches is then limited to its own data by
/// <see cref="DepartmentAccess"/>), <see cref="Bureau"/> (财政局 only). An RPC without one gets the fallback policy: the
/// bureau's.
/// </summary>
public static class Policies
{
    public const string Public = "public";
    public const string Member = "member";
    public const string Bureau = "bureau";
    /// <summary>Resource-based: the resource is a department or unit code (<see cref="DepartmentDataRequirement"/>).</summary>
    public const string DepartmentData = "department-data";

    public const string BureauRole = "bureau";
    public const string DepartmentRole = "department";

    public static void Add(AuthorizationOptions options)
    {
        var bureau = new AuthorizationPolicyBuilder(CredentialAuthenticationHandler.SchemeName).RequireAuthenticatedUser().RequireRole(BureauRole).Build();
        options.AddPolicy(Bureau, bureau);
        options.AddPolicy(Member, p => p.AddAuthenticationSchemes(CredentialAuthenticationHandler.SchemeName).RequireAuthenticatedUser()
            .RequireRole(BureauRole, DepartmentRole));
        // Anyone — except a caller that presented a credential the server refused (revoked, expired, unknown): told so.
        options.AddPolicy(Public, p => p.AddAuthenticationSchemes(CredentialAuthenticationHandler.SchemeName)
            .RequireAssertion(c => c.Resource is not HttpContext http || !http.Items.ContainsKey(CredentialAuthenticationHandler.FailureItem)));
        options.AddPolicy(DepartmentData, p => p.AddRequirements(new DepartmentDataRequirement()));
        options.DefaultPolicy = bureau;
        options.FallbackPolicy = bureau;
    }
}

/// <summary>A department's own data: its code, or a unit registered under it (下属单位). The bureau reaches every code.</summary>
public sealed class DepartmentDataRequirement : IAuthorizationRequirement;

public sealed class DepartmentDataHandler(RegistryBook registry) : AuthorizationHandler<DepartmentDataRequirement, string>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, DepartmentDataRequirement requirement, string code)
    {
        var principal = CredentialAuthenticationHandler.PrincipalOf(context.User);
        if (principal is not null && (principal.IsBureau || Within(principal.DepartmentCode, code))) context.Succeed(requirement);
        return Task.CompletedTask;
    }

    private bool Within(string department, string code)
    {
        if (department.Length == 0) return false;
        if (code == department) return true;
        var units = registry.Hierarchy();
        return units.Find(code) is not null && units.IsWithin(code, department);
    }
}
