using Consolidation.Server.Application.Ports;
using static Consolidation.Server.Storage.PostgreSql.PostgreSqlDatabase;

namespace Consolidation.Server.Storage.PostgreSql;

/// <summary>Publish and reopen acts per fiscal year in PostgreSQL, append-only.</summary>
public sealed class PostgreSqlYearLockStore(PostgreSqlDatabase database) : IYearLockStore
{
    public IReadOnlyList<YearLockActRecord> Acts(int fiscalYear) => database.Run(c => Query(c,
        r => new YearLockActRecord
        {
            Id = r.GetInt64(0), FiscalYear = r.GetInt32(1), Act = r.GetString(2), RunNumber = r.GetInt32(3), By = r.GetString(4),
            At = Time(r, 5), Reason = r.GetString(6),
        },
        "SELECT id, fiscal_year, act, run_number, by, at, reason FROM year_lock_acts WHERE fiscal_year = @y ORDER BY id", ("y", fiscalYear)));

    public void Add(YearLockActRecord act) => act.Id = database.Run(c =>
    {
        using var command = Command(c, "INSERT INTO year_lock_acts (fiscal_year, act, run_number, by, at, reason) VALUES (@y, @act, @run, @by, @at, @reason) RETURNING id",
            ("y", act.FiscalYear), ("act", act.Act), ("run", act.RunNumber), ("by", act.By), ("at", act.At), ("reason", act.Reason));
        return (long)command.ExecuteScalar()!;
    });

    private readonly object _gate = new();

    /// <summary>
    /// A lock in the process (callers of this server queue without a connection each) and, held for the whole work on a
    /// connection of its own, the session advisory lock <see cref="YearGateLock"/> (the other servers' callers queue on
    /// it; released at the end, or by PostgreSQL when the connection is lost).
    /// </summary>
    public T Exclusive<T>(Func<T> work)
    {
        lock (_gate)
        {
            return database.Run(c =>
            {
                Execute(c, "SELECT pg_advisory_lock(@k)", ("k", YearGateLock));
                try { return work(); }
                finally { Execute(c, "SELECT pg_advisory_unlock(@k)", ("k", YearGateLock)); }
            });
        }
    }
}

/// <summary>The review acts in PostgreSQL, append-only.</summary>
public sealed class PostgreSqlReviewStore(PostgreSqlDatabase database) : IReviewStore
{
    private const string Select = "SELECT id, department_code, fiscal_year, version, act, by, at, reason FROM review_acts";

    public IReadOnlyList<ReviewRecord> Department(string departmentCode, int fiscalYear) => database.Run(c =>
        Query(c, Read, $"{Select} WHERE fiscal_year = @y AND department_code = @c ORDER BY id", ("y", fiscalYear), ("c", departmentCode)));

    public IReadOnlyList<ReviewRecord> Year(int fiscalYear) => database.Run(c =>
        Query(c, Read, $"{Select} WHERE fiscal_year = @y ORDER BY id", ("y", fiscalYear)));

    public void Add(ReviewRecord act) => act.Id = database.Run(c =>
    {
        using var command = Command(c, "INSERT INTO review_acts (department_code, fiscal_year, version, act, by, at, reason) VALUES (@c, @y, @v, @act, @by, @at, @reason) RETURNING id",
            ("c", act.DepartmentCode), ("y", act.FiscalYear), ("v", act.Version), ("act", act.Act), ("by", act.By), ("at", act.At), ("reason", act.Reason));
        return (long)command.ExecuteScalar()!;
    });

    private static ReviewRecord Read(Npgsql.NpgsqlDataReader r) => new()
    {
        Id = r.GetInt64(0), DepartmentCode = r.GetString(1), FiscalYear = r.GetInt32(2), Version = r.GetInt32(3), Act = r.GetString(4),
        By = r.GetString(5), At = Time(r, 6), Reason = r.GetString(7),
    };
}

/// <summary>The audit trail in PostgreSQL: insert and query only.</summary>
public sealed class PostgreSqlAuditStore(PostgreSqlDatabase database) : IAuditStore
{
    public void Append(IReadOnlyCollection<AuditRecord> entries)
    {
        if (entries.Count == 0) return;
        database.InTransaction(c =>
        {
            foreach (var e in entries)
            {
                using var command = Command(c,
                    "INSERT INTO audit (at, principal, key_id, role, peer, method, kind, department_code, fiscal_year, outcome, reason) " +
                    "VALUES (@at, @p, @k, @role, @peer, @m, @kind, @c, @y, @o, @reason) RETURNING id",
                    ("at", e.At), ("p", e.Principal), ("k", e.KeyId), ("role", e.Role), ("peer", e.Peer), ("m", e.Method), ("kind", e.Kind),
                    ("c", e.DepartmentCode), ("y", e.FiscalYear), ("o", e.Outcome), ("reason", e.Reason));
                e.Id = (long)command.ExecuteScalar()!;
            }
            return 0;
        });
    }

    public IReadOnlyList<AuditRecord> Find(string departmentCode, int fiscalYear, string kind, DateTime? since, DateTime? until, int limit) => database.Run(c => Query(c,
        r => new AuditRecord
        {
            Id = r.GetInt64(0), At = Time(r, 1), Principal = r.GetString(2), KeyId = r.GetString(3), Role = r.GetString(4), Peer = r.GetString(5),
            Method = r.GetString(6), Kind = r.GetString(7), DepartmentCode = r.GetString(8), FiscalYear = r.GetInt32(9), Outcome = r.GetString(10),
            Reason = r.GetString(11),
        },
        "SELECT id, at, principal, key_id, role, peer, method, kind, department_code, fiscal_year, outcome, reason FROM audit " +
        "WHERE (@c = '' OR department_code = @c) AND (@y = 0 OR fiscal_year = @y) AND (@kind = '' OR kind = @kind) " +
        "AND (@since::timestamptz IS NULL OR at >= @since::timestamptz) AND (@until::timestamptz IS NULL OR at <= @until::timestamptz) ORDER BY id DESC LIMIT @limit",
        ("c", departmentCode), ("y", fiscalYear), ("kind", kind), ("since", since), ("until", until), ("limit", Math.Max(0, limit))));
}

/// <summary>The credentials in PostgreSQL (salt and hash only, never a secret).</summary>
public sealed class PostgreSqlCredentialStore(PostgreSqlDatabase database) : ICredentialStore
{
    public IReadOnlyList<CredentialRecord> All() => database.Run(c => Query(c,
        r => new CredentialRecord
        {
            Id = r.GetString(0), Name = r.GetString(1), Role = r.GetInt32(2), DepartmentCode = r.GetString(3), Salt = (byte[])r[4], Hash = (byte[])r[5],
            IssuedAt = Time(r, 6), ExpiresAt = Time(r, 7), RevokedAt = r.IsDBNull(8) ? null : Time(r, 8), RevokeReason = r.GetString(9),
            IssuedBy = r.GetString(10), RotatedFrom = r.GetString(11),
        },
        "SELECT id, name, role, department_code, salt, hash, issued_at, expires_at, revoked_at, revoke_reason, issued_by, rotated_from FROM credentials"));

    public void Insert(CredentialRecord credential) => database.Run(c => Execute(c,
        "INSERT INTO credentials (id, name, role, department_code, salt, hash, issued_at, expires_at, revoked_at, revoke_reason, issued_by, rotated_from) " +
        "VALUES (@id, @name, @role, @c, @salt, @hash, @issued, @expires, @revoked, @reason, @by, @from)", Values(credential)));

    public void Update(CredentialRecord credential) => database.Run(c => Execute(c,
        "UPDATE credentials SET name = @name, role = @role, department_code = @c, salt = @salt, hash = @hash, issued_at = @issued, " +
        "expires_at = @expires, revoked_at = @revoked, revoke_reason = @reason, issued_by = @by, rotated_from = @from WHERE id = @id", Values(credential)));

    private static (string, object?)[] Values(CredentialRecord x) =>
    [
        ("id", x.Id), ("name", x.Name), ("role", x.Role), ("c", x.DepartmentCode), ("salt", x.Salt), ("hash", x.Hash), ("issued", x.IssuedAt),
        ("expires", x.ExpiresAt), ("revoked", x.RevokedAt), ("reason", x.RevokeReason), ("by", x.IssuedBy), ("from", x.RotatedFrom),
    ];
}
