using System.Security.Claims;
using System.Text.Encodings.Web;
using Consolidation.Server.Application;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Consolidation.Server.Security;

/// <summary>
/// ASP.NET Core authentication for the credentials the bureau issues (API keys): <c>authorization: Bearer fa1.KEY.SECRET</c>.
/// No header: no result (anonymous). A header that does not verify (malformed, unknown, revoked, expired): a failure,
/// which every policy — the anonymous one too — answers with UNAUTHENTICATED. Logs and audit entries get the key ID at
/// most, never the header.
/// </summary>
public sealed class CredentialAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Credentials credentials)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "FaCredential";
    public const string RoleClaim = ClaimTypes.Role;
    public const string DepartmentClaim = "fa_department";
    public const string KeyClaim = "fa_key";

    /// <summary>Set on the HttpContext when a credential was presented and refused (read by the policies and the audit).</summary>
    public const string FailureItem = "fa.credential-failure";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header)) return Task.FromResult(AuthenticateResult.NoResult());
        const string bearer = "Bearer ";
        var presented = header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? header[bearer.Length..] : "";
        var (principal, failure) = presented.Length == 0 ? (null, CredentialFailure.Malformed) : credentials.Verify(presented);
        if (principal is null)
        {
            Context.Items[FailureItem] = failure;
            return Task.FromResult(AuthenticateResult.Fail(Describe(failure)));
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, principal.Name),
            new Claim(RoleClaim, principal.IsBureau ? Policies.BureauRole : Policies.DepartmentRole),
            new Claim(DepartmentClaim, principal.DepartmentCode),
            new Claim(KeyClaim, principal.KeyId),
        ], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    public static string Describe(CredentialFailure failure) => failure switch
    {
        CredentialFailure.Revoked => "凭据已吊销",
        CredentialFailure.Expired => "凭据已过期",
        CredentialFailure.Unknown => "凭据无效（没有这个凭据）",
        _ => "凭据格式不对（应为 fa1.… 的完整凭据）",
    };

    /// <summary>The principal of an authenticated user, or null.</summary>
    public static Principal? PrincipalOf(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(KeyClaim) is not { } key) return null;
        var role = user.FindFirstValue(RoleClaim) == Policies.BureauRole ? PrincipalRole.Bureau : PrincipalRole.Department;
        return new Principal(key, user.Identity.Name ?? "", role, user.FindFirstValue(DepartmentClaim) ?? "");
    }
}
