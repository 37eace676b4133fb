using LiteDB;

namespace Consolidation.Server.Storage;

/// <summary>One review act of the bureau on one version (accept / return). Never updated: the latest act decides.</summary>
public sealed class ReviewActDocument
{
    public long Id { get; set; }
    public string DepartmentCode { get; set; } = "";
    public int FiscalYear { get; set; }
    public int Version { get; set; }
    public string Act { get; set; } = "";
    public string By { get; set; } = "";
    public DateTime At { get; set; }
    public string Reason { get; set; } = "";
}

/// <summary>The review acts, append-only, read per year.</summary>
public sealed class ReviewRepository
{
    private readonly ILiteCollection<ReviewActDocument> _acts;

    public ReviewRepository(LiteDbStore store)
    {
        _acts = store.Database.GetCollection<ReviewActDocument>("review_acts");
        _acts.EnsureIndex(a => a.FiscalYear);
        _acts.EnsureIndex(a => a.DepartmentCode);
    }

    /// <summary>A department's acts of a year (every version), oldest first.</summary>
    public IReadOnlyList<ReviewActDocument> Department(string departmentCode, int fiscalYear) =>
        _acts.Find(LiteDbStore.Equal(nameof(ReviewActDocument.DepartmentCode), departmentCode)).Where(a => a.FiscalYear == fiscalYear)
            .OrderBy(a => a.Id).ToList();

    public IReadOnlyList<ReviewActDocument> Year(int fiscalYear) =>
        _acts.Find(LiteDbStore.Equal(nameof(ReviewActDocument.FiscalYear), fiscalYear)).OrderBy(a => a.Id).ToList();

    public void Add(ReviewActDocument act) => _acts.Insert(act);
}
