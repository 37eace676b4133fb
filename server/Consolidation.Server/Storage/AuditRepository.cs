using LiteDB;

namespace Consolidation.Server.Storage;

/// <summary>One act or refused call. Inserted and never updated or deleted (append-only).</summary>
public sealed class AuditDocument
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

/// <summary>The audit trail (docs/access.md): insert and query only; nothing here updates or deletes.</summary>
public sealed class AuditRepository
{
    private readonly ILiteCollection<AuditDocument> _entries;

    public AuditRepository(LiteDbStore store)
    {
        _entries = store.Database.GetCollection<AuditDocument>("audit");
        _entries.EnsureIndex(e => e.DepartmentCode);
        _entries.EnsureIndex(e => e.FiscalYear);
        _entries.EnsureIndex(e => e.Kind);
    }

    public void Append(IReadOnlyCollection<AuditDocument> entries)
    {
        if (entries.Count == 1) _entries.Insert(entries.First());
        else if (entries.Count > 1) _entries.InsertBulk(entries);
    }

    /// <summary>Newest first, filtered; empty strings and 0 mean "any".</summary>
    public IReadOnlyList<AuditDocument> Find(string departmentCode, int fiscalYear, string kind, DateTime? since, DateTime? until, int limit)
    {
        var query = _entries.Query();
        if (departmentCode.Length > 0) query = query.Where(LiteDbStore.Equal(nameof(AuditDocument.DepartmentCode), departmentCode));
        if (fiscalYear > 0) query = query.Where(LiteDbStore.Equal(nameof(AuditDocument.FiscalYear), fiscalYear));
        if (kind.Length > 0) query = query.Where(LiteDbStore.Equal(nameof(AuditDocument.Kind), kind));
        if (since is { } s) query = query.Where(BsonExpression.Create("At >= @0", s));
        if (until is { } u) query = query.Where(BsonExpression.Create("At <= @0", u));
        return query.OrderByDescending(e => e.Id).Limit(limit).ToList();
    }
}
