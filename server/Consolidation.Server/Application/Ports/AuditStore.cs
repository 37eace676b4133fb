namespace Consolidation.Server.Application.Ports;

/// <summary>One act or refused call. Inserted and never updated or deleted (append-only).</summary>
public sealed class AuditRecord
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string Principal { get; set; } = "";
    public string KeyId { get; set; } = "";
    public string Role { get; set; } = "";
    public string Peer { get; set; } = "";
    public string Method { get; set; } = "";
    public string Kind { get; set; } = "";
    public string DepartmentCode { get; set; } = "";
    public int FiscalYear { get; set; }
    public string Outcome { get; set; } = "";
    public string Reason { get; set; } = "";
}

/// <summary>The audit trail (docs/access.md): insert and query only; nothing updates or deletes.</summary>
public interface IAuditStore
{
    void Append(IReadOnlyCollection<AuditRecord> entries);
    /// <summary>Newest first, filtered; empty strings and 0 mean "any"; at most <paramref name="limit"/>.</summary>
    IReadOnlyList<AuditRecord> Find(string departmentCode, int fiscalYear, string kind, DateTime? since, DateTime? until, int limit);
}
