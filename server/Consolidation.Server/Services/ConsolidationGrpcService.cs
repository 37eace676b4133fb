using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Server.Application;
using Consolidation.Server.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Consolidation.Server.Services;

/// <summary>
/// 汇总 over gRPC: unpacks the request, hands it to <see cref="ConsolidationOffice"/>, packs the reply. The finance
/// bureau's, except the year's lock state, which any authenticated caller may read (a department sees why its year
/// takes no submission).
/// </summary>
public sealed class ConsolidationGrpcService(ConsolidationOffice office, YearLocks locks) : ConsolidationService.ConsolidationServiceBase
{
    [Authorize(Policy = Policies.Bureau)]
    public override Task<ConsolidatedDisclosure> RunConsolidation(RunConsolidationRequest request, ServerCallContext context)
    {
        RequireYear(request.FiscalYear);
        RequireScope(request.Scope);
        context.CancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(DisclosureMapper.ToProto(office.Run(request.FiscalYear, DepartmentAccess.PrincipalOf(context).Recorded, request.Scope)));
    }

    [Authorize(Policy = Policies.Bureau)]
    public override Task<ConsolidatedDisclosure> GetConsolidation(GetConsolidationRequest request, ServerCallContext context)
    {
        RequireYear(request.FiscalYear);
        RequireScope(request.Scope);
        var run = office.Get(request.FiscalYear, request.RunNumber, request.RunNumber > 0 ? null : request.Scope)
            ?? throw new RpcException(new Status(StatusCode.NotFound,
                $"{request.FiscalYear} 年度还没有{(request.RunNumber > 0 ? $"第 {request.RunNumber} 次" : "")}汇总结果"));
        return Task.FromResult(DisclosureMapper.ToProto(run));
    }

    [Authorize(Policy = Policies.Bureau)]
    public override Task<Coverage> ListCoverage(ListCoverageRequest request, ServerCallContext context)
    {
        RequireYear(request.FiscalYear);
        return Task.FromResult(CoverageMapper.ToProto(office.Coverage(request.FiscalYear)));
    }

    [Authorize(Policy = Policies.Bureau)]
    public override Task<YearLock> PublishConsolidation(PublishConsolidationRequest request, ServerCallContext context)
    {
        RequireYear(request.FiscalYear);
        var state = locks.Publish(request.FiscalYear, request.RunNumber, DepartmentAccess.PrincipalOf(context).Recorded)
            ?? throw new RpcException(new Status(StatusCode.NotFound,
                $"{request.FiscalYear} 年度没有{(request.RunNumber > 0 ? $"第 {request.RunNumber} 次" : "全市")}汇总结果，无法发布"));
        return Task.FromResult(ToProto(state));
    }

    [Authorize(Policy = Policies.Bureau)]
    public override Task<YearLock> ReopenYear(ReopenYearRequest request, ServerCallContext context)
    {
        RequireYear(request.FiscalYear);
        return Task.FromResult(ToProto(locks.Reopen(request.FiscalYear, DepartmentAccess.PrincipalOf(context).Recorded, request.Reason)));
    }

    [Authorize(Policy = Policies.Member)]
    public override Task<YearLock> GetYearLock(GetYearLockRequest request, ServerCallContext context)
    {
        RequireYear(request.FiscalYear);
        return Task.FromResult(ToProto(locks.Get(request.FiscalYear)));
    }

    private static YearLock ToProto(YearLocks.State state)
    {
        var m = new YearLock { FiscalYear = state.FiscalYear, Locked = state.Locked, PublishedRun = state.PublishedRun };
        m.Acts.AddRange(state.Acts.Select(a => new YearLockAct
        {
            Act = a.Act, RunNumber = a.RunNumber, By = a.By, Reason = a.Reason,
            At = WireTime.Utc(a.At),
        }));
        return m;
    }

    private static void RequireScope(string scope)
    {
        if (scope.Length > 0 && !Domain.Validation.AccountsValidator.DepartmentCodePattern().IsMatch(scope))
            throw ErrorInterceptor.InvalidArgument($"汇总范围“{scope}”无效", [("scope", "应为部门编码（6 至 12 位数字），或留空表示全市")]);
    }

    private static void RequireYear(int year)
    {
        if (year is < Domain.Validation.AccountsValidator.MinFiscalYear or > Domain.Validation.AccountsValidator.MaxFiscalYear)
            throw ErrorInterceptor.InvalidArgument($"决算年度 {year} 无效", [("fiscal_year", "应为 2000–2100 之间的年度")]);
    }
}
