using Consolidation.Server.Application.Ports;
using Npgsql;
using NpgsqlTypes;

namespace Consolidation.Server.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL database: a pool of connections (Npgsql's data source) and the tables, made on first open when they
/// are missing (<see cref="Schema"/>). Several server processes may share one database: every write that decides from
/// what is stored (the next version, the next run) takes a transaction-scoped advisory lock first, so they queue across
/// processes as they do within one; nothing is cached between calls.
/// </summary>
public sealed class PostgreSqlDatabase : IStorageHealth, IStorageBackup, IDisposable
{
    /// <summary>The advisory lock of the submission writes (any 64-bit number the bureau's database does not use otherwise).</summary>
    public const long SubmissionWriteLock = 0x4641_5355_424D_4954; // "FASUBMIT"
    /// <summary>The advisory lock of numbering consolidation runs.</summary>
    public const long RunNumberLock = 0x4641_5255_4E4E_554D; // "FARUNNUM"
    /// <summary>The advisory lock between publishing a year and storing submissions (held across the work, by session).</summary>
    public const long YearGateLock = 0x4641_5945_4152_4C4B; // "FAYEARLK"
    private const long SchemaLock = 0x4641_5343_4845_4D41; // "FASCHEMA"

    private readonly NpgsqlDataSource _source;

    public PostgreSqlDatabase(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new StorageSettingException("存储为 PostgreSQL 时须设置 Consolidation:PostgreSqlConnection（Npgsql 连接串，如 Host=…;Database=…;Username=…）");
        NpgsqlConnectionStringBuilder builder;
        try { builder = new NpgsqlConnectionStringBuilder(connectionString); }
        catch (ArgumentException e) { throw new StorageSettingException($"Consolidation:PostgreSqlConnection 不是有效的连接串：{e.Message}", e); }
        Description = $"PostgreSQL 数据库 {builder.Database} @ {builder.Host}:{builder.Port}";
        _source = NpgsqlDataSource.Create(builder);
        try
        {
            using var connection = _source.OpenConnection();
            using var tx = connection.BeginTransaction();
            Execute(connection, "SELECT pg_advisory_xact_lock(@k)", ("k", SchemaLock));
            Execute(connection, Schema);
            tx.Commit();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            _source.Dispose();
            throw new StorageSettingException($"无法打开 {Description}：{e.Message}", e);
        }
    }

    /// <summary>The tables (and their unique keys: two writers can never store the same version, run or request).</summary>
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS submissions (
            id bigserial PRIMARY KEY, key text NOT NULL UNIQUE, department_code text NOT NULL, department_name text NOT NULL,
            fiscal_year integer NOT NULL, version integer NOT NULL, status integer NOT NULL, received_at timestamptz NOT NULL,
            submitted_by text NOT NULL, content_hash text NOT NULL, mandatory_count integer NOT NULL, advisory_count integer NOT NULL,
            unexplained_count integer NOT NULL, accounts bytea NOT NULL, findings bytea NOT NULL,
            UNIQUE (department_code, fiscal_year, version));
        CREATE INDEX IF NOT EXISTS submissions_year ON submissions (fiscal_year, department_code, version);
        CREATE TABLE IF NOT EXISTS submission_requests (
            id_key text PRIMARY KEY, id text NOT NULL, content_hash text NOT NULL, submission_key text NOT NULL,
            stored boolean NOT NULL, decided_at timestamptz NOT NULL);
        CREATE TABLE IF NOT EXISTS consolidation_runs (
            id bigserial PRIMARY KEY, key text NOT NULL UNIQUE, fiscal_year integer NOT NULL, run_number integer NOT NULL,
            created_at timestamptz NOT NULL, scope text NOT NULL, disclosure bytea NOT NULL, UNIQUE (fiscal_year, run_number));
        CREATE TABLE IF NOT EXISTS registry_units (
            code text PRIMARY KEY, name text NOT NULL, parent text NOT NULL, type integer NOT NULL,
            changed_at timestamptz NOT NULL, changed_by text NOT NULL);
        CREATE INDEX IF NOT EXISTS registry_units_parent ON registry_units (parent);
        CREATE TABLE IF NOT EXISTS registry_acts (
            id bigserial PRIMARY KEY, at timestamptz NOT NULL, by text NOT NULL, action text NOT NULL, code text NOT NULL,
            before jsonb, after jsonb, source text NOT NULL);
        CREATE INDEX IF NOT EXISTS registry_acts_code ON registry_acts (code);
        CREATE TABLE IF NOT EXISTS year_lock_acts (
            id bigserial PRIMARY KEY, fiscal_year integer NOT NULL, act text NOT NULL, run_number integer NOT NULL,
            by text NOT NULL, at timestamptz NOT NULL, reason text NOT NULL);
        CREATE INDEX IF NOT EXISTS year_lock_acts_year ON year_lock_acts (fiscal_year);
        CREATE TABLE IF NOT EXISTS review_acts (
            id bigserial PRIMARY KEY, department_code text NOT NULL, fiscal_year integer NOT NULL, version integer NOT NULL,
            act text NOT NULL, by text NOT NULL, at timestamptz NOT NULL, reason text NOT NULL);
        CREATE INDEX IF NOT EXISTS review_acts_year ON review_acts (fiscal_year, department_code);
        CREATE TABLE IF NOT EXISTS audit (
            id bigserial PRIMARY KEY, at timestamptz NOT NULL, principal text NOT NULL, key_id text NOT NULL, role text NOT NULL,
            peer text NOT NULL, method text NOT NULL, kind text NOT NULL, department_code text NOT NULL,
            fiscal_year integer NOT NULL, outcome text NOT NULL, reason text NOT NULL);
        CREATE INDEX IF NOT EXISTS audit_department ON audit (department_code);
        CREATE INDEX IF NOT EXISTS audit_year ON audit (fiscal_year);
        CREATE INDEX IF NOT EXISTS audit_kind ON audit (kind);
        CREATE TABLE IF NOT EXISTS credentials (
            id text PRIMARY KEY, name text NOT NULL, role integer NOT NULL, department_code text NOT NULL, salt bytea NOT NULL,
            hash bytea NOT NULL, issued_at timestamptz NOT NULL, expires_at timestamptz NOT NULL, revoked_at timestamptz,
            revoke_reason text NOT NULL, issued_by text NOT NULL, rotated_from text NOT NULL);
        CREATE TABLE IF NOT EXISTS glossary_changes (
            id bigserial PRIMARY KEY, kind integer NOT NULL, term text NOT NULL, term_key text NOT NULL, fiscal_year integer NOT NULL,
            old_definition text NOT NULL, new_definition text NOT NULL, category text NOT NULL, changed_by text NOT NULL,
            changed_at timestamptz NOT NULL, reason text NOT NULL);
        CREATE INDEX IF NOT EXISTS glossary_changes_term ON glossary_changes (term_key);
        CREATE TABLE IF NOT EXISTS health_probe (id integer PRIMARY KEY, at timestamptz NOT NULL);
        """;

    public string Description { get; }

    /// <summary>Runs <paramref name="work"/> on a pooled connection.</summary>
    public T Run<T>(Func<NpgsqlConnection, T> work)
    {
        try
        {
            using var connection = _source.OpenConnection();
            return work(connection);
        }
        catch (Exception e) when (Unreachable(e))
        {
            throw new StorageUnavailableException($"{Description} 暂时无法访问：{e.Message}", e);
        }
    }

    /// <summary>The database cannot be reached (refused, lost, timed out, shutting down), as opposed to a query it refused.</summary>
    private static bool Unreachable(Exception e) => e switch
    {
        PostgresException p => p.IsTransient || p.SqlState.StartsWith("57P", StringComparison.Ordinal) || p.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException => true,
        TimeoutException => true,
        _ => false,
    };

    /// <summary>Runs <paramref name="work"/> in one transaction, after taking <paramref name="advisoryLock"/> when one is given; rolled back when it throws.</summary>
    public T InTransaction<T>(Func<NpgsqlConnection, T> work, long? advisoryLock = null) => Run(connection =>
    {
        using var tx = connection.BeginTransaction();
        if (advisoryLock is { } key) Execute(connection, "SELECT pg_advisory_xact_lock(@k)", ("k", key));
        var result = work(connection);
        tx.Commit();
        return result;
    });

    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.Add(Parameter(name, value));
        return command;
    }

    public static int Execute(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static List<T> Query<T>(NpgsqlConnection connection, Func<NpgsqlDataReader, T> read, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }

    private static NpgsqlParameter Parameter(string name, object? value) => value switch
    {
        null => new NpgsqlParameter(name, DBNull.Value),
        DateTime at => new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = Stored(at) },
        byte[] bytes => new NpgsqlParameter(name, NpgsqlDbType.Bytea) { Value = bytes },
        _ => new NpgsqlParameter(name, value),
    };

    /// <summary>A time as stored: UTC, to the millisecond (as LiteDB keeps it, so both adapters give back the same value).</summary>
    public static DateTime Stored(DateTime at)
    {
        var utc = at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : DateTime.SpecifyKind(at, DateTimeKind.Utc);
        return new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }

    public static DateTime Time(NpgsqlDataReader r, int i) => DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc);

    /// <summary>The health probe: a committed write to the database; null when it worked, else why not.</summary>
    public string? Probe()
    {
        try
        {
            return Run(c =>
            {
                using var command = Command(c, "INSERT INTO health_probe (id, at) VALUES (1, now()) ON CONFLICT (id) DO UPDATE SET at = excluded.at");
                command.CommandTimeout = 5;
                command.ExecuteNonQuery();
                return (string?)null;
            });
        }
        catch (StorageUnavailableException e)
        {
            return e.InnerException?.Message ?? e.Message;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            return e.Message;
        }
    }

    public string NewSnapshotPath() => Path.Combine(Path.GetTempPath(), $"fa-backup-{Guid.NewGuid():n}");

    /// <summary>A PostgreSQL database is backed up with PostgreSQL's own tools, which keep it consistent while it runs.</summary>
    public BackupSummary Snapshot(string targetPath) => throw new NotSupportedException(
        $"数据在 {Description} 中：请用 PostgreSQL 的 pg_dump（或基础备份 pg_basebackup、流复制）备份，fa backup 只备份 LiteDB 数据文件");

    public void Dispose() => _source.Dispose();
}
