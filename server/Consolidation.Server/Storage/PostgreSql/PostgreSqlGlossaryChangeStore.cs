using Consolidation.Domain.Glossary;
using Consolidation.Server.Application.Ports;
using static Consolidation.Server.Storage.PostgreSql.PostgreSqlDatabase;

namespace Consolidation.Server.Storage.PostgreSql;

/// <summary>The change record of the glossary in PostgreSQL: append-only, looked up by the term's normal form.</summary>
public sealed class PostgreSqlGlossaryChangeStore(PostgreSqlDatabase database) : IGlossaryChangeStore
{
    private const string Select = "SELECT id, kind, term, fiscal_year, old_definition, new_definition, category, changed_by, changed_at, reason FROM glossary_changes";

    public StoredGlossaryChange Add(GlossaryChange change) => database.Run(c =>
    {
        using var command = Command(c,
            "INSERT INTO glossary_changes (kind, term, term_key, fiscal_year, old_definition, new_definition, category, changed_by, changed_at, reason) " +
            "VALUES (@kind, @term, @key, @y, @old, @new, @cat, @by, @at, @reason) RETURNING id",
            ("kind", (int)change.Kind), ("term", change.Term), ("key", TermText.Normalize(change.Term)), ("y", change.FiscalYear),
            ("old", change.OldDefinition), ("new", change.NewDefinition), ("cat", change.Category), ("by", change.By), ("at", change.At),
            ("reason", change.Reason));
        return new StoredGlossaryChange((long)command.ExecuteScalar()!, change with { At = Stored(change.At) });
    });

    public IReadOnlyList<StoredGlossaryChange> All() => database.Run(c => Query(c, Read, $"{Select} ORDER BY id"));

    public IReadOnlyList<StoredGlossaryChange> ForTerm(string name) =>
        database.Run(c => Query(c, Read, $"{Select} WHERE term_key = @key ORDER BY id", ("key", TermText.Normalize(name))));

    private static StoredGlossaryChange Read(Npgsql.NpgsqlDataReader r) => new(r.GetInt64(0), new GlossaryChange(
        (ChangeKind)r.GetInt32(1), r.GetString(2), r.GetInt32(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7),
        Time(r, 8), r.GetString(9)));
}
