using Consolidation.Server.Application.Ports;
using LiteDB;

namespace Consolidation.Server.Storage.LiteDb;

/// <summary>The audit trail (docs/access.md): insert and query only; nothing here updates or deletes.</summary>
public sealed class LiteDbAuditStore : IAuditStore
{
    private readonly ILiteCollection<AuditRecord> _entries;

    public LiteDbAuditStore(LiteDbStore store)
    {
        _entries = store.Database.GetCollection<AuditRecord>("audit");
        _entries.EnsureIndex(e => e.DepartmentCode);
        _entries.EnsureIndex(e => e.FiscalYear);
        _entries.EnsureIndex(e => e.Kind);
    }

    public void Append(IReadOnlyCollection<AuditRecord> entries)
    {
        if (entries.Count == 1) _entries.Insert(entries.First());
        else if (entries.Count > 1) _entries.InsertBulk(entries);
    }

    /// <summary>Newest first, filtered; empty strings and 0 mean "any".</summary>
    public IReadOnlyList<AuditRecord> Find(string departmentCode, int fiscalYear, string kind, DateTime? since, DateTime? until, int limit)
    {
        var query = _entries.Query();
        if (departmentCode.Length > 0) query = query.Where(LiteDbStore.Equal(nameof(AuditRecord.DepartmentCode), departmentCode));
        if (fiscalYear > 0) query = query.Where(LiteDbStore.Equal(nameof(AuditRecord.FiscalYear), fiscalYear));
        if (kind.Length > 0) query = query.Where(LiteDbStore.Equal(nameof(AuditRecord.Kind), kind));
        if (since is { } s) query = query.Where(BsonExpression.Create("At >= @0", s));
        if (until is { } u) query = query.Where(BsonExpression.Create("At <= @0", u));
        return query.OrderByDescending(e => e.Id).Limit(limit).ToList();
    }
}
