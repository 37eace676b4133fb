using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Server.Application;
using Consolidation.Server.Security;
using Consolidation.Server.Application.Ports;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = Consolidation.Contracts;

namespace Consolidation.Server.Services;

/// <summary>凭据 over gRPC: the finance bureau issues, lists, revokes and rotates credentials (docs/access.md).</summary>
public sealed class CredentialGrpcService(Credentials credentials) : CredentialService.CredentialServiceBase
{
    [Authorize(Policy = Policies.Bureau)]
    public override Task<IssuedCredential> IssueCredential(IssueCredentialRequest request, ServerCallContext context)
    {
        var (issued, secret) = Refusing(() => credentials.Issue(request.Name, Role(request.Role), request.DepartmentCode, request.ValidDays,
            DepartmentAccess.PrincipalOf(context).Recorded));
        return Task.FromResult(new IssuedCredential { Credential = ToProto(issued), Secret = secret });
    }

    [Authorize(Policy = Policies.Bureau)]
    public override Task<ListCredentialsReply> ListCredentials(ListCredentialsRequest request, ServerCallContext context)
    {
        var reply = new ListCredentialsReply();
        reply.Credentials.AddRange(credentials.List(request.DepartmentCode, request.IncludeInactive).Select(ToProto));
        return Task.FromResult(reply);
    }

    [Authorize(Policy = Policies.Bureau)]
    public override Task<CredentialInfo> RevokeCredential(RevokeCredentialRequest request, ServerCallContext context) =>
        Task.FromResult(ToProto(Refusing(() => credentials.Revoke(request.KeyId, request.Reason, DepartmentAccess.PrincipalOf(context).Recorded))));

    [Authorize(Policy = Policies.Bureau)]
    public override Task<IssuedCredential> RotateCredential(RotateCredentialRequest request, ServerCallContext context)
    {
        var (issued, secret, _) = Refusing(() => credentials.Rotate(request.KeyId, request.OverlapDays, request.ValidDays,
            DepartmentAccess.PrincipalOf(context).Recorded));
        return Task.FromResult(new IssuedCredential { Credential = ToProto(issued), Secret = secret });
    }

    [Authorize(Policy = Policies.Member)]
    public override Task<CredentialInfo> WhoAmI(WhoAmIRequest request, ServerCallContext context) =>
        Task.FromResult(ToProto(credentials.Find(DepartmentAccess.PrincipalOf(context).KeyId)!));

    private static T Refusing<T>(Func<T> act)
    {
        try { return act(); }
        catch (CredentialRefusedException e) when (e.NotFound) { throw new RpcException(new Status(StatusCode.NotFound, e.Message)); }
        catch (CredentialRefusedException e) { throw ErrorInterceptor.InvalidArgument(e.Message, [("credential", e.Message)]); }
    }

    private static Application.PrincipalRole Role(Contract.PrincipalRole role) => role switch
    {
        Contract.PrincipalRole.Bureau => Application.PrincipalRole.Bureau,
        Contract.PrincipalRole.Department => Application.PrincipalRole.Department,
        _ => 0,
    };

    private CredentialInfo ToProto(CredentialRecord c)
    {
        var state = credentials.StateOf(c);
        var info = new CredentialInfo
        {
            KeyId = c.Id, Name = c.Name, Role = (Contract.PrincipalRole)c.Role, DepartmentCode = c.DepartmentCode,
            IssuedAt = WireTime.Utc(c.IssuedAt), ExpiresAt = WireTime.Utc(c.ExpiresAt), IssuedBy = c.IssuedBy, RotatedFrom = c.RotatedFrom,
            State = state switch { Credentials.CredentialState.Revoked => "已吊销", Credentials.CredentialState.Expired => "已过期", _ => "有效" },
            RevokeReason = c.RevokeReason,
        };
        if (c.RevokedAt is { } at) info.RevokedAt = WireTime.Utc(at);
        return info;
    }

}
