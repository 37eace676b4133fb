using Consolidation.Synthetic;
using Consolidation.Tests.Support;
using Npgsql;

namespace Consolidation.Tests.EndToEnd;

/// <summary>
/// The real server on PostgreSQL (Consolidation:Storage=PostgreSQL) with the real client: batches stored once each,
/// idempotent after a restart, two servers writing one database at once without sharing a version, and the refusals
/// that belong to PostgreSQL (fa backup, RestoreFrom, a database that cannot be reached) saying what to do instead.
/// </summary>
[Collection("end-to-end")]
public sealed class PostgreSqlEndToEndTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("fa-pg-e2e-").FullName;
    private readonly string _connection = PostgreSqlCluster.Shared.NewDatabase();

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }

    private string[] OnPostgreSql => ["--Consolidation:Storage=PostgreSQL", $"--Consolidation:PostgreSqlConnection={_connection}"];

    private List<(string Key, string Hash)> Versions()
    {
        using var connection = new NpgsqlConnection(_connection);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT key, content_hash FROM submissions ORDER BY key", connection);
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string)>();
        while (reader.Read()) rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }

    [Fact]
    public void Batch_IsStoredOnce_InPostgreSql_AndIsUnchangedAfterARestart_WithNoLiteDbFile()
    {
        var samples = Path.Combine(_work, "samples");
        SampleWriter.WriteRandom(samples, 20, seed: 31, fiscalYear: 2023);
        var server = new ServerProcess(null, OnPostgreSql);
        try
        {
            var run = Client.Run(server.Address, "batch", samples, "--no-journal");
            Assert.True(run.ExitCode is 0 or 1 or 2, run.ToString());
            Assert.Contains("PostgreSQL 数据库", server.Log);
            var stored = Versions();
            Assert.Equal(20, stored.Count);
            Assert.All(stored, v => Assert.EndsWith("/2023/1", v.Key));

            server.Stop();
            server = ServerProcess.Restart(server);
            var again = Client.Run(server.Address, "batch", samples, "--no-journal");
            Assert.True(again.ExitCode is 0 or 1 or 2, again.ToString());
            Assert.Equal(stored, Versions()); // unchanged content: no new version
            var code = stored[0].Key.Split('/')[0];
            var status = Client.Run(server.Address, "status", code, "--year", "2023");
            Assert.True(status.ExitCode == 0, status.ToString());
            Assert.False(File.Exists(server.DataPath), "no LiteDB file is made when the data is in PostgreSQL");
        }
        finally
        {
            server.Dispose();
        }
    }

    [Fact]
    public async Task TwoServers_OnOneDatabase_StoreEverySubmission_WithoutSharingAVersion()
    {
        var first = Path.Combine(_work, "first");
        var second = Path.Combine(_work, "second");
        // The same 15 departments from two directories with different content: each department gets versions 1 and 2.
        SampleWriter.WriteRandom(first, 15, seed: 41, fiscalYear: 2023);
        SampleWriter.WriteRandom(second, 15, seed: 42, fiscalYear: 2023);
        using var a = new ServerProcess(null, OnPostgreSql);
        using var b = new ServerProcess(null, OnPostgreSql);
        // b's first start found a's bureau credential already in the database: it wrote none, so both are called with a's.
        Client.Credentials[b.Address] = a.BureauCredential;
        var runs = await Task.WhenAll(
            Task.Run(() => Client.Run(a.Address, "batch", first, "--no-journal")),
            Task.Run(() => Client.Run(b.Address, "batch", second, "--no-journal")));
        Assert.All(runs, r => Assert.True(r.ExitCode is 0 or 1 or 2, r.ToString()));
        var versions = Versions();
        Assert.Equal(versions.Count, versions.Select(v => v.Key).Distinct().Count());
        var perDepartment = versions.GroupBy(v => v.Key.Split('/')[0]).ToList();
        Assert.All(perDepartment, g => Assert.Equal(["1", "2"], g.Select(v => v.Key.Split('/')[2]).Order()));
        Assert.Equal(versions.Count, versions.Select(v => v.Hash).Distinct().Count());
    }

    [Fact]
    public void Backup_AndRestore_AreRefused_NamingPostgreSqlsOwnTools_AndAnUnreachableDatabaseStopsTheStart()
    {
        using (var server = new ServerProcess(null, OnPostgreSql))
        {
            var backup = Client.Run(server.Address, "backup", Path.Combine(_work, "b.litedb"));
            Assert.Equal(8, backup.ExitCode);
            Assert.Contains("pg_dump", backup.Output);
            Assert.False(File.Exists(Path.Combine(_work, "b.litedb")));
            var status = Client.Run(server.Address, "status", "431001", "--year", "2023");
            Assert.True(status.ExitCode is 0 or 4, status.ToString()); // still serving: nothing of 431001 on file is "not found", not an error
        }

        var restore = Assert.Throws<ServerExitedException>(() => new ServerProcess(null, [.. OnPostgreSql, "--Consolidation:RestoreFrom=/nonexistent/backup.litedb"]));
        Assert.Equal(3, restore.ExitCode);
        Assert.Contains("pg_restore", restore.Message);

        var unreachable = Assert.Throws<ServerExitedException>(() => new ServerProcess(null,
            "--Consolidation:Storage=PostgreSQL", $"--Consolidation:PostgreSqlConnection=Host=127.0.0.1;Port={PostgreSqlCluster.FreePort()};Database=x;Username=fa;Timeout=3"));
        Assert.Equal(3, unreachable.ExitCode);
        Assert.Contains("无法打开 PostgreSQL 数据库 x", unreachable.Message);

        var unknown = Assert.Throws<ServerExitedException>(() => new ServerProcess(null, "--Consolidation:Storage=Oracle"));
        Assert.Equal(3, unknown.ExitCode);
        Assert.Contains("未知的存储“Oracle”", unknown.Message);
    }

    [Fact]
    public void ADatabaseOutage_IsUnavailable_NothingStored_AndTheServerRecovers_WithoutARestart()
    {
        using var cluster = PostgreSqlCluster.StartPrivate();
        var connection = cluster.NewDatabase();
        var first = Path.Combine(_work, "before");
        var later = Path.Combine(_work, "after");
        SampleWriter.WriteRandom(first, 3, seed: 51, fiscalYear: 2023);
        SampleWriter.WriteRandom(later, 3, seed: 52, fiscalYear: 2023);
        using var server = new ServerProcess(null, "--Consolidation:Storage=PostgreSQL", $"--Consolidation:PostgreSqlConnection={connection}");
        Assert.True(Client.Run(server.Address, "batch", first, "--no-journal").ExitCode is 0 or 1 or 2);
        var code = Directory.GetFiles(first, "*.json").Select(f => Path.GetFileName(f)[..6]).Order(StringComparer.Ordinal).First();

        cluster.Stop(); // the database server goes down under the running server
        var status = Client.Run(server.Address, "status", code, "--year", "2023");
        Assert.Equal(5, status.ExitCode);
        Assert.Contains("数据存储暂时无法访问", status.Output);
        Assert.DoesNotContain("内部错误", status.Output);
        var submit = Client.Run(server.Address, "submit", Directory.GetFiles(later, "*.json")[0]);
        Assert.Equal(5, submit.ExitCode);
        Assert.False(server.HasExited);

        cluster.Start(); // back: the next calls work, the server was never restarted
        var back = Client.Run(server.Address, "status", code, "--year", "2023");
        Assert.True(back.ExitCode == 0, back.ToString());
        var rest = Client.Run(server.Address, "batch", later, "--no-journal");
        Assert.True(rest.ExitCode is 0 or 1 or 2, rest.ToString());
        using var db = new NpgsqlConnection(connection);
        db.Open();
        using var count = new NpgsqlCommand("SELECT count(*) FROM submissions", db);
        Assert.Equal(6L, (long)count.ExecuteScalar()!); // three before, three after, none from the outage
    }
}
