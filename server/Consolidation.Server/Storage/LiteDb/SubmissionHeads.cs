using System.Collections.Concurrent;
using System.Collections.Immutable;
using Consolidation.Server.Application.Ports;

namespace Consolidation.Server.Storage.LiteDb;

/// <summary>
/// The head of every department's years, kept in memory so that deciding a submission asks LiteDB nothing: is the
/// content unchanged since the latest version, which version comes next, is last year's accepted version on file.
/// A department is read from LiteDB once, on first use (one index lookup); a department with nothing on file — every
/// department of a first batch — is not even looked up: the codes on file are read once, from the DepartmentCode index
/// alone. After that every stored version updates the heads under the store's write lock, once its transaction
/// has committed. Valid because one process owns the data file (<see cref="LiteDbStore"/>'s lock file) and every write
/// goes through <see cref="LiteDbSubmissionStore"/>.
/// </summary>
public sealed class SubmissionHeads(Func<string, IEnumerable<VersionRecord>> departmentDocuments, Func<IEnumerable<string>> departmentsOnFile)
{
    private readonly ConcurrentDictionary<string, ImmutableDictionary<int, SubmissionHead>> _departments = new(StringComparer.Ordinal);

    /// <summary>The codes of the departments that had a version on file when the heads were first asked for.</summary>
    private readonly Lazy<HashSet<string>> _onFile = new(() => new HashSet<string>(departmentsOnFile(), StringComparer.Ordinal));

    /// <summary>The head of a department's year; null when it has no version of that year.</summary>
    public SubmissionHead? Of(string departmentCode, int fiscalYear) =>
        Department(departmentCode).GetValueOrDefault(fiscalYear);

    /// <summary>Records a version just committed (call under the version lock, after the commit).</summary>
    public void Stored(VersionRecord doc)
    {
        var years = Department(doc.DepartmentCode);
        _departments[doc.DepartmentCode] = years.SetItem(doc.FiscalYear, After(years.GetValueOrDefault(doc.FiscalYear), doc));
    }

    /// <summary>The head of a year once <paramref name="version"/> (the next version) is stored after <paramref name="before"/>.</summary>
    public static SubmissionHead After(SubmissionHead? before, VersionRecord version)
    {
        var accepted = IsAccepted(version);
        return new SubmissionHead(version.Version, version.Key, version.ContentHash,
            accepted ? version.Version : before?.AcceptedVersion ?? 0, accepted ? version.Key : before?.AcceptedKey ?? "");
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

    private static bool IsAccepted(VersionRecord doc) => doc.Status == (int)Domain.Rules.SubmissionStatus.Accepted;
}
