using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Checking;
using Consolidation.Domain.Rules;
using Google.Protobuf;
using D = Consolidation.Domain.Model;

namespace Consolidation.Server.Storage;

/// <summary>
/// A submission ready to be stored under its request ID: its canonical bytes (the contract's FinalAccounts, serialized
/// once) and their hash, and its check when it was already run (null: run it only if a new version is stored).
/// </summary>
public sealed record PreparedSubmission(
    string RequestId, D.FinalAccounts Accounts, byte[] CanonicalBytes, string ContentHash, string SubmittedBy, CheckResult? Check);

/// <summary>What the repository decided for one request.</summary>
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

public sealed partial class SubmissionRepository
{
    /// <summary>
    /// The decision a request would get now, without storing anything: a retry of a known request ID (replayed or a
    /// conflict) or unchanged content; null when it needs checking and storing. Used to skip the check; the
    /// authoritative decision is taken again by <see cref="StoreRequests"/> under the version lock.
    /// </summary>
    public RequestDecision? Anticipate(string requestId, string departmentCode, int fiscalYear, string contentHash)
    {
        var known = KnownRequest(requestId);
        if (known is not null) return Replay(known, contentHash, null);
        return _heads.Of(departmentCode, fiscalYear) is { } head && head.ContentHash == contentHash && ByKey(head.Key) is { } latest
            ? new RequestDecision(RequestDecisionKind.Unchanged, false, ToStored(latest))
            : null;
    }

    /// <summary>
    /// Decides and stores a group of requests in one LiteDB transaction, under the version lock, on the calling thread
    /// (nothing in here awaits). Per request, in order: a known request ID is replayed (same content) or a conflict
    /// (other content); content equal to the department's latest version of the year is unchanged (the request ID is
    /// remembered, nothing else stored); anything else becomes the next version, checked by <paramref name="check"/>
    /// when it was not checked before. Many concurrent retries of one request ID therefore store one version.
    /// </summary>
    public IReadOnlyList<RequestDecision> StoreRequests(
        IReadOnlyList<PreparedSubmission> items, Func<PreparedSubmission, CheckResult> check, DateTime receivedAt)
    {
        // LiteDB keeps milliseconds: store what a later read returns, so a replay equals the original reply.
        receivedAt = new DateTime(receivedAt.Ticks - receivedAt.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        var decisions = new RequestDecision[items.Count];
        var requests = new Dictionary<string, RequestDocument>(StringComparer.Ordinal);
        // The heads as this transaction leaves them; published to _heads once it has committed.
        var latest = new Dictionary<(string Code, int Year), (int Version, string Key, string ContentHash)?>();
        var written = new Dictionary<string, SubmissionDocument>(StringComparer.Ordinal);
        var writtenInOrder = new List<SubmissionDocument>();
        lock (_versionLock)
        {
            if (!store.Database.BeginTrans()) throw new InvalidOperationException("a LiteDB transaction is already open on this thread");
            try
            {
                for (var i = 0; i < items.Count; i++)
                {
                    var item = items[i];
                    var known = requests.GetValueOrDefault(item.RequestId) ?? KnownRequest(item.RequestId);
                    if (known is not null)
                    {
                        decisions[i] = Replay(known, item.ContentHash, written);
                        continue;
                    }
                    var slot = (item.Accounts.DepartmentCode, item.Accounts.FiscalYear);
                    if (!latest.TryGetValue(slot, out var last))
                        last = latest[slot] = _heads.Of(slot.DepartmentCode, slot.FiscalYear) is { } h ? (h.Version, h.Key, h.ContentHash) : null;
                    SubmissionDocument doc;
                    bool stored;
                    IReadOnlyList<Domain.Rules.Finding>? findings = null;
                    if (last is { } l && l.ContentHash == item.ContentHash)
                    {
                        doc = written.GetValueOrDefault(l.Key) ?? ByKey(l.Key)
                            ?? throw new InvalidOperationException($"the latest version {l.Key} is not stored");
                        stored = false;
                    }
                    else
                    {
                        var itemCheck = item.Check ?? check(item);
                        doc = NewDocument(item, itemCheck, receivedAt, (last?.Version ?? 0) + 1);
                        store.Submissions.Insert(doc);
                        written[doc.Key] = doc;
                        writtenInOrder.Add(doc);
                        latest[slot] = (doc.Version, doc.Key, doc.ContentHash);
                        stored = true;
                        findings = itemCheck.Findings;
                    }
                    var request = new RequestDocument
                    {
                        Id = item.RequestId, ContentHash = item.ContentHash, SubmissionKey = doc.Key, Stored = stored, DecidedAt = receivedAt,
                    };
                    store.Requests.Insert(request);
                    requests[request.Id] = request;
                    decisions[i] = new RequestDecision(stored ? RequestDecisionKind.Stored : RequestDecisionKind.Unchanged, false, ToStored(doc, findings));
                }
                if (!store.Database.Commit()) throw new InvalidOperationException("the LiteDB transaction did not commit");
                store.WriteSucceeded();
                foreach (var doc in writtenInOrder) _heads.Stored(doc);
                _requestIds.Committed(requests.Keys);
            }
            catch (Exception e)
            {
                store.WriteFailed(e);
                // A rollback that fails too (the disk still full) must not hide why the write failed.
                try { store.Database.Rollback(); } catch (Exception) when (e is IOException or LiteDB.LiteException) { }
                throw;
            }
        }
        return decisions;
    }

    /// <summary>The request decided under this ID; null, without asking LiteDB, when the ID is new.</summary>
    private RequestDocument? KnownRequest(string requestId) => _requestIds.Contains(requestId) ? store.Requests.FindById(requestId) : null;

    private RequestDecision Replay(RequestDocument known, string contentHash, Dictionary<string, SubmissionDocument>? written)
    {
        if (known.ContentHash != contentHash) return new RequestDecision(RequestDecisionKind.Conflict, false, null);
        var key = known.SubmissionKey;
        var doc = written?.GetValueOrDefault(key) ?? ByKey(key)
            ?? throw new InvalidOperationException($"request {known.Id} points to {key}, which is not stored");
        return new RequestDecision(known.Stored ? RequestDecisionKind.Stored : RequestDecisionKind.Unchanged, true, ToStored(doc));
    }

    private static SubmissionDocument NewDocument(PreparedSubmission item, CheckResult check, DateTime receivedAt, int version) =>
        NewDocument(item.Accounts, item.CanonicalBytes, item.ContentHash, item.SubmittedBy, check, receivedAt, version);

    /// <summary>A version as stored: the one place a <see cref="SubmissionDocument"/> is made.</summary>
    private static SubmissionDocument NewDocument(D.FinalAccounts a, byte[] canonicalBytes, string contentHash, string submittedBy,
        CheckResult check, DateTime receivedAt, int version) => new()
    {
        Key = Key(a.DepartmentCode, a.FiscalYear, version),
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
        Findings = FindingsBytes(check),
    };

    private static byte[] FindingsBytes(CheckResult check) => FindingMapper.ToReply(check).ToByteArray();
}
