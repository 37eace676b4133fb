using Consolidation.Server.Application.Ports;
using Npgsql;
using static Consolidation.Server.Storage.PostgreSql.PostgreSqlDatabase;

namespace Consolidation.Server.Storage.PostgreSql;

/// <summary>Consolidation runs in PostgreSQL, numbered under <see cref="RunNumberLock"/> (across processes too).</summary>
public sealed class PostgreSqlConsolidationRunStore(PostgreSqlDatabase database) : IConsolidationRunStore
{
    private const string Columns = "id, key, fiscal_year, run_number, created_at, scope, disclosure";

    public ConsolidationRunRecord Add(int fiscalYear, string scope, DateTime createdAt, Func<int, byte[]> content) => database.InTransaction(c =>
    {
        using var last = Command(c, "SELECT coalesce(max(run_number), 0) FROM consolidation_runs WHERE fiscal_year = @y", ("y", fiscalYear));
        var run = (int)last.ExecuteScalar()! + 1;
        var record = new ConsolidationRunRecord
        {
            Key = $"{fiscalYear}/{run}", FiscalYear = fiscalYear, RunNumber = run, CreatedAt = createdAt, Scope = scope, Disclosure = content(run),
        };
        using var insert = Command(c,
            "INSERT INTO consolidation_runs (key, fiscal_year, run_number, created_at, scope, disclosure) VALUES (@key, @y, @run, @at, @scope, @d) RETURNING id",
            ("key", record.Key), ("y", fiscalYear), ("run", run), ("at", createdAt), ("scope", scope), ("d", record.Disclosure));
        record.Id = (long)insert.ExecuteScalar()!;
        return record;
    }, RunNumberLock);

    public ConsolidationRunRecord? Get(int fiscalYear, int runNumber, string? scope = null) => database.Run(c => runNumber > 0
        ? Query(c, Read, $"SELECT {Columns} FROM consolidation_runs WHERE key = @key", ("key", $"{fiscalYear}/{runNumber}")).SingleOrDefault()
        : Query(c, Read, $"SELECT {Columns} FROM consolidation_runs WHERE fiscal_year = @y AND (@any OR scope = @scope) ORDER BY run_number DESC LIMIT 1",
            ("y", fiscalYear), ("any", scope is null), ("scope", scope ?? "")).SingleOrDefault());

    private static ConsolidationRunRecord Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt64(0), Key = r.GetString(1), FiscalYear = r.GetInt32(2), RunNumber = r.GetInt32(3), CreatedAt = Time(r, 4),
        Scope = r.GetString(5), Disclosure = (byte[])r[6],
    };
}
