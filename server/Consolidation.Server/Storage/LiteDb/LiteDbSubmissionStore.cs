using LiteDB;
using Consolidation.Domain.Consolidation;
using Consolidation.Server.Application.Ports;
using DomainStatus = Consolidation.Domain.Rules.SubmissionStatus;

namespace Consolidation.Server.Storage.LiteDb;

/// <summary>
/// The submission versions in the LiteDB file. Writes run one at a time under one lock, each in one LiteDB
/// transaction. The heads of every department's years and the request IDs on file are kept in memory (valid because
/// one process owns the file, <see cref="LiteDbStore"/>): deciding a request asks the file nothing but the versions it
/// returns.
/// </summary>
public sealed class LiteDbSubmissionStore : ISubmissionStore
{
    private readonly LiteDbStore _store;
    private readonly object _writeLock = new();
    private readonly SubmissionHeads _heads;
    private readonly RequestIds _requestIds;

    public LiteDbSubmissionStore(LiteDbStore store)
    {
        _store = store;
        _heads = new SubmissionHeads(
            code => store.Submissions.Find(LiteDbStore.Equal(nameof(VersionRecord.DepartmentCode), code)),
            () => store.Submissions.Query().Select(d => d.DepartmentCode).ToEnumerable());
        _requestIds = new RequestIds(() => store.Requests.Query().Select(r => r.Id).ToEnumerable(), store.KeyComparer);
    }

    public VersionRecord? Version(string key) => _store.Submissions.FindOne(LiteDbStore.Equal(nameof(VersionRecord.Key), key));

    public IReadOnlyList<VersionRecord> VersionsByKey(IReadOnlyCollection<string> keys) =>
        keys.Count == 0 ? [] : _store.Submissions.Find(KeyIn(new BsonArray(keys.Select(k => new BsonValue(k))))).ToList();

    /// <summary>"Key IN @0", parameterised (one compiled expression for every list, <see cref="LiteDbStore.Equal"/>).</summary>
    private static BsonExpression KeyIn(BsonArray keys) => BsonExpression.Create($"{nameof(VersionRecord.Key)} IN @0", keys);

    public SubmissionHead? Head(string departmentCode, int fiscalYear) => _heads.Of(departmentCode, fiscalYear);

    /// <summary>The request decided under this ID; null, without asking LiteDB, when the ID is new.</summary>
    public RequestRecord? Request(string requestId) => _requestIds.Contains(requestId) ? _store.Requests.FindById(requestId) : null;

    public IReadOnlyList<VersionRecord> Versions(string departmentCode, int fiscalYear) =>
        _store.Submissions.Query()
            .Where(d => d.DepartmentCode == departmentCode)
            .ToEnumerable()
            .Where(d => fiscalYear == 0 || d.FiscalYear == fiscalYear)
            .OrderBy(d => d.FiscalYear).ThenBy(d => d.Version)
            .ToList();

    public IReadOnlyList<DepartmentFiling> Filings(int fiscalYear) =>
        // Projected: the metadata of the year's versions, never their accounts' and findings' bytes.
        _store.Submissions.Query().Where(d => d.FiscalYear == fiscalYear)
            .Select(d => new { d.DepartmentCode, d.DepartmentName, d.Version, d.Status })
            .ToEnumerable()
            .GroupBy(d => d.DepartmentCode)
            .Select(g =>
            {
                var latest = g.MaxBy(d => d.Version)!;
                var accepted = g.Where(d => d.Status == (int)DomainStatus.Accepted).Select(d => d.Version).DefaultIfEmpty(0).Max();
                return new DepartmentFiling(g.Key, latest.DepartmentName, latest.Version, (DomainStatus)latest.Status, accepted);
            })
            .ToList();

    public int Count() => _store.Submissions.Count();

    public T Write<T>(Func<ISubmissionWrite, T> work)
    {
        lock (_writeLock)
        {
            var tx = new Transaction(this);
            var result = _store.InTransaction(() => work(tx));
            // The heads and request IDs as the transaction left them, published once it has committed.
            foreach (var version in tx.Written) _heads.Stored(version);
            _requestIds.Committed(tx.Requests.Keys);
            return result;
        }
    }

    /// <summary>One write transaction: what it has written, seen by its own reads before LiteDB is asked.</summary>
    private sealed class Transaction(LiteDbSubmissionStore owner) : ISubmissionWrite
    {
        private readonly Dictionary<(string Code, int Year), SubmissionHead> _heads = new();
        private readonly Dictionary<string, VersionRecord> _versions = new(StringComparer.Ordinal);
        public readonly List<VersionRecord> Written = [];
        public readonly Dictionary<string, RequestRecord> Requests = new(owner._store.KeyComparer);

        public SubmissionHead? Head(string departmentCode, int fiscalYear) =>
            _heads.TryGetValue((departmentCode, fiscalYear), out var head) ? head : owner._heads.Of(departmentCode, fiscalYear);

        public RequestRecord? Request(string requestId) => Requests.GetValueOrDefault(requestId) ?? owner.Request(requestId);

        public VersionRecord? Version(string key) => _versions.GetValueOrDefault(key) ?? owner.Version(key);

        public void Insert(VersionRecord version)
        {
            owner._store.Submissions.Insert(version);
            _versions[version.Key] = version;
            Written.Add(version);
            var before = Head(version.DepartmentCode, version.FiscalYear);
            _heads[(version.DepartmentCode, version.FiscalYear)] = SubmissionHeads.After(before, version);
        }

        public void Remember(RequestRecord request)
        {
            owner._store.Requests.Insert(request);
            Requests[request.Id] = request;
        }
    }
}
