using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Consolidation.Server.Storage;

/// <summary>Where a department's year stands: its latest version (key, content hash) and its latest accepted version (0: none).</summary>
public sealed record SubmissionHead(int Version, string Key, string ContentHash, int AcceptedVersion, string AcceptedKey);

/// <summary>
/// The head of every department's years, kept in memory so that deciding a submission asks LiteDB nothing: is the
/// content unchanged since the latest version, which version comes next, is last year's accepted version on file.
/// A department is read from LiteDB once, on first use (one index lookup); a department with nothing on file — every
/// department of a first batch — is not even looked up: the codes on file are read once, from the DepartmentCode index
/// alone. After that every stored version updates the heads under the repository's version lock, once its transaction
/// has committed. Valid because one process owns the data file (<see cref="LiteDbStore"/>'s lock file) and every write
/// goes through <see cref="SubmissionRepository"/>.
/// </summary>
public sealed class SubmissionHeads(Func<string, IEnumerable<SubmissionDocument>> departmentDocuments, Func<IEnumerable<string>> departmentsOnFile)
{
    private readonly ConcurrentDictionary<string, ImmutableDictionary<int, SubmissionHead>> _departments = new(StringComparer.Ordinal);

    /// <summary>The codes of the departments that had a version on file when the heads were first asked for.</summary>
    private readonly Lazy<HashSet<string>> _onFile = new(() => new HashSet<string>(departmentsOnFile(), StringComparer.Ordinal));

    /// <summary>The head of a department's year; null when it has no version of that year.</summary>
    public SubmissionHead? Of(string departmentCode, int fiscalYear) =>
        Department(departmentCode).GetValueOrDefault(fiscalYear);

    /// <summary>Records a version just committed (call under the version lock, after the commit).</summary>
    public void Stored(SubmissionDocument doc)
    {
        var accepted = IsAccepted(doc);
        var years = Department(doc.DepartmentCode);
        var before = years.GetValueOrDefault(doc.FiscalYear);
        var head = new SubmissionHead(doc.Version, doc.Key, doc.ContentHash,
            accepted ? doc.Version : before?.AcceptedVersion ?? 0, accepted ? doc.Key : before?.AcceptedKey ?? "");
        _departments[doc.DepartmentCode] = years.SetItem(doc.FiscalYear, head);
    }

    private ImmutableDictionary<int, SubmissionHead> Department(string code) =>
        // A reader racing a writer may load a snapshot from before the writer's commit; GetOrAdd never lets it replace
        // what the writer recorded, and a writer always starts from what it finds here under the lock.
        _departments.GetOrAdd(code, Load);

    /// <summary>A department's heads from the file; a department with nothing on file is not looked up.</summary>
    private ImmutableDictionary<int, SubmissionHead> Load(string code)
    {
        var years = ImmutableDictionary<int, SubmissionHead>.Empty;
        if (!_onFile.Value.Contains(code)) return years;
        foreach (var year in departmentDocuments(code).GroupBy(d => d.FiscalYear))
        {
            var latest = year.MaxBy(d => d.Version)!;
            var accepted = year.Where(IsAccepted).MaxBy(d => d.Version);
            years = years.SetItem(year.Key, new SubmissionHead(latest.Version, latest.Key, latest.ContentHash, accepted?.Version ?? 0, accepted?.Key ?? ""));
        }
        return years;
    }

    private static bool IsAccepted(SubmissionDocument doc) => doc.Status == (int)Domain.Rules.SubmissionStatus.Accepted;
}
