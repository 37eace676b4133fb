using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Server.Application;
using Consolidation.Server.Security;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Consolidation.Server.Services;

/// <summary>审计记录 over gRPC: the finance bureau reads the trail, filtered; nobody changes it.</summary>
public sealed class AuditGrpcService(AuditTrail audit) : AuditService.AuditServiceBase
{
    [Authorize(Policy = Policies.Bureau)]
    public override Task<ListAuditReply> ListAudit(ListAuditRequest request, ServerCallContext context)
    {
        var reply = new ListAuditReply();
        reply.Entries.AddRange(audit.Find(request.DepartmentCode, request.FiscalYear, request.Kind,
            request.Since?.ToDateTime(), request.Until?.ToDateTime(), request.Limit).Select(e => new AuditEntry
        {
            Sequence = e.Id, At = WireTime.Utc(e.At), Principal = e.Principal, KeyId = e.KeyId,
            Role = e.Role, Peer = e.Peer, Method = e.Method, Kind = e.Kind, DepartmentCode = e.DepartmentCode, FiscalYear = e.FiscalYear,
            Outcome = e.Outcome, Reason = e.Reason,
        }));
        return Task.FromResult(reply);
    }
}
