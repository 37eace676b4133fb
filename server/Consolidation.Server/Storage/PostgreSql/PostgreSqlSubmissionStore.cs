using Consolidation.Domain.Consolidation;
using Consolidation.Server.Application.Ports;
using Npgsql;
using static Consolidation.Server.Storage.PostgreSql.PostgreSqlDatabase;
using DomainStatus = Consolidation.Domain.Rules.SubmissionStatus;

namespace Consolidation.Server.Storage.PostgreSql;

/// <summary>
/// The submission versions in PostgreSQL. Every read asks the database (several server processes may write it); a
/// write transaction takes <see cref="SubmissionWriteLock"/> first, so writers queue and each decides from what the
/// one before it committed.
/// </summary>
public sealed class PostgreSqlSubmissionStore(PostgreSqlDatabase database) : ISubmissionStore
{
    private const string Columns = "id, key, department_code, department_name, fiscal_year, version, status, received_at, submitted_by, " +
                                   "content_hash, mandatory_count, advisory_count, unexplained_count, accounts, findings";
    private static readonly int Accepted = (int)DomainStatus.Accepted;

    public VersionRecord? Version(string key) => database.Run(c => VersionOn(c, key));

    public IReadOnlyList<VersionRecord> VersionsByKey(IReadOnlyCollection<string> keys) => keys.Count == 0 ? [] : database.Run(c => Query(c, ReadVersion,
        $"SELECT {Columns} FROM submissions WHERE key = ANY(@keys)", ("keys", keys.ToArray())));

    public SubmissionHead? Head(string departmentCode, int fiscalYear) => database.Run(c => HeadOn(c, departmentCode, fiscalYear));

    public RequestRecord? Request(string requestId) => database.Run(c => RequestOn(c, requestId));

    public IReadOnlyList<VersionRecord> Versions(string departmentCode, int fiscalYear) => database.Run(c => Query(c, ReadVersion,
        $"SELECT {Columns} FROM submissions WHERE department_code = @c AND (@y = 0 OR fiscal_year = @y) ORDER BY fiscal_year, version",
        ("c", departmentCode), ("y", fiscalYear)));

    public IReadOnlyList<DepartmentFiling> Filings(int fiscalYear) => database.Run(c => Query(c,
        r => new DepartmentFiling(r.GetString(0), r.GetString(1), r.GetInt32(2), (DomainStatus)r.GetInt32(3), r.GetInt32(4)),
        """
        SELECT DISTINCT ON (s.department_code) s.department_code, s.department_name, s.version, s.status,
               (SELECT coalesce(max(a.version), 0) FROM submissions a
                WHERE a.department_code = s.department_code AND a.fiscal_year = s.fiscal_year AND a.status = @accepted)
        FROM submissions s WHERE s.fiscal_year = @y ORDER BY s.department_code, s.version DESC
        """, ("y", fiscalYear), ("accepted", Accepted)));

    public int Count() => database.Run(c =>
    {
        using var command = Command(c, "SELECT count(*) FROM submissions");
        return (int)(long)command.ExecuteScalar()!;
    });

    public T Write<T>(Func<ISubmissionWrite, T> work) =>
        database.InTransaction(c => work(new Transaction(c)), SubmissionWriteLock);

    /// <summary>A write transaction: its reads run on its own connection, so they see what it has written.</summary>
    private sealed class Transaction(NpgsqlConnection connection) : ISubmissionWrite
    {
        public SubmissionHead? Head(string departmentCode, int fiscalYear) => HeadOn(connection, departmentCode, fiscalYear);
        public RequestRecord? Request(string requestId) => RequestOn(connection, requestId);
        public VersionRecord? Version(string key) => VersionOn(connection, key);

        public void Insert(VersionRecord v)
        {
            using var command = Command(connection,
                "INSERT INTO submissions (key, department_code, department_name, fiscal_year, version, status, received_at, submitted_by, " +
                "content_hash, mandatory_count, advisory_count, unexplained_count, accounts, findings) " +
                "VALUES (@key, @code, @name, @year, @version, @status, @at, @by, @hash, @m, @a, @u, @accounts, @findings) RETURNING id",
                ("key", v.Key), ("code", v.DepartmentCode), ("name", v.DepartmentName), ("year", v.FiscalYear), ("version", v.Version),
                ("status", v.Status), ("at", v.ReceivedAt), ("by", v.SubmittedBy), ("hash", v.ContentHash), ("m", v.MandatoryCount),
                ("a", v.AdvisoryCount), ("u", v.UnexplainedCount), ("accounts", v.Accounts), ("findings", v.Findings));
            v.Id = (long)command.ExecuteScalar()!;
        }

        public void Remember(RequestRecord r) => Execute(connection,
            "INSERT INTO submission_requests (id_key, id, content_hash, submission_key, stored, decided_at) VALUES (@k, @id, @hash, @key, @stored, @at)",
            ("k", RequestKey(r.Id)), ("id", r.Id), ("hash", r.ContentHash), ("key", r.SubmissionKey), ("stored", r.Stored), ("at", r.DecidedAt));
    }

    /// <summary>A request ID as it is compared: ignoring case, as LiteDB's default collation compares it.</summary>
    private static string RequestKey(string requestId) => requestId.ToUpperInvariant();

    private static VersionRecord? VersionOn(NpgsqlConnection c, string key) =>
        Query(c, ReadVersion, $"SELECT {Columns} FROM submissions WHERE key = @key", ("key", key)).SingleOrDefault();

    private static SubmissionHead? HeadOn(NpgsqlConnection c, string code, int year) => Query(c,
        r => new SubmissionHead(r.GetInt32(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? 0 : r.GetInt32(3), r.IsDBNull(4) ? "" : r.GetString(4)),
        """
        SELECT l.version, l.key, l.content_hash, a.version, a.key
        FROM (SELECT version, key, content_hash FROM submissions WHERE department_code = @c AND fiscal_year = @y ORDER BY version DESC LIMIT 1) l
        LEFT JOIN LATERAL (SELECT version, key FROM submissions
                           WHERE department_code = @c AND fiscal_year = @y AND status = @accepted ORDER BY version DESC LIMIT 1) a ON true
        """, ("c", code), ("y", year), ("accepted", Accepted)).SingleOrDefault();

    private static RequestRecord? RequestOn(NpgsqlConnection c, string requestId) => Query(c,
        r => new RequestRecord { Id = r.GetString(0), ContentHash = r.GetString(1), SubmissionKey = r.GetString(2), Stored = r.GetBoolean(3), DecidedAt = Time(r, 4) },
        "SELECT id, content_hash, submission_key, stored, decided_at FROM submission_requests WHERE id_key = @k",
        ("k", RequestKey(requestId))).SingleOrDefault();

    private static VersionRecord ReadVersion(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt64(0), Key = r.GetString(1), DepartmentCode = r.GetString(2), DepartmentName = r.GetString(3),
        FiscalYear = r.GetInt32(4), Version = r.GetInt32(5), Status = r.GetInt32(6), ReceivedAt = Time(r, 7),
        SubmittedBy = r.GetString(8), ContentHash = r.GetString(9), MandatoryCount = r.GetInt32(10),
        AdvisoryCount = r.GetInt32(11), UnexplainedCount = r.GetInt32(12), Accounts = (byte[])r[13], Findings = (byte[])r[14],
    };
}
