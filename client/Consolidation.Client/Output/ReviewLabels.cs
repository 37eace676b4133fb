using Consolidation.Client.Terms;
using Consolidation.Contracts;

namespace Consolidation.Client.Output;

/// <summary>The Chinese names of the review states (docs/access.md#review).</summary>
public static class ReviewLabels
{
    public static string Name(ReviewState state) => state switch
    {
        ReviewState.NotPassed => "不通过",
        ReviewState.PendingExplanation => "待说明",
        ReviewState.AwaitingReview => "待审核",
        ReviewState.Received => "已受理",
        ReviewState.Returned => "已退回",
        _ => "—",
    };

    public static ReviewState? Parse(string text) => text.Trim() switch
    {
        "不通过" or "not-passed" => ReviewState.NotPassed,
        "待说明" or "pending" => ReviewState.PendingExplanation,
        "待审核" or "awaiting" => ReviewState.AwaitingReview,
        "已受理" or "received" => ReviewState.Received,
        "已退回" or "returned" => ReviewState.Returned,
        _ => null,
    };
}
