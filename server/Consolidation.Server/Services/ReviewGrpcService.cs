using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Server.Application;
using Consolidation.Server.Security;
using Consolidation.Server.Application.Ports;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ReviewState = Consolidation.Server.Application.ReviewState;

namespace Consolidation.Server.Services;

/// <summary>The bureau's review over gRPC: unpack → <see cref="ReviewDesk"/> → pack (docs/access.md#review).</summary>
public sealed class ReviewGrpcService(ReviewDesk desk, SubmissionBook submissions, GlossaryOffice glossary) : ReviewService.ReviewServiceBase
{
    [Authorize(Policy = Policies.Bureau)]
    public override Task<ListReviewsReply> ListReviews(ListReviewsRequest request, ServerCallContext context)
    {
        var reply = new ListReviewsReply();
        reply.Items.AddRange(desk.List(request.FiscalYear)
            .Where(r => request.State == Contracts.ReviewState.Unspecified || (int)r.State == (int)request.State)
            .Select(r => ToProto(r, withFindings: false)));
        return Task.FromResult(reply);
    }

    [Authorize(Policy = Policies.Bureau)]
    public override Task<ReviewItem> GetReview(GetReviewRequest request, ServerCallContext context) =>
        Task.FromResult(ToProto(desk.Of(Find(request.DepartmentCode, request.FiscalYear, request.Version)), withFindings: true));

    [Authorize(Policy = Policies.Bureau)]
    public override Task<ReviewItem> AcceptSubmission(ReviewActRequest request, ServerCallContext context) =>
        Task.FromResult(ToProto(desk.Accept(Find(request.DepartmentCode, request.FiscalYear, request.Version),
            DepartmentAccess.PrincipalOf(context).Recorded, request.Reason), withFindings: false));

    [Authorize(Policy = Policies.Bureau)]
    public override Task<ReviewItem> ReturnSubmission(ReviewActRequest request, ServerCallContext context)
    {
        if (ExplanationCheck.SaysNothing(request.Reason))
            throw ErrorInterceptor.InvalidArgument("退回须写明原因（部门将看到它）", [("reason", "不能为空或只有标点")]);
        return Task.FromResult(ToProto(desk.Return(Find(request.DepartmentCode, request.FiscalYear, request.Version),
            DepartmentAccess.PrincipalOf(context).Recorded, request.Reason), withFindings: false));
    }

    private StoredSubmission Find(string code, int year, int version) =>
        submissions.Get(code, year, version)
        ?? throw new RpcException(new Status(StatusCode.NotFound, $"没有 {code} {year} 年度{(version > 0 ? $"第 {version} 版" : "")}的报送"));

    private ReviewItem ToProto(ReviewDesk.Review r, bool withFindings)
    {
        var s = r.Submission;
        var item = new ReviewItem
        {
            DepartmentCode = s.DepartmentCode, DepartmentName = s.DepartmentName, FiscalYear = s.FiscalYear, Version = s.Version,
            State = (Contracts.ReviewState)(int)r.State, NextAction = ReviewDesk.NextAction(r.State), SubmittedBy = s.SubmittedBy,
            ReturnReason = r.ReturnReason,
        };
        item.Acts.AddRange(r.Acts.Select(a => new ReviewActRecord
        {
            Act = a.Act, By = a.By, Reason = a.Reason, At = WireTime.Utc(a.At),
        }));
        if (withFindings)
        {
            item.Findings.AddRange(ContractEncoding.StoredFindings(s.EncodedFindings).Findings);
            FindingTerms.Annotate(item.Findings, glossary.Current, s.FiscalYear);
        }
        return item;
    }
}
