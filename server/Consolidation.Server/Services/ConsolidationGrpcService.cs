using Consolidation.Contracts;
using Consolidation.Server.Application;
using Grpc.Core;

namespace Consolidation.Server.Services;

/// <summary>汇总 over gRPC: unpacks the request, hands it to <see cref="ConsolidationOffice"/>, packs the reply.</summary>
public sealed class ConsolidationGrpcService(ConsolidationOffice office) : ConsolidationService.ConsolidationServiceBase
{
    public override Task<ConsolidatedDisclosure> RunConsolidation(RunConsolidationRequest request, ServerCallContext context)
    {
        RequireYear(request.FiscalYear);
        return Task.FromResult(office.Run(request.FiscalYear, request.RequestedBy));
    }

    public override Task<ConsolidatedDisclosure> GetConsolidation(GetConsolidationRequest request, ServerCallContext context)
    {
        RequireYear(request.FiscalYear);
        return Task.FromResult(office.Get(request.FiscalYear, request.RunNumber)
            ?? throw new RpcException(new Status(StatusCode.NotFound,
                $"{request.FiscalYear} 年度还没有{(request.RunNumber > 0 ? $"第 {request.RunNumber} 次" : "")}汇总结果")));
    }

    public override Task<Coverage> ListCoverage(ListCoverageRequest request, ServerCallContext context)
    {
        RequireYear(request.FiscalYear);
        return Task.FromResult(ConsolidationOffice.ToProto(office.Coverage(request.FiscalYear)));
    }

    private static void RequireYear(int year)
    {
        if (year is < Domain.Validation.AccountsValidator.MinFiscalYear or > Domain.Validation.AccountsValidator.MaxFiscalYear)
            throw ErrorInterceptor.InvalidArgument($"决算年度 {year} 无效", [("fiscal_year", "应为 2000–2100 之间的年度")]);
    }
}
