using Consolidation.Server.Application.Ports;
using DomainStatus = Consolidation.Domain.Rules.SubmissionStatus;

namespace Consolidation.Server.Application;

/// <summary>Where a version stands in the bureau's review (docs/access.md#review).</summary>
public enum ReviewState { NotPassed = 1, PendingExplanation = 2, AwaitingReview = 3, Received = 4, Returned = 5 }

/// <summary>A review act the version's state does not allow (FAILED_PRECONDITION), saying what is allowed.</summary>
public sealed class ReviewRefusedException(string message) : Exception(message);

/// <summary>
/// 审核 by people: 已提交 → 不通过 (强制性) | 待说明 (unexplained 提示性) → 待审核 (all explained) → 已受理 (the bureau
/// accepts) | 已退回 (the bureau returns it, with a reason). The first three follow from the checks; the bureau's acts are
/// recorded per version, append-only, and the latest decides. With the review on (setting RequireReview, the default)
/// only 已受理 versions are consolidated.
/// </summary>
public sealed class ReviewDesk(IReviewStore acts, SubmissionBook submissions, YearLocks locks, TimeProvider clock, ServerOptions options)
{
    public bool Required => options.RequireReview;

    public sealed record Review(StoredSubmission Submission, ReviewState State, IReadOnlyList<ReviewRecord> Acts)
    {
        public string ReturnReason => State == ReviewState.Returned ? Acts[^1].Reason : "";
    }

    /// <summary>A version's review; the acts are read only for a version the checks passed (nothing else can have any).</summary>
    public Review Of(StoredSubmission s) =>
        Of(s, s.Status == DomainStatus.Accepted ? acts.Department(s.DepartmentCode, s.FiscalYear) : []);

    private static Review Of(StoredSubmission s, IReadOnlyList<ReviewRecord> yearActs)
    {
        var mine = yearActs.Where(a => a.DepartmentCode == s.DepartmentCode && a.Version == s.Version).ToList();
        var state = s.Status switch
        {
            DomainStatus.Rejected => ReviewState.NotPassed,
            DomainStatus.PendingExplanation => ReviewState.PendingExplanation,
            _ => mine.LastOrDefault()?.Act switch
            {
                "accept" => ReviewState.Received,
                "return" => ReviewState.Returned,
                _ => ReviewState.AwaitingReview,
            },
        };
        return new Review(s, state, mine);
    }

    /// <summary>What may happen next, as the client shows it under <c>fa status</c>.</summary>
    public static string NextAction(ReviewState state) => state switch
    {
        ReviewState.NotPassed => "部门：改正强制性审核问题后重新报送（fa submit）",
        ReviewState.PendingExplanation => "部门：为每条提示性审核结果补充出错说明后重新报送（fa submit）",
        ReviewState.AwaitingReview => "财政局：审核后受理或退回（fa review accept | fa review return --reason …）",
        ReviewState.Received => "已受理，纳入汇总；财政局仍可退回（fa review return --reason …），部门可报送新版本",
        ReviewState.Returned => "部门：按退回原因修改后重新报送（fa submit）",
        _ => "",
    };

    /// <summary>The latest version of each department of the year, reviewed.</summary>
    public IReadOnlyList<Review> List(int fiscalYear)
    {
        var yearActs = acts.Year(fiscalYear);
        return submissions.Filings(fiscalYear).OrderBy(f => f.Code, StringComparer.Ordinal)
            .Select(f => submissions.Get(f.Code, fiscalYear, f.LatestVersion))
            .OfType<StoredSubmission>()
            .Select(s => Of(s, yearActs)).ToList();
    }

    /// <summary>
    /// Per department, its latest 已受理 version (departments without one are not listed): what a consolidation uses
    /// with the review on. From the year's review acts alone; the versions themselves are not read.
    /// </summary>
    public IReadOnlyDictionary<string, int> ReceivedVersions(int fiscalYear) =>
        acts.Year(fiscalYear)
            .GroupBy(a => (a.DepartmentCode, a.Version)).Select(g => g.Last())
            .Where(a => a.Act == "accept")
            .GroupBy(a => a.DepartmentCode)
            .ToDictionary(g => g.Key, g => g.Max(a => a.Version), StringComparer.Ordinal);

    public Review Accept(StoredSubmission s, string by, string reason)
    {
        var review = Of(s);
        if (review.State != ReviewState.AwaitingReview)
            throw new ReviewRefusedException($"{s.DepartmentCode} {s.FiscalYear} 年度第 {s.Version} 版的状态是{Name(review.State)}，不能受理；只有待审核的版本可以受理。下一步：{NextAction(review.State)}");
        if (submissions.LatestVersion(s.DepartmentCode, s.FiscalYear) != s.Version)
            throw new ReviewRefusedException($"{s.DepartmentCode} {s.FiscalYear} 年度已有更新的第 {submissions.LatestVersion(s.DepartmentCode, s.FiscalYear)} 版：只能受理最新版本");
        return Act(s, "accept", by, reason);
    }

    public Review Return(StoredSubmission s, string by, string reason)
    {
        if (ExplanationCheck.SaysNothing(reason))
            throw new ReviewRefusedException("退回须写明原因（部门将看到它）：--reason 不能为空或只有标点");
        var review = Of(s);
        if (review.State is not (ReviewState.AwaitingReview or ReviewState.Received))
            throw new ReviewRefusedException($"{s.DepartmentCode} {s.FiscalYear} 年度第 {s.Version} 版的状态是{Name(review.State)}，不能退回；只有待审核或已受理的版本可以退回。下一步：{NextAction(review.State)}");
        return Act(s, "return", by, reason.Trim());
    }

    private Review Act(StoredSubmission s, string act, string by, string reason)
    {
        // A published year's consolidation stands: its reviews too, until the year is reopened.
        return locks.WhileOpen(s.FiscalYear, () =>
        {
            acts.Add(new ReviewRecord
            {
                DepartmentCode = s.DepartmentCode, FiscalYear = s.FiscalYear, Version = s.Version, Act = act, By = by,
                At = clock.GetUtcNow().UtcDateTime, Reason = reason,
            });
            return Of(s);
        });
    }

    public static string Name(ReviewState state) => state switch
    {
        ReviewState.NotPassed => "不通过",
        ReviewState.PendingExplanation => "待说明",
        ReviewState.AwaitingReview => "待审核",
        ReviewState.Received => "已受理",
        ReviewState.Returned => "已退回",
        _ => "—",
    };
}
