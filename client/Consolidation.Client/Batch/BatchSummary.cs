namespace Consolidation.Client.Batch;

/// <summary>The counts of a batch, its time and rate, and the exit code scripts read.</summary>
public sealed record BatchSummary(IReadOnlyDictionary<BatchOutcome, int> Counts, int Total, int FromJournal, int Replayed, TimeSpan Elapsed)
{
    public static BatchSummary Of(IReadOnlyList<BatchItemResult> results, TimeSpan elapsed) => new(
        Enum.GetValues<BatchOutcome>().ToDictionary(o => o, o => results.Count(r => r.Outcome == o)),
        results.Count, results.Count(r => r.FromJournal), results.Count(r => r.Replayed), elapsed);

    public int this[BatchOutcome outcome] => Counts[outcome];

    /// <summary>Inputs answered per second of this run (journal results excluded: they were not sent).</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? (Total - FromJournal) / Elapsed.TotalSeconds : 0;

    /// <summary>
    /// The exit code of <c>fa batch</c>, the worst of: 5 some submission got no answer (server unavailable, timed
    /// out after every retry); 3 some input was malformed or refused, or named a department and year another input
    /// of the batch named too with other content (nothing stored for it; a copy with the same content is only reported); 1 some department is
    /// 不通过; 2 some is 待说明; 0 every one is 已接收 (stored now, or unchanged from an accepted version).
    /// </summary>
    public int ExitCode(IReadOnlyList<BatchItemResult> results)
    {
        if (this[BatchOutcome.Failed] > 0) return ExitCodes.Failure;
        if (this[BatchOutcome.Malformed] + this[BatchOutcome.Refused] > 0
            || results.Any(r => r.Outcome == BatchOutcome.Duplicate && r.DiffersFromSent)) return ExitCodes.BadInput;
        bool Has(BatchOutcome stored, string status) =>
            results.Any(r => r.Outcome == stored || (r.Outcome == BatchOutcome.Unchanged && r.Status == status));
        if (Has(BatchOutcome.Rejected, "不通过")) return ExitCodes.Rejected;
        if (Has(BatchOutcome.PendingExplanation, "待说明")) return ExitCodes.PendingExplanation;
        return ExitCodes.Success;
    }
}
