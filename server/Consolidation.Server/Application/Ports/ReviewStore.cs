namespace Consolidation.Server.Application.Ports;

/// <summary>One review act of the bureau on one version (accept / return). Never updated: the latest act decides.</summary>
public sealed class ReviewRecord
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
public interface IReviewStore
{
    /// <summary>A department's acts of a year (every version), oldest first.</summary>
    IReadOnlyList<ReviewRecord> Department(string departmentCode, int fiscalYear);
    /// <summary>Every act of a year, oldest first.</summary>
    IReadOnlyList<ReviewRecord> Year(int fiscalYear);
    void Add(ReviewRecord act);
}
