using Consolidation.Domain.Glossary;
using Consolidation.Server.Application.Ports;
using LiteDB;

namespace Consolidation.Server.Storage.LiteDb;

/// <summary>One change of the glossary as stored: append-only, never updated.</summary>
public sealed class GlossaryChangeDocument
{
    public long Id { get; set; }
    public int Kind { get; set; }
    /// <summary>The term's printed name.</summary>
    public string Term { get; set; } = "";
    /// <summary>The normal form of the name (TermText.Normalize): what history is looked up by.</summary>
    public string TermKey { get; set; } = "";
    public int FiscalYear { get; set; }
    public string OldDefinition { get; set; } = "";
    public string NewDefinition { get; set; } = "";
    public string Category { get; set; } = "";
    public string ChangedBy { get; set; } = "";
    public DateTime ChangedAt { get; set; }
    public string Reason { get; set; } = "";
}

/// <summary>The change record of the glossary (名词解释的修改记录): every 增补 and 更正, who, when, old and new text.</summary>
public sealed class LiteDbGlossaryChangeStore : IGlossaryChangeStore
{
    private readonly ILiteCollection<GlossaryChangeDocument> _changes;

    public LiteDbGlossaryChangeStore(LiteDbStore store)
    {
        _changes = store.Database.GetCollection<GlossaryChangeDocument>("glossary_changes");
        _changes.EnsureIndex(d => d.TermKey);
    }

    public StoredGlossaryChange Add(GlossaryChange change)
    {
        var doc = new GlossaryChangeDocument
        {
            Kind = (int)change.Kind,
            Term = change.Term,
            TermKey = TermText.Normalize(change.Term),
            FiscalYear = change.FiscalYear,
            OldDefinition = change.OldDefinition,
            NewDefinition = change.NewDefinition,
            Category = change.Category,
            ChangedBy = change.By,
            ChangedAt = change.At,
            Reason = change.Reason,
        };
        _changes.Insert(doc);
        return ToStored(doc);
    }

    /// <summary>Every change, in the order made.</summary>
    public IReadOnlyList<StoredGlossaryChange> All() =>
        _changes.FindAll().OrderBy(d => d.Id).Select(ToStored).ToList();

    /// <summary>The changes of one term (by its printed name), oldest first.</summary>
    public IReadOnlyList<StoredGlossaryChange> ForTerm(string name)
    {
        var key = TermText.Normalize(name); // outside the predicate: LiteDB translates only plain values
        return _changes.Find(d => d.TermKey == key).OrderBy(d => d.Id).Select(ToStored).ToList();
    }

    private static StoredGlossaryChange ToStored(GlossaryChangeDocument d) => new(d.Id, new GlossaryChange(
        (ChangeKind)d.Kind, d.Term, d.FiscalYear, d.OldDefinition, d.NewDefinition, d.Category, d.ChangedBy,
        DateTime.SpecifyKind(d.ChangedAt, DateTimeKind.Utc), d.Reason));
}
