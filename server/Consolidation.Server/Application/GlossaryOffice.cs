using Consolidation.Domain.Glossary;
using Consolidation.Server.Application.Ports;

namespace Consolidation.Server.Application;

/// <summary>
/// The glossary in force: the one the server starts from with every recorded change replayed, and the finance bureau's
/// changes (增补, 更正), each recorded (who, when, old and new text) before it takes effect. Readers get an immutable
/// snapshot (<see cref="Current"/>); writers are serialized.
/// </summary>
public sealed class GlossaryOffice
{
    private readonly IGlossaryChangeStore _changes;
    private readonly TimeProvider _clock;
    private readonly object _writeLock = new();
    private volatile Glossary _current;

    public GlossaryOffice(Glossary initial, IGlossaryChangeStore changes, TimeProvider clock, ILogger<GlossaryOffice> log)
    {
        _changes = changes;
        _clock = clock;
        var glossary = initial;
        foreach (var stored in changes.All())
        {
            try
            {
                glossary = glossary.Apply(stored.Change).Glossary;
            }
            catch (GlossaryEditException e)
            {
                // The starting glossary changed under the record (another source document): the change stays in the record.
                log.LogWarning("名词解释修改记录 #{Id}（{Term}）未能重放：{Reason}", stored.Id, stored.Change.Term, e.Message);
            }
        }
        _current = glossary;
    }

    public Glossary Current => _current;

    /// <summary>Makes a change and records it; refuses with <see cref="GlossaryEditException"/> (nothing recorded then).</summary>
    public StoredGlossaryChange Change(ChangeKind kind, string term, int fiscalYear, string definition, string category, string by, string reason)
    {
        lock (_writeLock)
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond)); // what LiteDB keeps: the reply equals the record
            var change = new GlossaryChange(kind, term, fiscalYear, "", definition, category, by, now, reason.Trim());
            var (next, recorded) = _current.Apply(change);
            var stored = _changes.Add(recorded);
            _current = next;
            return stored;
        }
    }

    /// <summary>The printed name of a term and its recorded changes, oldest first; null when the glossary has no such term.</summary>
    public (string Term, IReadOnlyList<StoredGlossaryChange> Changes)? History(string term)
    {
        var entry = _current.Find(term);
        return entry is null ? null : (entry.Name, _changes.ForTerm(entry.Name));
    }
}
