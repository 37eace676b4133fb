using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Checking;
using Consolidation.Domain.Consolidation;
using Consolidation.Domain.Rules;
using Google.Protobuf;
using D = Consolidation.Domain.Model;
using DomainStatus = Consolidation.Domain.Rules.SubmissionStatus;

namespace Consolidation.Server.Storage;

/// <summary>A stored version: its metadata, its accounts and its findings.</summary>
public sealed record StoredSubmission(
    string DepartmentCode, string DepartmentName, int FiscalYear, int Version, DomainStatus Status,
    DateTime ReceivedAt, string SubmittedBy, string ContentHash,
    int MandatoryCount, int AdvisoryCount, int UnexplainedCount,
    Func<D.FinalAccounts> LoadAccounts, Func<IReadOnlyList<Domain.Rules.Finding>> LoadFindings)
{
    /// <summary>The template and catalogue the check applied, as stored with the version (null for versions stored before it was recorded).</summary>
    public Func<CheckBasis?> LoadBasis { get; init; } = () => null;
}

/// <summary>
/// Stores every submission as a new version of its department and year, never overwriting an earlier one, and reads
/// them back. Version numbers are assigned under one lock, so concurrent submissions of one department never collide.
/// </summary>
public sealed partial class SubmissionRepository(LiteDbStore store)
{
    private readonly object _versionLock = new();

    /// <summary>Each department's latest and latest accepted version per year, in memory (see <see cref="SubmissionHeads"/>).</summary>
    private readonly SubmissionHeads _heads = new(
        code => store.Submissions.Find(LiteDbStore.Equal(nameof(SubmissionDocument.DepartmentCode), code)),
        () => store.Submissions.Query().Select(d => d.DepartmentCode).ToEnumerable());

    /// <summary>The request IDs on file, in memory (see <see cref="RequestIds"/>).</summary>
    private readonly RequestIds _requestIds = new(() => store.Requests.Query().Select(r => r.Id).ToEnumerable(), store.KeyComparer);

    public StoredSubmission Add(D.FinalAccounts accounts, CheckResult check, string submittedBy, DateTime receivedAt)
    {
        var bytes = ContentDigest.CanonicalBytes(accounts);
        SubmissionDocument doc;
        lock (_versionLock)
        {
            doc = NewDocument(accounts, bytes, ContentDigest.Hex(bytes), submittedBy, check, receivedAt,
                LatestVersion(accounts.DepartmentCode, accounts.FiscalYear) + 1);
            store.Submissions.Insert(doc);
            _heads.Stored(doc);
        }
        return ToStored(doc, check.Findings);
    }

    public int LatestVersion(string departmentCode, int fiscalYear) => _heads.Of(departmentCode, fiscalYear)?.Version ?? 0;

    /// <summary>One version (0 = the latest); null when there is none.</summary>
    public StoredSubmission? Get(string departmentCode, int fiscalYear, int version)
    {
        if (version <= 0) version = LatestVersion(departmentCode, fiscalYear);
        var doc = ByKey(Key(departmentCode, fiscalYear, version));
        return doc is null ? null : ToStored(doc);
    }

    /// <summary>One version by its key, straight on the unique Key index.</summary>
    private SubmissionDocument? ByKey(string key) => store.Submissions.FindOne(LiteDbStore.Equal(nameof(SubmissionDocument.Key), key));

    /// <summary>Every version of a department (of one year, or of all years when year is 0), oldest first.</summary>
    public IReadOnlyList<StoredSubmission> Versions(string departmentCode, int fiscalYear) =>
        store.Submissions.Query()
            .Where(d => d.DepartmentCode == departmentCode)
            .ToEnumerable()
            .Where(d => fiscalYear == 0 || d.FiscalYear == fiscalYear)
            .OrderBy(d => d.FiscalYear).ThenBy(d => d.Version)
            .Select(d => ToStored(d))
            .ToList();

    /// <summary>Per department of the year: its latest version and status, and its latest accepted version.</summary>
    public IReadOnlyList<DepartmentFiling> Filings(int fiscalYear) =>
        YearDocuments(fiscalYear)
            .GroupBy(d => d.DepartmentCode)
            .Select(g =>
            {
                var latest = g.MaxBy(d => d.Version)!;
                var accepted = g.Where(d => d.Status == (int)DomainStatus.Accepted).Select(d => d.Version).DefaultIfEmpty(0).Max();
                return new DepartmentFiling(g.Key, latest.DepartmentName, latest.Version, (DomainStatus)latest.Status, accepted);
            })
            .ToList();

    /// <summary>The latest accepted version of every department of the year.</summary>
    public IReadOnlyList<StoredSubmission> LatestAccepted(int fiscalYear) =>
        YearDocuments(fiscalYear)
            .Where(d => d.Status == (int)DomainStatus.Accepted)
            .GroupBy(d => d.DepartmentCode)
            .Select(g => ToStored(g.MaxBy(d => d.Version)!))
            .OrderBy(s => s.DepartmentCode, StringComparer.Ordinal)
            .ToList();

    /// <summary>A department's latest accepted version of a year; null when it has none.</summary>
    public StoredSubmission? LatestAccepted(string departmentCode, int fiscalYear) =>
        _heads.Of(departmentCode, fiscalYear) is { AcceptedVersion: > 0 } head && ByKey(head.AcceptedKey) is { } doc ? ToStored(doc) : null;

    public int Count() => store.Submissions.Count();

    private IEnumerable<SubmissionDocument> YearDocuments(int fiscalYear) =>
        store.Submissions.Query().Where(d => d.FiscalYear == fiscalYear).ToEnumerable();

    private static string Key(string code, int year, int version) => $"{code}/{year}/{version}";

    /// <summary>A stored version; <paramref name="findings"/> when they are at hand (just checked), else read from its bytes when asked.</summary>
    private static StoredSubmission ToStored(SubmissionDocument d, IReadOnlyList<Domain.Rules.Finding>? findings = null) => new(
        d.DepartmentCode, d.DepartmentName, d.FiscalYear, d.Version, (DomainStatus)d.Status,
        DateTime.SpecifyKind(d.ReceivedAt, DateTimeKind.Utc), d.SubmittedBy, d.ContentHash,
        d.MandatoryCount, d.AdvisoryCount, d.UnexplainedCount,
        () => AccountsMapper.ToDomain(FinalAccounts.Parser.ParseFrom(d.Accounts)),
        findings is not null
            ? () => findings
            : () => ValidateReply.Parser.ParseFrom(d.Findings).Findings.Select(FindingMapper.ToDomain).ToList())
    {
        LoadBasis = () => ValidateReply.Parser.ParseFrom(d.Findings).Basis,
    };
}
