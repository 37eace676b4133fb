namespace Consolidation.Server.Application.Ports;

/// <summary>One consolidation run: an immutable snapshot of the disclosure it produced.</summary>
public sealed class ConsolidationRunRecord
{
    public long Id { get; set; }
    /// <summary>"{year}/{run}", unique.</summary>
    public string Key { get; set; } = "";
    public int FiscalYear { get; set; }
    public int RunNumber { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The department code the run consolidates; empty for the city.</summary>
    public string Scope { get; set; } = "";
    /// <summary>The disclosure (<see cref="IRecordEncoding.EncodeDisclosure"/>).</summary>
    public byte[] Disclosure { get; set; } = [];
}

/// <summary>The consolidation runs of every year, numbered 1, 2, … per year, append-only.</summary>
public interface IConsolidationRunStore
{
    /// <summary>
    /// Stores the year's next run: <paramref name="content"/> is given the run number the store assigns (under its own
    /// lock, so two runs never share one) and returns the serialized disclosure. Returns the stored record.
    /// </summary>
    ConsolidationRunRecord Add(int fiscalYear, string scope, DateTime createdAt, Func<int, byte[]> content);

    /// <summary>A stored run (0 = the latest of the year, of the scope when one is given); null when there is none.</summary>
    ConsolidationRunRecord? Get(int fiscalYear, int runNumber, string? scope = null);
}
