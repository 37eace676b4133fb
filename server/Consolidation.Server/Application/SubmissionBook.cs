using Consolidation.Domain.Checking;
using Consolidation.Domain.Consolidation;
using Consolidation.Server.Application.Ports;
using D = Consolidation.Domain.Model;
using DomainStatus = Consolidation.Domain.Rules.SubmissionStatus;

namespace Consolidation.Server.Application;

/// <summary>
/// A stored version: its metadata, its accounts and its findings — as the domain's (read when asked) and as the
/// encoded bytes it keeps them in (<see cref="IRecordEncoding.EncodeFindings"/>: status, basis and findings), which a
/// reply carries on without mapping them again.
/// </summary>
public sealed record StoredSubmission(
    string DepartmentCode, string DepartmentName, int FiscalYear, int Version, DomainStatus Status,
    DateTime ReceivedAt, string SubmittedBy, string ContentHash,
    int MandatoryCount, int AdvisoryCount, int UnexplainedCount,
    Func<D.FinalAccounts> LoadAccounts, Func<IReadOnlyList<Domain.Rules.Finding>> LoadFindings, byte[] EncodedFindings);

/// <summary>
/// A submission ready to be stored under its request ID (made by <see cref="SubmissionBook.Prepare"/>): its canonical
/// bytes (encoded once) and their hash, and its check when it was already run (null: run it only if a new version is stored).
/// </summary>
public sealed record PreparedSubmission(
    string RequestId, D.FinalAccounts Accounts, byte[] CanonicalBytes, string ContentHash, string SubmittedBy, CheckResult? Check);

/// <summary>What was decided for one request.</summary>
public enum RequestDecisionKind
{
    /// <summary>A new version was stored (or, when replayed, had been stored by this request ID).</summary>
    Stored,
    /// <summary>Same content as the department's latest version of the year: nothing stored, that version returned.</summary>
    Unchanged,
    /// <summary>The request ID was already used for other content: nothing stored.</summary>
    Conflict,
}

public sealed record RequestDecision(RequestDecisionKind Kind, bool Replayed, StoredSubmission? Submission);

/// <summary>
/// The versions of every department's accounts, over the <see cref="ISubmissionStore"/> port: every submission becomes
/// a new version of its department and year, never overwriting an earlier one. Here, not in storage, is decided what a
/// request gets — replayed, unchanged, a conflict or the next version — inside the store's write transaction, so that
/// every adapter behaves the same.
/// </summary>
public sealed class SubmissionBook(ISubmissionStore store, IRecordEncoding encoding)
{
    /// <summary>A submission ready for <see cref="StoreRequests"/>: its accounts encoded once, with their content hash.</summary>
    public PreparedSubmission Prepare(string requestId, D.FinalAccounts accounts, string submittedBy, CheckResult? check = null)
    {
        var encoded = encoding.EncodeAccounts(accounts);
        return new PreparedSubmission(requestId, accounts, encoded.Bytes, encoded.ContentHash, submittedBy, check);
    }

    /// <summary>Stores checked accounts as the department's next version of the year (the path without a request ID).</summary>
    public StoredSubmission Add(D.FinalAccounts accounts, CheckResult check, string submittedBy, DateTime receivedAt)
    {
        var encoded = encoding.EncodeAccounts(accounts);
        receivedAt = Milliseconds(receivedAt);
        var record = store.Write(tx =>
        {
            var version = NewRecord(accounts, encoded.Bytes, encoded.ContentHash, submittedBy, check, receivedAt,
                (tx.Head(accounts.DepartmentCode, accounts.FiscalYear)?.Version ?? 0) + 1);
            tx.Insert(version);
            return version;
        });
        return ToStored(record, check.Findings);
    }

    public int LatestVersion(string departmentCode, int fiscalYear) => store.Head(departmentCode, fiscalYear)?.Version ?? 0;

    /// <summary>One version (0 = the latest); null when there is none.</summary>
    public StoredSubmission? Get(string departmentCode, int fiscalYear, int version)
    {
        if (version <= 0) version = LatestVersion(departmentCode, fiscalYear);
        return store.Version(VersionRecord.KeyOf(departmentCode, fiscalYear, version)) is { } record ? ToStored(record) : null;
    }

    /// <summary>Every version of a department (of one year, or of all years when year is 0), oldest first.</summary>
    public IReadOnlyList<StoredSubmission> Versions(string departmentCode, int fiscalYear) =>
        store.Versions(departmentCode, fiscalYear).Select(r => ToStored(r)).ToList();

    /// <summary>Per department of the year: its latest version and status, and its latest accepted version.</summary>
    public IReadOnlyList<DepartmentFiling> Filings(int fiscalYear) => store.Filings(fiscalYear);

    /// <summary>
    /// The latest accepted version of every department of the year, by department code (ordinal): read lazily, one
    /// version at a time (<see cref="Read"/>).
    /// </summary>
    public IEnumerable<StoredSubmission> LatestAccepted(int fiscalYear) => Read(fiscalYear, AcceptedVersions(fiscalYear));

    /// <summary>Per department of the year that has one, its latest accepted version — from the filings, no version read.</summary>
    public IReadOnlyList<(string DepartmentCode, int Version)> AcceptedVersions(int fiscalYear) =>
        Filings(fiscalYear).Where(f => f.AcceptedVersion > 0).Select(f => (f.Code, f.AcceptedVersion)).ToList();

    /// <summary>
    /// The given versions of a year, in department-code order (ordinal), each read from the store only when the sequence
    /// reaches it and held by nothing here once passed: a consolidation of 100,000 units never holds them all. Versions
    /// are immutable, so what is read later is what the list named; a version that is not stored is skipped.
    /// </summary>
    public IEnumerable<StoredSubmission> Read(int fiscalYear, IEnumerable<(string DepartmentCode, int Version)> versions)
    {
        // Fetched ReadGroup at a time (one store call for many), handed out one at a time.
        foreach (var group in versions.OrderBy(v => v.DepartmentCode, StringComparer.Ordinal).Chunk(ReadGroup))
        {
            var keys = group.Select(v => VersionRecord.KeyOf(v.DepartmentCode, fiscalYear, v.Version)).ToList();
            var found = store.VersionsByKey(keys).ToDictionary(r => r.Key, StringComparer.Ordinal);
            foreach (var key in keys)
                if (found.Remove(key, out var record)) yield return ToStored(record);
        }
    }

    /// <summary>How many versions <see cref="Read"/> asks the store for at once (~10–30 KiB each).</summary>
    private const int ReadGroup = 64;

    /// <summary>A department's latest accepted version of a year; null when it has none.</summary>
    public StoredSubmission? LatestAccepted(string departmentCode, int fiscalYear) =>
        store.Head(departmentCode, fiscalYear) is { AcceptedVersion: > 0 } head && store.Version(head.AcceptedKey) is { } record ? ToStored(record) : null;

    public int Count() => store.Count();

    /// <summary>
    /// The decision a request would get now, without storing anything: a retry of a known request ID (replayed or a
    /// conflict) or unchanged content; null when it needs checking and storing. Used to skip the check; the
    /// authoritative decision is taken again by <see cref="StoreRequests"/> inside the write transaction.
    /// </summary>
    public RequestDecision? Anticipate(string requestId, string departmentCode, int fiscalYear, string contentHash)
    {
        if (store.Request(requestId) is { } known) return Replay(known, contentHash, store.Version);
        return store.Head(departmentCode, fiscalYear) is { } head && head.ContentHash == contentHash && store.Version(head.Key) is { } latest
            ? new RequestDecision(RequestDecisionKind.Unchanged, false, ToStored(latest))
            : null;
    }

    /// <summary>
    /// Decides and stores a group of requests in one write transaction, on the calling thread (nothing in here
    /// awaits). Per request, in order: a known request ID is replayed (same content) or a conflict (other content);
    /// content equal to the department's latest version of the year is unchanged (the request ID is remembered, nothing
    /// else stored); anything else becomes the next version, checked by <paramref name="check"/> when it was not
    /// checked before. Many concurrent retries of one request ID therefore store one version.
    /// </summary>
    public IReadOnlyList<RequestDecision> StoreRequests(
        IReadOnlyList<PreparedSubmission> items, Func<PreparedSubmission, CheckResult> check, DateTime receivedAt)
    {
        receivedAt = Milliseconds(receivedAt);
        return store.Write(tx =>
        {
            var decisions = new RequestDecision[items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (tx.Request(item.RequestId) is { } known)
                {
                    decisions[i] = Replay(known, item.ContentHash, tx.Version);
                    continue;
                }
                VersionRecord version;
                bool stored;
                IReadOnlyList<Domain.Rules.Finding>? findings = null;
                var last = tx.Head(item.Accounts.DepartmentCode, item.Accounts.FiscalYear);
                if (last is not null && last.ContentHash == item.ContentHash)
                {
                    version = tx.Version(last.Key) ?? throw new InvalidOperationException($"the latest version {last.Key} is not stored");
                    stored = false;
                }
                else
                {
                    var itemCheck = item.Check ?? check(item);
                    version = NewRecord(item.Accounts, item.CanonicalBytes, item.ContentHash, item.SubmittedBy, itemCheck, receivedAt, (last?.Version ?? 0) + 1);
                    tx.Insert(version);
                    stored = true;
                    findings = itemCheck.Findings;
                }
                tx.Remember(new RequestRecord
                {
                    Id = item.RequestId, ContentHash = item.ContentHash, SubmissionKey = version.Key, Stored = stored, DecidedAt = receivedAt,
                });
                decisions[i] = new RequestDecision(stored ? RequestDecisionKind.Stored : RequestDecisionKind.Unchanged, false, ToStored(version, findings));
            }
            return decisions;
        });
    }

    /// <summary>Storage keeps milliseconds (LiteDB does): store what a later read returns, so a replay equals the original reply.</summary>
    private static DateTime Milliseconds(DateTime at) =>
        new(at.Ticks - at.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    private RequestDecision Replay(RequestRecord known, string contentHash, Func<string, VersionRecord?> version)
    {
        if (known.ContentHash != contentHash) return new RequestDecision(RequestDecisionKind.Conflict, false, null);
        var record = version(known.SubmissionKey)
            ?? throw new InvalidOperationException($"request {known.Id} points to {known.SubmissionKey}, which is not stored");
        return new RequestDecision(known.Stored ? RequestDecisionKind.Stored : RequestDecisionKind.Unchanged, true, ToStored(record));
    }

    /// <summary>A version as stored: the one place a <see cref="VersionRecord"/> is made.</summary>
    private VersionRecord NewRecord(D.FinalAccounts a, byte[] canonicalBytes, string contentHash, string submittedBy,
        CheckResult check, DateTime receivedAt, int version) => new()
    {
        Key = VersionRecord.KeyOf(a.DepartmentCode, a.FiscalYear, version),
        DepartmentCode = a.DepartmentCode,
        DepartmentName = a.DepartmentName,
        FiscalYear = a.FiscalYear,
        Version = version,
        Status = (int)check.Status,
        ReceivedAt = receivedAt,
        SubmittedBy = submittedBy,
        ContentHash = contentHash,
        MandatoryCount = check.MandatoryCount,
        AdvisoryCount = check.AdvisoryCount,
        UnexplainedCount = check.UnexplainedCount,
        Accounts = canonicalBytes,
        Findings = encoding.EncodeFindings(check),
    };

    /// <summary>A stored version; <paramref name="findings"/> when they are at hand (just checked), else read from its bytes when asked.</summary>
    private StoredSubmission ToStored(VersionRecord d, IReadOnlyList<Domain.Rules.Finding>? findings = null) => new(
        d.DepartmentCode, d.DepartmentName, d.FiscalYear, d.Version, (DomainStatus)d.Status,
        DateTime.SpecifyKind(d.ReceivedAt, DateTimeKind.Utc), d.SubmittedBy, d.ContentHash,
        d.MandatoryCount, d.AdvisoryCount, d.UnexplainedCount,
        () => encoding.DecodeAccounts(d.Accounts),
        findings is not null ? () => findings : () => encoding.DecodeFindings(d.Findings),
        d.Findings);
}
