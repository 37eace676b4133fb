using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Server.Application;
using Consolidation.Server.Storage;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Consolidation.Server.Services;

/// <summary>报送 over gRPC: unpacks the request, hands it to <see cref="Intake"/>, packs the reply.</summary>
public sealed partial class SubmissionGrpcService(
    Intake intake, IdempotentIntake idempotentIntake, SubmissionRepository submissions, GlossaryOffice glossary)
    : SubmissionService.SubmissionServiceBase
{
    public override Task<SubmissionRecord> Submit(SubmitRequest request, ServerCallContext context)
    {
        if (request.RequestId.Length > 0) return Task.FromResult(SubmitIdempotent(request));
        var accounts = RequireAccounts(request.Accounts);
        var stored = intake.Submit(AccountsMapper.ToDomain(accounts), request.SubmittedBy);
        return Task.FromResult(ToRecord(stored, includeAccounts: false));
    }

    public override Task<ValidateReply> Validate(ValidateRequest request, ServerCallContext context)
    {
        var accounts = AccountsMapper.ToDomain(RequireAccounts(request.Accounts));
        var check = intake.Validate(accounts);
        var reply = FindingMapper.ToReply(check);
        FindingTerms.Annotate(reply.Findings, glossary.Current, accounts.FiscalYear);
        return Task.FromResult(reply);
    }

    public override Task<SubmissionRecord> GetSubmission(GetSubmissionRequest request, ServerCallContext context)
    {
        RequireCode(request.DepartmentCode);
        var stored = submissions.Get(request.DepartmentCode, request.FiscalYear, request.Version)
            ?? throw new RpcException(new Status(StatusCode.NotFound,
                $"没有 {request.DepartmentCode} {request.FiscalYear} 年度{(request.Version > 0 ? $"第 {request.Version} 版" : "")}的报送"));
        return Task.FromResult(ToRecord(stored, request.IncludeAccounts));
    }

    public override Task<ListVersionsReply> ListVersions(ListVersionsRequest request, ServerCallContext context)
    {
        RequireCode(request.DepartmentCode);
        var reply = new ListVersionsReply();
        reply.Versions.AddRange(submissions.Versions(request.DepartmentCode, request.FiscalYear).Select(s => new SubmissionSummary
        {
            DepartmentCode = s.DepartmentCode,
            DepartmentName = s.DepartmentName,
            FiscalYear = s.FiscalYear,
            Version = s.Version,
            Status = FindingMapper.ToProto(s.Status),
            ReceivedAt = Timestamp.FromDateTime(s.ReceivedAt),
            ContentHash = s.ContentHash,
            MandatoryCount = s.MandatoryCount,
            AdvisoryCount = s.AdvisoryCount,
            UnexplainedCount = s.UnexplainedCount,
        }));
        return Task.FromResult(reply);
    }

    private static FinalAccounts RequireAccounts(FinalAccounts? accounts) =>
        accounts ?? throw ErrorInterceptor.InvalidArgument("请求中没有决算数据，未保存", [("accounts", "缺少决算数据")]);

    private static void RequireCode(string code)
    {
        if (string.IsNullOrWhiteSpace(code))
            throw ErrorInterceptor.InvalidArgument("缺少预算单位编码", [("department_code", "缺少预算单位编码")]);
    }

    private SubmissionRecord ToRecord(StoredSubmission s, bool includeAccounts)
    {
        var record = new SubmissionRecord
        {
            DepartmentCode = s.DepartmentCode,
            DepartmentName = s.DepartmentName,
            FiscalYear = s.FiscalYear,
            Version = s.Version,
            Status = FindingMapper.ToProto(s.Status),
            ReceivedAt = Timestamp.FromDateTime(s.ReceivedAt),
            SubmittedBy = s.SubmittedBy,
            ContentHash = s.ContentHash,
        };
        record.Findings.AddRange(s.LoadFindings().Select(FindingMapper.ToProto));
        if (s.LoadBasis() is { } basis) record.Basis = basis;
        FindingTerms.Annotate(record.Findings, glossary.Current, s.FiscalYear);
        if (includeAccounts) record.Accounts = AccountsMapper.ToProto(s.LoadAccounts());
        return record;
    }
}
