using System.Text.Json;
using Consolidation.Server.Application.Ports;
using Npgsql;
using NpgsqlTypes;
using static Consolidation.Server.Storage.PostgreSql.PostgreSqlDatabase;

namespace Consolidation.Server.Storage.PostgreSql;

/// <summary>The registry's units and the append-only record of its changes in PostgreSQL (a change's before and after as JSON).</summary>
public sealed class PostgreSqlRegistryStore(PostgreSqlDatabase database) : IRegistryStore
{
    private const string UnitColumns = "code, name, parent, type, changed_at, changed_by";

    public IReadOnlyList<RegistryUnitRecord> All() => database.Run(c => Query(c, ReadUnit, $"SELECT {UnitColumns} FROM registry_units"))
        .OrderBy(u => u.Id, StringComparer.Ordinal).ToList();

    public RegistryUnitRecord? Find(string code) =>
        database.Run(c => Query(c, ReadUnit, $"SELECT {UnitColumns} FROM registry_units WHERE code = @c", ("c", code)).SingleOrDefault());

    public bool IsEmpty => database.Run(c =>
    {
        using var command = Command(c, "SELECT NOT EXISTS (SELECT 1 FROM registry_units)");
        return (bool)command.ExecuteScalar()!;
    });

    public void Write(IReadOnlyList<(RegistryUnitRecord? Before, RegistryUnitRecord After, string Action)> changes, string by, DateTime at, string source)
    {
        if (changes.Count == 0) return;
        database.InTransaction(c =>
        {
            foreach (var (before, after, action) in changes)
            {
                Execute(c, $"INSERT INTO registry_units ({UnitColumns}) VALUES (@c, @n, @p, @t, @at, @by) " +
                           "ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent = excluded.parent, type = excluded.type, " +
                           "changed_at = excluded.changed_at, changed_by = excluded.changed_by",
                    ("c", after.Id), ("n", after.Name), ("p", after.Parent), ("t", after.Type), ("at", after.ChangedAt), ("by", after.ChangedBy));
                using var act = Command(c, "INSERT INTO registry_acts (at, by, action, code, before, after, source) VALUES (@at, @by, @action, @c, @before, @after, @source)",
                    ("at", at), ("by", by), ("action", action), ("c", after.Id), ("source", source));
                act.Parameters.Add(Json("before", before));
                act.Parameters.Add(Json("after", after));
                act.ExecuteNonQuery();
            }
            return 0;
        });
    }

    public IReadOnlyList<RegistryActRecord> Acts(string code) => database.Run(c => Query(c,
        r => new RegistryActRecord
        {
            Id = r.GetInt64(0), At = Time(r, 1), By = r.GetString(2), Action = r.GetString(3), Code = r.GetString(4),
            Before = Unit(r, 5), After = Unit(r, 6), Source = r.GetString(7),
        },
        "SELECT id, at, by, action, code, before, after, source FROM registry_acts WHERE (@all OR code = @c) ORDER BY id",
        ("all", code.Length == 0), ("c", code)));

    private static NpgsqlParameter Json(string name, RegistryUnitRecord? unit) => new(name, NpgsqlDbType.Jsonb)
    {
        Value = unit is null ? DBNull.Value : JsonSerializer.Serialize(new RegistryUnitRecord
        {
            Id = unit.Id, Name = unit.Name, Parent = unit.Parent, Type = unit.Type, ChangedAt = Stored(unit.ChangedAt), ChangedBy = unit.ChangedBy,
        }),
    };

    private static RegistryUnitRecord? Unit(NpgsqlDataReader r, int i)
    {
        if (r.IsDBNull(i)) return null;
        var unit = JsonSerializer.Deserialize<RegistryUnitRecord>(r.GetString(i))!;
        unit.ChangedAt = DateTime.SpecifyKind(unit.ChangedAt, DateTimeKind.Utc);
        return unit;
    }

    private static RegistryUnitRecord ReadUnit(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0), Name = r.GetString(1), Parent = r.GetString(2), Type = r.GetInt32(3), ChangedAt = Time(r, 4), ChangedBy = r.GetString(5),
    };
}
