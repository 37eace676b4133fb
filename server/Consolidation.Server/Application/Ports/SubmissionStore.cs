using Consolidation.Domain.Consolidation;

namespace Consolidation.Server.Application.Ports;

/// <summary>One stored version of a department's accounts, as every storage adapter keeps it. Never updated once inserted.</summary>
public sealed class VersionRecord
{
    public long Id { get; set; }
    /// <summary>"{code}/{year}/{version}", unique: two writers can never store the same version.</summary>
    public string Key { get; set; } = "";
    public string DepartmentCode { get; set; } = "";
    public string DepartmentName { get; set; } = "";
    public int FiscalYear { get; set; }
    public int Version { get; set; }
    public int Status { get; set; }
    public DateTime ReceivedAt { get; set; }
    public string SubmittedBy { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public int MandatoryCount { get; set; }
    public int AdvisoryCount { get; set; }
    public int UnexplainedCount { get; set; }
    /// <summary>The accounts' canonical bytes (<see cref="IRecordEncoding.EncodeAccounts"/>): what the content hash is of.</summary>
    public byte[] Accounts { get; set; } = [];
    /// <summary>The findings with the status, counts and basis of the check (<see cref="IRecordEncoding.EncodeFindings"/>).</summary>
    public byte[] Findings { get; set; } = [];

    public static string KeyOf(string departmentCode, int fiscalYear, int version) => $"{departmentCode}/{fiscalYear}/{version}";
}

/// <summary>
/// One decided submission request, keyed by the client's request ID: what content it carried and which version it
/// produced (stored) or pointed to (unchanged). Never updated once inserted; a retry reads it back. Request IDs are
/// compared ignoring case (LiteDB's default collation did so first; every adapter keeps it so).
/// </summary>
public sealed class RequestRecord
{
    /// <summary>The client's request ID.</summary>
    public string Id { get; set; } = "";
    public string ContentHash { get; set; } = "";
    /// <summary>The version's key "{code}/{year}/{version}".</summary>
    public string SubmissionKey { get; set; } = "";
    /// <summary>Whether the request stored that version (true) or found it unchanged (false).</summary>
    public bool Stored { get; set; }
    public DateTime DecidedAt { get; set; }
}

/// <summary>Where a department's year stands: its latest version (key, content hash) and its latest accepted version (0: none).</summary>
public sealed record SubmissionHead(int Version, string Key, string ContentHash, int AcceptedVersion, string AcceptedKey);

/// <summary>
/// The versions of every department's accounts: append-only. Reads may run at any time; writes happen only inside
/// <see cref="Write{T}"/>, one at a time (across processes too where the adapter allows several), all or nothing.
/// </summary>
public interface ISubmissionStore
{
    /// <summary>One version by its key; null when there is none.</summary>
    VersionRecord? Version(string key);

    /// <summary>The versions stored under these keys (a key with none is left out), in no particular order: one read for many.</summary>
    IReadOnlyList<VersionRecord> VersionsByKey(IReadOnlyCollection<string> keys);

    /// <summary>The head of a department's year; null when it has no version of that year.</summary>
    SubmissionHead? Head(string departmentCode, int fiscalYear);

    /// <summary>The request decided under this ID (compared ignoring case); null when the ID is new.</summary>
    RequestRecord? Request(string requestId);

    /// <summary>Every version of a department (of one year, or of all years when year is 0), oldest first.</summary>
    IReadOnlyList<VersionRecord> Versions(string departmentCode, int fiscalYear);

    /// <summary>
    /// Per department of the year: its latest version and status, and its latest accepted version — from the versions'
    /// metadata alone (a 100,000-unit year is read without its accounts).
    /// </summary>
    IReadOnlyList<DepartmentFiling> Filings(int fiscalYear);

    int Count();

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction, on the calling thread (nothing in it may await): it
    /// commits when the work returns and rolls back — storing nothing, holding nothing — when it throws.
    /// </summary>
    T Write<T>(Func<ISubmissionWrite, T> work);
}

/// <summary>A write transaction of the submission store: reads see what it has written so far.</summary>
public interface ISubmissionWrite
{
    SubmissionHead? Head(string departmentCode, int fiscalYear);
    RequestRecord? Request(string requestId);
    VersionRecord? Version(string key);
    /// <summary>Stores a new version (its key must be new: the store refuses a second one).</summary>
    void Insert(VersionRecord version);
    /// <summary>Remembers a decided request (its ID must be new).</summary>
    void Remember(RequestRecord request);
}
