using Consolidation.Domain.Model;
using Consolidation.Domain.Rules;
using Consolidation.Domain.Validation;
using Consolidation.Server.Storage;

namespace Consolidation.Server.Application;

/// <summary>A request that cannot be checked or stored as it is; nothing was stored.</summary>
public sealed class MalformedSubmissionException(IReadOnlyList<Violation> violations)
    : Exception("报送数据不完整或格式有误：" + string.Join("；", violations.Select(v => v.ToString())))
{
    public IReadOnlyList<Violation> Violations { get; } = violations;
}

/// <summary>报送受理: refuses malformed accounts, checks the rest (审核) and stores each as a new version.</summary>
public sealed class Intake(SubmissionRepository submissions, AccountsChecker checker, TimeProvider clock, YearLocks locks)
{
    public CheckResult Validate(FinalAccounts accounts)
    {
        var violations = AccountsValidator.Validate(accounts);
        if (violations.Count > 0) throw new MalformedSubmissionException(violations);
        var check = Check(accounts);
        var unreadable = ExplanationCheck.Problems(accounts, check);
        if (unreadable.Count > 0) throw new MalformedSubmissionException(unreadable);
        return check;
    }

    /// <summary>审核 of accounts already known to be well-formed, against the department's accepted accounts of last year.</summary>
    public CheckResult Check(FinalAccounts accounts)
    {
        var lastYear = submissions.LatestAccepted(accounts.DepartmentCode, accounts.FiscalYear - 1)?.LoadAccounts();
        return checker.Check(accounts, lastYear);
    }

    public StoredSubmission Submit(FinalAccounts accounts, string submittedBy)
    {
        var check = Validate(accounts);
        // A published year takes no submission until reopened; checked and stored under the lock that publishing takes.
        return locks.WhileOpen(accounts.FiscalYear, () => submissions.Add(accounts, check, submittedBy, clock.GetUtcNow().UtcDateTime));
    }
}
