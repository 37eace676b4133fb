using Consolidation.Contracts;
using Consolidation.Server.Application.Ports;
using Google.Protobuf;

namespace Consolidation.Server.Application;

/// <summary>Consolidation runs over the <see cref="IConsolidationRunStore"/> port: each a new, numbered, immutable snapshot of its disclosure.</summary>
public sealed class ConsolidationRuns(IConsolidationRunStore store)
{
    /// <summary>Stores the disclosure as the year's next run, setting its run number.</summary>
    public ConsolidatedDisclosure Add(ConsolidatedDisclosure disclosure)
    {
        store.Add(disclosure.FiscalYear, disclosure.ScopeCode, disclosure.CreatedAt.ToDateTime(), run =>
        {
            disclosure.RunNumber = run;
            return disclosure.ToByteArray();
        });
        return disclosure;
    }

    /// <summary>A stored run (0 = the latest of the year, of the scope when one is given); null when there is none.</summary>
    public ConsolidatedDisclosure? Get(int fiscalYear, int runNumber, string? scope = null) =>
        store.Get(fiscalYear, runNumber, scope) is { } record ? ConsolidatedDisclosure.Parser.ParseFrom(record.Disclosure) : null;
}
