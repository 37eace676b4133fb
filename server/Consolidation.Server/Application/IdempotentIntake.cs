using Consolidation.Domain.Model;
using Consolidation.Domain.Validation;
using Consolidation.Server.Application.Ports;
using Microsoft.Extensions.Logging;

namespace Consolidation.Server.Application;

/// <summary>One submission as it arrived: the client's request ID, the accounts (unpacked from the wire; missing when the request had none), who.</summary>
public sealed record IntakeRequest(string RequestId, FinalAccounts? Accounts, string SubmittedBy);

/// <summary>What became of one request (docs/batch.md).</summary>
/// <remarks>
/// <see cref="Retry"/>: storing failed for a passing reason (the group was rolled back, nothing stored): the same
/// request may be sent again. <see cref="Failed"/>: a bug on this request alone (logged), nothing stored.
/// </remarks>
public enum IntakeOutcome { Stored, Unchanged, Malformed, Refused, YearLocked, Retry, Failed }

/// <summary>The result of one request: the version stored or found unchanged, or why nothing was stored.</summary>
public sealed record IntakeResult(
    string RequestId, IntakeOutcome Outcome, bool Replayed, StoredSubmission? Submission, string Reason, IReadOnlyList<Violation> Violations);

/// <summary>
/// 报送受理 with request IDs (idempotent), for a group of submissions at once: every request is unpacked, validated,
/// hashed and checked on worker threads; then the whole group is decided and stored in one storage write transaction on one
/// thread (<see cref="SubmissionBook.StoreRequests"/>). One bad request gets its own result and never spoils
/// the others.
/// </summary>
public sealed class IdempotentIntake(Intake intake, SubmissionBook submissions, TimeProvider clock, YearLocks locks, RegistryGate gate,
    ILogger<IdempotentIntake> log)
{
    public const string RetryReason = "服务器存储暂时出错（如磁盘已满），本份未保存：请用同一请求编号重新发送";
    public const string FailedReason = "服务器处理本份报送时出错（已记录），本份未保存";

    public const string MissingAccountsReason = "请求中没有决算数据，未保存";
    public const string MalformedReason = "报送数据不完整或格式有误，未保存";

    public static string MissingRequestIdReason => "缺少请求编号 request_id（批量报送的每一份都须带客户端生成的唯一编号），未保存";

    public static string ConflictReason(string requestId) =>
        $"请求编号 {requestId} 已用于内容不同的另一份报送，本次未保存；新的报送请使用新的请求编号";

    /// <param name="cancel">the call's cancellation: checked after the checks, before anything is stored</param>
    public IReadOnlyList<IntakeResult> SubmitAll(IReadOnlyList<IntakeRequest> requests, CancellationToken cancel = default)
    {
        var results = new IntakeResult?[requests.Count];
        var prepared = new PreparedSubmission?[requests.Count];
        var anticipated = new RequestDecision?[requests.Count];
        if (requests.Count == 1) Prepare(0);
        else Parallel.For(0, requests.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, Prepare);

        var toStore = new List<(int Index, PreparedSubmission Item)>();
        for (var i = 0; i < requests.Count; i++)
            if (prepared[i] is { } p) toStore.Add((i, p));
        // A retry of a request decided before its year was published gets its original result: it stores nothing.
        IntakeResult LockedOrReplayed(int index, PreparedSubmission item, string reason) => anticipated[index] switch
        {
            { Replayed: true, Kind: RequestDecisionKind.Stored } d => new IntakeResult(item.RequestId, IntakeOutcome.Stored, true, d.Submission, "", []),
            { Replayed: true, Kind: RequestDecisionKind.Unchanged } d => new IntakeResult(item.RequestId, IntakeOutcome.Unchanged, true, d.Submission, "", []),
            _ => new IntakeResult(item.RequestId, IntakeOutcome.YearLocked, false, null, reason, []),
        };
        cancel.ThrowIfCancellationRequested();
        if (toStore.Count > 0)
        {
            // A published year takes no submission until reopened (decided under the gate publishing takes).
            var decisions = locks.WhileOpen(toStore.Select(t => t.Item.Accounts.FiscalYear), locked =>
            {
                foreach (var (index, item) in toStore.Where(t => locked.ContainsKey(t.Item.Accounts.FiscalYear)))
                    results[index] = LockedOrReplayed(index, item, locked[item.Accounts.FiscalYear]);
                toStore.RemoveAll(t => locked.ContainsKey(t.Item.Accounts.FiscalYear));
                return toStore.Count == 0 ? [] : Store(toStore.Select(t => t.Item).ToList());
            });
            for (var k = 0; k < toStore.Count; k++)
            {
                var (index, item) = toStore[k];
                if (decisions[k] is not { } d)
                {
                    results[index] = new IntakeResult(item.RequestId, IntakeOutcome.Retry, false, null, RetryReason, []);
                    continue;
                }
                results[index] = d.Kind switch
                {
                    RequestDecisionKind.Stored => new IntakeResult(item.RequestId, IntakeOutcome.Stored, d.Replayed, d.Submission, "", []),
                    RequestDecisionKind.Unchanged => new IntakeResult(item.RequestId, IntakeOutcome.Unchanged, d.Replayed, d.Submission, "", []),
                    _ => Refused(item.RequestId, ConflictReason(item.RequestId)),
                };
            }
        }
        return results.Select(r => r!).ToList();

        void Prepare(int i)
        {
            try
            {
                var (result, item, decision) = PrepareOne(requests[i]);
                results[i] = result;
                prepared[i] = item;
                anticipated[i] = decision;
            }
            catch (StorageUnavailableException e)
            {
                // The storage is down just now: nothing stored; the same request may be sent again.
                log.LogWarning("Preparing request {RequestId}: {Error}", InputLimits.Excerpt(requests[i].RequestId), InputLimits.Excerpt(e.Message, 200));
                results[i] = new IntakeResult(requests[i].RequestId, IntakeOutcome.Retry, false, null, RetryReason, []);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A bug on this request alone: its own result, never its neighbours'.
                log.LogError(e, "Preparing request {RequestId} failed", InputLimits.Excerpt(requests[i].RequestId));
                results[i] = new IntakeResult(requests[i].RequestId, IntakeOutcome.Failed, false, null, FailedReason, []);
            }
        }
    }

    /// <summary>
    /// Stores a group in one transaction; when that fails (rolled back: nothing of it stored), each request alone, so
    /// that one request the store cannot take never costs its neighbours. A request whose storing fails alone is null:
    /// not decided, to be sent again.
    /// </summary>
    private IReadOnlyList<RequestDecision?> Store(List<PreparedSubmission> items)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        try { return submissions.StoreRequests(items, p => intake.Check(p.Accounts), at); }
        catch (Exception e) when (items.Count > 1 && e is not OperationCanceledException)
        {
            log.LogWarning("Storing a group of {Count} failed ({Error}); storing each alone", items.Count, InputLimits.Excerpt(e.Message, 200));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Storing request {RequestId} failed; nothing stored", InputLimits.Excerpt(items[0].RequestId));
            return [null];
        }
        var decisions = new RequestDecision?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            try { decisions[i] = submissions.StoreRequests([items[i]], p => intake.Check(p.Accounts), at)[0]; }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Storing request {RequestId} failed; nothing stored", InputLimits.Excerpt(items[i].RequestId));
            }
        }
        return decisions;
    }

    /// <summary>
    /// Either a final result (malformed, refused) or a prepared submission to decide under the lock, with the decision
    /// the request would get now (a replay of a known request ID, or unchanged content), when it has one.
    /// </summary>
    private (IntakeResult? Result, PreparedSubmission? Item, RequestDecision? Anticipated) PrepareOne(IntakeRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.RequestId)) return (Refused(request.RequestId, MissingRequestIdReason), null, null);
        if (InputLimits.RequestIdProblem(request.RequestId) is { } idProblem)
            return (Malformed(request.RequestId, MalformedReason, [new Violation("request_id", idProblem)]), null, null);
        if (request.Accounts is null)
            return (Malformed(request.RequestId, MissingAccountsReason, [new Violation("accounts", "缺少决算数据")]), null, null);
        var accounts = request.Accounts;
        var violations = AccountsValidator.Validate(accounts);
        if (violations.Count > 0) return (Malformed(request.RequestId, MalformedReason, violations), null, null);
        if (gate.Refusals(accounts) is { Count: > 0 } refused) return (Malformed(request.RequestId, MalformedReason, refused), null, null);
        // The canonical bytes: the domain accounts encoded, so that equal content always hashes equal.
        var prepared = submissions.Prepare(request.RequestId, accounts, request.SubmittedBy);
        // A retry or an unchanged resubmission needs no check; the decision is taken again under the lock.
        var anticipated = submissions.Anticipate(request.RequestId, accounts.DepartmentCode, accounts.FiscalYear, prepared.ContentHash);
        if (anticipated is not null) return (null, prepared, anticipated);
        var check = intake.Check(accounts);
        if (ExplanationCheck.Problems(accounts, check) is { Count: > 0 } unreadable)
            return (Malformed(request.RequestId, MalformedReason, unreadable), null, null);
        return (null, prepared with { Check = check }, null);
    }

    private static IntakeResult Malformed(string requestId, string reason, IReadOnlyList<Violation> violations) =>
        new(requestId, IntakeOutcome.Malformed, false, null, reason, violations);

    private static IntakeResult Refused(string requestId, string reason) =>
        new(requestId, IntakeOutcome.Refused, false, null, reason, []);
}
