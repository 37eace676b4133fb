using Consolidation.Server.Application.Ports;

namespace Consolidation.Server.Application;

/// <summary>The year is published: submissions are refused until it is reopened.</summary>
public sealed class YearLockedException(int year, int run)
    : Exception($"{year} 年度的汇总结果（第 {run} 次汇总）已发布，该年度已锁定，不再接收报送；如确需更正，请财政局先重新开放该年度（reopen，须写明原因）")
{
    public int FiscalYear { get; } = year;
}

/// <summary>A publish or reopen that cannot be done in the year's current state.</summary>
public sealed class YearLockConflictException(string message) : Exception(message);

/// <summary>
/// 发布与锁定: publishing a stored consolidation run locks its fiscal year against further submissions; reopening (with a
/// reason) unlocks it. Both are recorded acts; the latest act decides. Runs themselves are never changed.
/// </summary>
public sealed class YearLocks(IYearLockStore acts, ConsolidationRuns runs, TimeProvider clock)
{
    public sealed record State(int FiscalYear, bool Locked, int PublishedRun, IReadOnlyList<YearLockActRecord> Acts);

    // Publishing and storing a submission exclude each other (IYearLockStore.Exclusive: across servers where several
    // share the storage), so no submission slips in between the check and the store.

    public State Get(int fiscalYear)
    {
        var all = acts.Acts(fiscalYear);
        var last = all.LastOrDefault();
        var locked = last?.Act == "publish";
        return new State(fiscalYear, locked, locked ? last!.RunNumber : 0, all);
    }

    /// <summary>Runs <paramref name="store"/> if the year is open; throws <see cref="YearLockedException"/> if it is published.</summary>
    public T WhileOpen<T>(int fiscalYear, Func<T> store) => acts.Exclusive(() =>
    {
        var state = Get(fiscalYear);
        if (state.Locked) throw new YearLockedException(fiscalYear, state.PublishedRun);
        return store();
    });

    /// <summary>
    /// Runs <paramref name="store"/> with the published years among <paramref name="years"/> (year → the refusal message),
    /// under the same gate as publishing: the store leaves those years alone.
    /// </summary>
    public T WhileOpen<T>(IEnumerable<int> years, Func<IReadOnlyDictionary<int, string>, T> store) => acts.Exclusive(() =>
    {
        var locked = years.Distinct().Select(Get).Where(s => s.Locked)
            .ToDictionary(s => s.FiscalYear, s => new YearLockedException(s.FiscalYear, s.PublishedRun).Message);
        return store(locked);
    });

    /// <returns>null when the run does not exist.</returns>
    public State? Publish(int fiscalYear, int runNumber, string by)
    {
        if (string.IsNullOrWhiteSpace(by)) throw new YearLockConflictException("发布须写明发布人");
        var run = runs.Get(fiscalYear, runNumber, runNumber > 0 ? null : "");
        if (run is null) return null;
        return acts.Exclusive(() =>
        {
            var state = Get(fiscalYear);
            if (state.Locked) throw new YearLockConflictException($"{fiscalYear} 年度已发布第 {state.PublishedRun} 次汇总并锁定；要改为发布另一次，请先重新开放");
            acts.Add(new YearLockActRecord { FiscalYear = fiscalYear, Act = "publish", RunNumber = run.RunNumber, By = by, At = clock.GetUtcNow().UtcDateTime });
            return Get(fiscalYear);
        });
    }

    public State Reopen(int fiscalYear, string by, string reason)
    {
        if (string.IsNullOrWhiteSpace(by) || string.IsNullOrWhiteSpace(reason))
            throw new YearLockConflictException("重新开放须写明操作人和原因");
        return acts.Exclusive(() =>
        {
            var state = Get(fiscalYear);
            if (!state.Locked) throw new YearLockConflictException($"{fiscalYear} 年度没有锁定，无需重新开放");
            acts.Add(new YearLockActRecord { FiscalYear = fiscalYear, Act = "reopen", RunNumber = state.PublishedRun, By = by, Reason = reason, At = clock.GetUtcNow().UtcDateTime });
            return Get(fiscalYear);
        });
    }

    /// <summary>The run most recently published for the year (even if reopened since): last year's figures to compare with.</summary>
    public int LastPublishedRun(int fiscalYear) => acts.Acts(fiscalYear).LastOrDefault(a => a.Act == "publish")?.RunNumber ?? 0;
}
