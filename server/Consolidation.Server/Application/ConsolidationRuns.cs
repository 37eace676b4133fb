using Consolidation.Domain.Consolidation;
using Consolidation.Server.Application.Ports;

namespace Consolidation.Server.Application;

/// <summary>Consolidation runs over the <see cref="IConsolidationRunStore"/> port: each a new, numbered, immutable snapshot of its disclosure.</summary>
public sealed class ConsolidationRuns(IConsolidationRunStore store, IRecordEncoding encoding)
{
    /// <summary>Stores the disclosure as the year's next run; returns it with its run number.</summary>
    public Disclosure Add(Disclosure disclosure)
    {
        var numbered = disclosure;
        store.Add(disclosure.FiscalYear, disclosure.ScopeCode, disclosure.CreatedAt ?? DateTime.UtcNow, run =>
        {
            numbered = disclosure with { RunNumber = run };
            return encoding.EncodeDisclosure(numbered);
        });
        return numbered;
    }

    /// <summary>A stored run (0 = the latest of the year, of the scope when one is given); null when there is none.</summary>
    public Disclosure? Get(int fiscalYear, int runNumber, string? scope = null) =>
        store.Get(fiscalYear, runNumber, scope) is { } record ? encoding.DecodeDisclosure(record.Disclosure) : null;
}
