using Consolidation.Contracts;
using Consolidation.Server.Application;
using Consolidation.Server.Storage;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using D = Consolidation.Domain.Model;

namespace Consolidation.Server.Services;

/// <summary>
/// 预算单位名录 over gRPC: unpack → <see cref="RegistryBook"/> → pack.
/// AUTHORIZATION goes here: once callers are authenticated, AddUnit / ChangeUnit / ImportUnits must check the caller
/// holds the finance bureau's registry role (and take changed_by from the identity, not from the request).
/// </summary>
public sealed class RegistryGrpcService(RegistryBook registry) : RegistryService.RegistryServiceBase
{
    public override Task<ListUnitsReply> ListUnits(ListUnitsRequest request, ServerCallContext context)
    {
        var reply = new ListUnitsReply();
        reply.Units.AddRange(registry.List(request.Parent).Select(ToProto));
        return Task.FromResult(reply);
    }

    public override Task<RegistryUnit> AddUnit(RegistryUnitChange request, ServerCallContext context) =>
        Task.FromResult(ToProto(registry.Add(request.Code, request.Name, request.Parent, (D.UnitType)(int)request.Type, request.ChangedBy)));

    public override Task<RegistryUnit> ChangeUnit(RegistryUnitChange request, ServerCallContext context) =>
        Task.FromResult(ToProto(registry.Change(request.Code, request.Name, request.Parent, (D.UnitType)(int)request.Type, request.ChangedBy)));

    public override Task<ImportUnitsReply> ImportUnits(ImportUnitsRequest request, ServerCallContext context)
    {
        var (added, changed, unchanged) = registry.Import(request.Csv, request.ChangedBy, request.Source);
        return Task.FromResult(new ImportUnitsReply { Added = added, Changed = changed, Unchanged = unchanged });
    }

    public override Task<ListRegistryActsReply> ListRegistryActs(ListRegistryActsRequest request, ServerCallContext context)
    {
        var reply = new ListRegistryActsReply();
        reply.Acts.AddRange(registry.Acts(request.Code).Select(a => new RegistryAct
        {
            Sequence = a.Id, At = Timestamp.FromDateTime(DateTime.SpecifyKind(a.At, DateTimeKind.Utc)), By = a.By, Action = a.Action, Code = a.Code,
            Before = a.Before is null ? null : ToProto(a.Before), After = a.After is null ? null : ToProto(a.After), Source = a.Source,
        }));
        return Task.FromResult(reply);
    }

    private static RegistryUnit ToProto(RegistryUnitDocument d) => new()
    {
        Code = d.Id, Name = d.Name, Parent = d.Parent, Type = (UnitType)d.Type,
        ChangedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(d.ChangedAt, DateTimeKind.Utc)), ChangedBy = d.ChangedBy,
    };
}
