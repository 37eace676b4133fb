using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Server.Application;
using Consolidation.Server.Security;
using Consolidation.Server.Application.Ports;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Consolidation.Server.Services;

/// <summary>
/// 报送 over gRPC: unpacks the request, hands it to <see cref="Intake"/>, packs the reply. Every RPC here is for an
/// authenticated department (its own accounts and its registered 下属单位') or the finance bureau (any code, 代报);
/// another department's code is answered as a code with nothing on file (<see cref="DepartmentAccess"/>).
/// </summary>
public sealed partial class SubmissionGrpcService(
    Intake intake, IdempotentIntake idempotentIntake, SubmissionBook submissions, GlossaryOffice glossary, DepartmentAccess access,
    AuditTrail audit, ReviewDesk reviews)
    : SubmissionService.SubmissionServiceBase
{
    /// <summary>The refusal of a submission or check for a code the caller may not submit for (the same whether it exists or not).</summary>
    public static RpcException NotSubmittable(string code) =>
        new(new Status(StatusCode.NotFound, $"预算单位名录中没有 {code}，或它不是调用者可以报送的单位（部门只能报送本部门及其登记的下属单位）"));

    [Authorize(Policy = Policies.Member)]
    public override async Task<SubmissionRecord> Submit(SubmitRequest request, ServerCallContext context)
    {
        var principal = DepartmentAccess.PrincipalOf(context);
        if (request.Accounts is { } a) await access.RequireAsync(context, a.DepartmentCode, a.FiscalYear, () => NotSubmittable(a.DepartmentCode));
        if (request.RequestId.Length > 0) return SubmitIdempotent(request, principal, context.CancellationToken);
        var accounts = RequireAccounts(request.Accounts);
        var stored = intake.Submit(AccountsMapper.ToDomain(accounts), principal.Recorded, context.CancellationToken);
        return ToRecord(stored, includeAccounts: false);
    }

    [Authorize(Policy = Policies.Member)]
    public override async Task<ValidateReply> Validate(ValidateRequest request, ServerCallContext context)
    {
        var accounts = AccountsMapper.ToDomain(RequireAccounts(request.Accounts));
        await access.RequireAsync(context, accounts.DepartmentCode, accounts.FiscalYear, () => NotSubmittable(accounts.DepartmentCode));
        var check = intake.PreCheck(accounts);
        var reply = FindingMapper.ToReply(check);
        FindingTerms.Annotate(reply.Findings, glossary.Current, accounts.FiscalYear);
        return reply;
    }

    [Authorize(Policy = Policies.Member)]
    public override async Task<SubmissionRecord> GetSubmission(GetSubmissionRequest request, ServerCallContext context)
    {
        RequireCode(request.DepartmentCode);
        RpcException NotFound() => new(new Status(StatusCode.NotFound,
            $"没有 {request.DepartmentCode} {request.FiscalYear} 年度{(request.Version > 0 ? $"第 {request.Version} 版" : "")}的报送"));
        await access.RequireAsync(context, request.DepartmentCode, request.FiscalYear, NotFound);
        var stored = submissions.Get(request.DepartmentCode, request.FiscalYear, request.Version) ?? throw NotFound();
        return ToRecord(stored, request.IncludeAccounts);
    }

    [Authorize(Policy = Policies.Member)]
    public override async Task<ListVersionsReply> ListVersions(ListVersionsRequest request, ServerCallContext context)
    {
        RequireCode(request.DepartmentCode);
        var reply = new ListVersionsReply();
        // Another department's code: the empty list a code with nothing on file gets.
        if (!await access.MayAsync(context, request.DepartmentCode))
        {
            access.RecordRefusal(context, request.DepartmentCode, request.FiscalYear);
            return reply;
        }
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
            ReviewState = (Contracts.ReviewState)(int)reviews.Of(s).State,
        }));
        return reply;
    }

    private static FinalAccounts RequireAccounts(FinalAccounts? accounts) =>
        accounts ?? throw ErrorInterceptor.InvalidArgument("请求中没有决算数据，未保存", [("accounts", "缺少决算数据")]);

    private static void RequireCode(string code)
    {
        if (string.IsNullOrWhiteSpace(code))
            throw ErrorInterceptor.InvalidArgument("缺少预算单位编码", [("department_code", "缺少预算单位编码")]);
        if (!Domain.Validation.InputLimits.IsUnitCode(code))
            throw ErrorInterceptor.InvalidArgument("预算单位编码格式不对", [("department_code", $"预算单位编码“{Domain.Validation.InputLimits.Excerpt(code)}”格式不对：应为 6 至 12 位数字（半角 0–9）")]);
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
        var review = reviews.Of(s);
        record.ReviewState = (Contracts.ReviewState)(int)review.State;
        record.NextAction = ReviewDesk.NextAction(review.State);
        record.ReturnReason = review.ReturnReason;
        // The findings as stored (mapped to the contract once, when the version was checked): parsed, not mapped again.
        var stored = ContractEncoding.StoredFindings(s.EncodedFindings);
        record.Findings.AddRange(stored.Findings);
        record.Basis = stored.Basis;
        FindingTerms.Annotate(record.Findings, glossary.Current, s.FiscalYear);
        if (includeAccounts) record.Accounts = AccountsMapper.ToProto(s.LoadAccounts());
        return record;
    }
}
