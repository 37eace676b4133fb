using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Tests.Support;
using Google.Rpc;
using Grpc.Core;
using static Consolidation.Tests.Support.Accounts;
using D = Consolidation.Domain.Model;

namespace Consolidation.Tests.Grpc;

/// <summary>
/// The bureau's review (docs/access.md#review): 已提交 → 不通过 | 待说明 → 待审核 → 已受理 | 已退回; every move allowed or
/// refused as documented; only 已受理 versions consolidated; explanations that name no finding or say nothing refused.
/// </summary>
public sealed class ReviewTests : IDisposable
{
    private readonly InProcessServer _server = new("code,name,type\n431001,岳阳市人民政府口岸管理办公室,行政\n");
    private readonly InProcessServer.Clients _clerk;

    public ReviewTests() => _clerk = _server.As(_server.DepartmentCredential("431001", "口岸办报送员"));

    public void Dispose() => _server.Dispose();

    private static D.FinalAccounts Clean() => Consistent().WithoutNarrative();

    /// <summary>公务接待费 0.10 万元 over budget: 提示性 TS-T7-01 on the line and on the 合计.</summary>
    private static D.FinalAccounts Over()
    {
        var a = Clean();
        return a.WithCell("T7", "reception", "actual", a.Cell("T7", "reception", "actual") + Wan(0.1m))
            .WithCell("T7", "total", "actual", a.Cell("T7", "total", "actual") + Wan(0.1m));
    }

    private static D.FinalAccounts Explained(string line = "年中承接省口岸工作会议，追加接待经费已经批准。") => Over() with
    {
        Explanations = [new("TS-T7-01", "T7/reception/actual", line), new("TS-T7-01", "T7/total/actual", "同上，为公务接待费超支。")],
    };

    private SubmissionRecord Submit(D.FinalAccounts a) => _clerk.Submissions.Submit(new SubmitRequest { Accounts = AccountsMapper.ToProto(a) });

    private ReviewItem Accept(int version = 0) => _server.Bureau.Reviews.AcceptSubmission(new ReviewActRequest { DepartmentCode = "431001", FiscalYear = 2023, Version = version });

    private ReviewItem Return(string reason, int version = 0) =>
        _server.Bureau.Reviews.ReturnSubmission(new ReviewActRequest { DepartmentCode = "431001", FiscalYear = 2023, Version = version, Reason = reason });

    private static StatusCode Refused(Action act) => Assert.Throws<RpcException>(act).StatusCode;

    [Fact]
    public void MandatoryFindings_AreNotPassed_AndCannotBeAcceptedOrReturned()
    {
        var record = Submit(Seed());
        Assert.Equal(ReviewState.NotPassed, record.ReviewState);
        Assert.Contains("改正强制性审核问题", record.NextAction);
        Assert.Equal(StatusCode.FailedPrecondition, Refused(() => Accept()));
        Assert.Equal(StatusCode.FailedPrecondition, Refused(() => Return("不行")));
    }

    [Fact]
    public void UnexplainedAdvisory_IsPendingExplanation_AndCannotBeAccepted()
    {
        Assert.Equal(ReviewState.PendingExplanation, Submit(Over()).ReviewState);
        Assert.Equal(StatusCode.FailedPrecondition, Refused(() => Accept()));
    }

    [Fact]
    public void AllExplained_AwaitsReview_AcceptedIsConsolidated_ThenReturnedWithAReasonTheDepartmentSees()
    {
        var record = Submit(Explained());
        Assert.Equal(ReviewState.AwaitingReview, record.ReviewState);
        Assert.Contains("财政局：审核后受理或退回", record.NextAction);
        // Checked, not accepted: nothing to consolidate yet, and coverage says it waits for review.
        Assert.Equal(StatusCode.FailedPrecondition, Refused(() => _server.Consolidation.RunConsolidation(new RunConsolidationRequest { FiscalYear = 2023 })));
        var coverage = _server.Consolidation.ListCoverage(new ListCoverageRequest { FiscalYear = 2023 });
        Assert.Equal((CoverageState.AwaitingReview, 1), (coverage.Departments.Single().State, coverage.AwaitingReviewCount));

        // The bureau sees each explanation beside its finding.
        var shown = _server.Bureau.Reviews.GetReview(new GetReviewRequest { DepartmentCode = "431001", FiscalYear = 2023 });
        Assert.Contains(shown.Findings, f => f.LocationText == "T7/reception/actual" && f.Explanation == "年中承接省口岸工作会议，追加接待经费已经批准。");

        var accepted = Accept();
        Assert.Equal(ReviewState.Received, accepted.State);
        Assert.Equal("operator", accepted.Acts.Single().By);
        var run = _server.Consolidation.RunConsolidation(new RunConsolidationRequest { FiscalYear = 2023 });
        Assert.Equal(1, run.Included.Single().Version);
        Assert.Equal(StatusCode.FailedPrecondition, Refused(() => Accept())); // already 已受理

        Assert.Equal(StatusCode.InvalidArgument, Refused(() => Return("。")));  // a reason that says nothing
        var returned = Return("三公经费超支的批准文件未附。");
        Assert.Equal(ReviewState.Returned, returned.State);
        var seen = _clerk.Submissions.GetSubmission(new GetSubmissionRequest { DepartmentCode = "431001", FiscalYear = 2023 });
        Assert.Equal((ReviewState.Returned, "三公经费超支的批准文件未附。"), (seen.ReviewState, seen.ReturnReason));
        Assert.Contains("按退回原因修改后重新报送", seen.NextAction);
        Assert.Equal(StatusCode.FailedPrecondition, Refused(() => Accept()));   // 已退回: the department submits again
        Assert.Equal(StatusCode.FailedPrecondition, Refused(() => _server.Consolidation.RunConsolidation(new RunConsolidationRequest { FiscalYear = 2023 })));

        // Every act is on the audit trail.
        var acts = _server.Audit(department: "431001", kind: "review");
        Assert.Equal(["ReviewService/ReturnSubmission", "ReviewService/AcceptSubmission"], acts.Where(e => e.Outcome == "OK").Select(e => e.Method));
    }

    [Fact]
    public void OnlyTheLatestVersion_IsAccepted_AndAResubmissionAwaitsReviewAgain()
    {
        Submit(Explained());
        Submit(Explained("年中承接省口岸工作会议，追加经费经市政府批准。"));
        Assert.Equal(StatusCode.FailedPrecondition, Refused(() => Accept(version: 1)));
        Assert.Equal(ReviewState.Received, Accept(version: 2).State);
        Submit(Explained("第三版说明。"));
        var list = _server.Bureau.Reviews.ListReviews(new ListReviewsRequest { FiscalYear = 2023 });
        Assert.Equal((3, ReviewState.AwaitingReview), (list.Items.Single().Version, list.Items.Single().State));
        // Version 2 stays 已受理 and is what a consolidation uses until version 3 is accepted.
        Assert.Equal(2, _server.Consolidation.RunConsolidation(new RunConsolidationRequest { FiscalYear = 2023 }).Included.Single().Version);
    }

    [Fact]
    public void InAPublishedYear_NoReviewActIsTaken()
    {
        Submit(Explained());
        Accept();
        _server.Consolidation.RunConsolidation(new RunConsolidationRequest { FiscalYear = 2023 });
        _server.Consolidation.PublishConsolidation(new PublishConsolidationRequest { FiscalYear = 2023 });
        var e = Assert.Throws<RpcException>(() => Return("发布后不能退回"));
        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Contains("已锁定", e.Status.Detail);
    }

    [Fact]
    public void ADepartment_CannotReviewItsOwn()
    {
        Submit(Explained());
        Assert.Equal(StatusCode.PermissionDenied, Refused(() =>
            _clerk.Reviews.AcceptSubmission(new ReviewActRequest { DepartmentCode = "431001", FiscalYear = 2023 })));
    }

    [Fact]
    public void AnExplanationNamingNoFinding_IsAFileError_ListingTheValidOnes()
    {
        var a = Over() with { Explanations = [.. Explained().Explanations, new("TS-T7-01", "T7/meeting/actual", "会议费说明")] };
        var e = Assert.Throws<RpcException>(() => Submit(a));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        var violation = e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single();
        Assert.Equal("explanations[2]", violation.Field);
        Assert.Contains("不对应本次报送的任何审核结果", violation.Description);
        Assert.Contains("TS-T7-01 T7/reception/actual", violation.Description);
        Assert.Equal(0, _server.Service<Consolidation.Server.Application.SubmissionBook>().Count());
    }

    [Fact]
    public void AnEmptyExplanation_IsAFileError() =>
        Assert.Equal(StatusCode.InvalidArgument, Assert.Throws<RpcException>(() => Submit(Explained(""))).StatusCode);

    [Theory]
    [InlineData("——")]
    [InlineData("。")]
    [InlineData(" ……！ ")]
    public void AnExplanationThatSaysNothing_IsAFileError(string text)
    {
        var e = Assert.Throws<RpcException>(() => Submit(Explained(text)));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains(e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == "explanations[0].text" && v.Description.Contains("没有内容"));
    }
}
