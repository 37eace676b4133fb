using Consolidation.Domain.Checking;
using Consolidation.Domain.Model;
using Consolidation.Domain.Rules;
using Consolidation.Domain.Validation;
using Consolidation.Server.Application.Ports;

namespace Consolidation.Server.Application;

/// <summary>A request that cannot be checked or stored as it is; nothing was stored.</summary>
public sealed class MalformedSubmissionException(IReadOnlyList<Violation> violations)
    : Exception("报送数据不完整或格式有误：" + string.Join("；", violations.Select(v => v.ToString())))
{
    public IReadOnlyList<Violation> Violations { get; } = violations;
}

/// <summary>报送受理: refuses malformed accounts, checks the rest (审核) and stores each as a new version.</summary>
public sealed class Intake(SubmissionBook submissions, AccountsChecker checker, TimeProvider clock, YearLocks locks, RegistryGate gate)
{
    /// <summary>
    /// 预审 (the Validate RPC, fa validate): refuses malformed accounts (well-formedness, <see cref="AccountsValidator"/>),
    /// then the 审核; stores nothing.
    /// </summary>
    public CheckResult PreCheck(FinalAccounts accounts)
    {
        var violations = AccountsValidator.Validate(accounts);
        if (violations.Count > 0) throw new MalformedSubmissionException(violations);
        var refused = gate.Refusals(accounts);
        if (refused.Count > 0) throw new MalformedSubmissionException(refused);
        var check = Check(accounts);
        var unreadable = ExplanationCheck.Problems(accounts, check);
        if (unreadable.Count > 0) throw new MalformedSubmissionException(unreadable);
        return check;
    }

    /// <summary>审核 of accounts already known to be well-formed, against the department's accepted accounts of last year.</summary>
    public CheckResult Check(FinalAccounts accounts)
    {
        var lastYear = submissions.LatestAccepted(accounts.DepartmentCode, accounts.FiscalYear - 1)?.LoadAccounts();
        var check = checker.Check(accounts, lastYear);
        // The registry's word on names (REG-01, 信息: changes no status).
        var names = gate.NameFindings(accounts).ToList();
        return names.Count == 0 ? check : check with { Findings = [.. check.Findings, .. names] };
    }

    /// <param name="cancel">the call's cancellation: once it fires (deadline passed, caller gone) nothing is stored</param>
    public StoredSubmission Submit(FinalAccounts accounts, string submittedBy, CancellationToken cancel = default)
    {
        var check = PreCheck(accounts);
        cancel.ThrowIfCancellationRequested();
        // A published year takes no submission until reopened; checked and stored under the lock that publishing takes.
        return locks.WhileOpen(accounts.FiscalYear, () => submissions.Add(accounts, check, submittedBy, clock.GetUtcNow().UtcDateTime));
    }
}
