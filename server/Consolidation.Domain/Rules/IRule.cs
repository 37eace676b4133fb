using Consolidation.Domain.Model;

namespace Consolidation.Domain.Rules;

/// <summary>A rule's identity in the catalogue: a stable ID (never reused), category, severity and what it checks.</summary>
public sealed record RuleInfo(string Id, string Category, Severity Severity, string Title);

/// <summary>What a check sees: the accounts, and the same department's accepted accounts of the year before when on file.</summary>
public sealed record CheckContext(FinalAccounts Accounts, FinalAccounts? LastYear = null);

/// <summary>A check: a pure function from accounts to findings. Business failures are findings, never exceptions.</summary>
public interface IRule
{
    RuleInfo Info { get; }
    IEnumerable<Finding> Check(CheckContext context);
}
