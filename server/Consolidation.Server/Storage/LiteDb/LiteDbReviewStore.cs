using Consolidation.Server.Application.Ports;
using LiteDB;

namespace Consolidation.Server.Storage.LiteDb;

/// <summary>The review acts, append-only, read per year.</summary>
public sealed class LiteDbReviewStore : IReviewStore
{
    private readonly ILiteCollection<ReviewRecord> _acts;

    public LiteDbReviewStore(LiteDbStore store)
    {
        _acts = store.Database.GetCollection<ReviewRecord>("review_acts");
        _acts.EnsureIndex(a => a.FiscalYear);
        _acts.EnsureIndex(a => a.DepartmentCode);
    }

    /// <summary>A department's acts of a year (every version), oldest first.</summary>
    public IReadOnlyList<ReviewRecord> Department(string departmentCode, int fiscalYear) =>
        _acts.Find(LiteDbStore.Equal(nameof(ReviewRecord.DepartmentCode), departmentCode)).Where(a => a.FiscalYear == fiscalYear)
            .OrderBy(a => a.Id).ToList();

    public IReadOnlyList<ReviewRecord> Year(int fiscalYear) =>
        _acts.Find(LiteDbStore.Equal(nameof(ReviewRecord.FiscalYear), fiscalYear)).OrderBy(a => a.Id).ToList();

    public void Add(ReviewRecord act) => _acts.Insert(act);
}
