using Consolidation.Domain.Model;
using Consolidation.Domain.Narrative;

namespace Consolidation.Domain.Rules;

/// <summary>The findings of one check run and the status they give the submission.</summary>
public sealed record CheckResult(IReadOnlyList<Finding> Findings, SubmissionStatus Status)
{
    public int MandatoryCount => Findings.Count(f => f.Severity == Severity.Mandatory);
    public int AdvisoryCount => Findings.Count(f => f.Severity == Severity.Advisory);
    public int UnexplainedCount => Findings.Count(f => f.Severity == Severity.Advisory && !f.Explained);
}

/// <summary>
/// 审核: runs every rule of the catalogue (全审 — never stopping at the first failure), attaches the department's
/// explanations to the 提示性 findings they name, and derives the status.
/// </summary>
public sealed class AccountsChecker(IReadOnlyList<IRule> rules)
{
    public static AccountsChecker Standard { get; } = new(RuleCatalogue.Standard.Concat(NarrativeRules.All).ToList());

    public IReadOnlyList<IRule> Rules { get; } = rules;

    /// <param name="accounts">the submission</param>
    /// <param name="lastYear">the same department's latest accepted accounts of the year before, when on file</param>
    public CheckResult Check(FinalAccounts accounts, FinalAccounts? lastYear = null)
    {
        var context = new CheckContext(accounts, lastYear);
        var explanations = accounts.Explanations
            .Where(e => !string.IsNullOrWhiteSpace(e.Text))
            .GroupBy(e => (e.RuleId, e.Location))
            .ToDictionary(g => g.Key, g => g.First().Text);
        var findings = new List<Finding>();
        foreach (var rule in Rules)
        {
            foreach (var finding in rule.Check(context))
            {
                findings.Add(finding.Severity == Severity.Advisory && explanations.TryGetValue((finding.RuleId, finding.Location.Text), out var text)
                    ? finding with { Explanation = text }
                    : finding);
            }
        }
        return new CheckResult(findings, StatusOf(findings));
    }

    public static SubmissionStatus StatusOf(IReadOnlyCollection<Finding> findings) =>
        findings.Any(f => f.Severity == Severity.Mandatory) ? SubmissionStatus.Rejected
        : findings.Any(f => f.Severity == Severity.Advisory && !f.Explained) ? SubmissionStatus.PendingExplanation
        : SubmissionStatus.Accepted;
}
