using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Server.Application;
using Consolidation.Server.Security;
using Consolidation.Server.Application.Ports;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using D = Consolidation.Domain.Model;

namespace Consolidation.Server.Services;

/// <summary>
/// 预算单位名录 over gRPC: unpack → <see cref="RegistryBook"/> → pack. The finance bureau's only; every change records
/// the authenticated principal.
/// </summary>
public sealed class RegistryGrpcService(RegistryBook registry) : RegistryService.RegistryServiceBase
{
    [Authorize(Policy = Policies.Bureau)]
    public override Task<ListUnitsReply> ListUnits(ListUnitsRequest request, ServerCallContext context)
    {
        var reply = new ListUnitsReply();
        reply.Units.AddRange(registry.List(request.Parent).Select(ToProto));
        return Task.FromResult(reply);
    }

    [Authorize(Policy = Policies.Bureau)]
    public override Task<RegistryUnit> AddUnit(RegistryUnitChange request, ServerCallContext context) =>
        Task.FromResult(ToProto(registry.Add(request.Code, request.Name, request.Parent, (D.UnitType)(int)request.Type, By(context))));

    [Authorize(Policy = Policies.Bureau)]
    public override Task<RegistryUnit> ChangeUnit(RegistryUnitChange request, ServerCallContext context) =>
        Task.FromResult(ToProto(registry.Change(request.Code, request.Name, request.Parent, (D.UnitType)(int)request.Type, By(context))));

    [Authorize(Policy = Policies.Bureau)]
    public override Task<ImportUnitsReply> ImportUnits(ImportUnitsRequest request, ServerCallContext context)
    {
        var (added, changed, unchanged) = registry.Import(request.Csv, By(context), request.Source);
        return Task.FromResult(new ImportUnitsReply { Added = added, Changed = changed, Unchanged = unchanged });
    }

    [Authorize(Policy = Policies.Bureau)]
    public override Task<ListRegistryActsReply> ListRegistryActs(ListRegistryActsRequest request, ServerCallContext context)
    {
        var reply = new ListRegistryActsReply();
        reply.Acts.AddRange(registry.Acts(request.Code).Select(a => new RegistryAct
        {
            Sequence = a.Id, At = WireTime.Utc(a.At), By = a.By, Action = a.Action, Code = a.Code,
            Before = a.Before is null ? null : ToProto(a.Before), After = a.After is null ? null : ToProto(a.After), Source = a.Source,
        }));
        return Task.FromResult(reply);
    }

    private static string By(ServerCallContext context) => DepartmentAccess.PrincipalOf(context).Recorded;

    private static RegistryUnit ToProto(RegistryUnitRecord d) => new()
    {
        Code = d.Id, Name = d.Name, Parent = d.Parent, Type = (UnitType)d.Type,
        ChangedAt = WireTime.Utc(d.ChangedAt), ChangedBy = d.ChangedBy,
    };
}
