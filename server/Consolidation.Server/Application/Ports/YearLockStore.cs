namespace Consolidation.Server.Application.Ports;

/// <summary>One publish or reopen act of a fiscal year. Never updated once inserted; the latest act decides the lock.</summary>
public sealed class YearLockActRecord
{
    public long Id { get; set; }
    public int FiscalYear { get; set; }
    public string Act { get; set; } = "";
    public int RunNumber { get; set; }
    public string By { get; set; } = "";
    public DateTime At { get; set; }
    public string Reason { get; set; } = "";
}

/// <summary>Publish and reopen acts per fiscal year, append-only.</summary>
public interface IYearLockStore
{
    /// <summary>A year's acts, oldest first.</summary>
    IReadOnlyList<YearLockActRecord> Acts(int fiscalYear);
    void Add(YearLockActRecord act);

    /// <summary>
    /// Runs <paramref name="work"/> while no other caller runs work here — in this process or, where several servers
    /// share the storage, in any of them: publishing a year and storing a submission of it exclude each other.
    /// </summary>
    T Exclusive<T>(Func<T> work);
}
