using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Consolidation.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster for the tests: initdb into a temporary folder, started on a free loopback port
/// (trust authentication, no fsync: nothing here must survive the test run), one fresh database per caller, stopped and
/// deleted when the test process exits. Uses Debian's postgresql (scripts/test.sh installs it when it is missing);
/// as root the server runs as the postgres user (initdb refuses root). Started once per test process, on first use.
/// </summary>
public sealed class PostgreSqlCluster : IDisposable
{
    private static readonly Lazy<PostgreSqlCluster> Instance = new(() => new PostgreSqlCluster());

    /// <summary>The cluster of this test process.</summary>
    public static PostgreSqlCluster Shared => Instance.Value;

    private readonly string _bin;
    private readonly string _directory;
    private readonly string _data;
    private readonly bool _asPostgres;
    public int Port { get; }

    /// <summary>A cluster of the caller's own (to stop and start again: an outage), deleted when disposed.</summary>
    public static PostgreSqlCluster StartPrivate() => new();

    private PostgreSqlCluster()
    {
        _bin = BinDirectory() ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin, nor FA_PG_BIN): run the tests through scripts/test.sh, which installs Debian's postgresql");
        _asPostgres = Environment.UserName == "root";
        RemoveLeftovers();
        _directory = Directory.CreateTempSubdirectory("fa-pgcluster-").FullName;
        _data = Path.Combine(_directory, "data");
        Directory.CreateDirectory(_data);
        if (_asPostgres) Run("chown", "-R", "postgres:postgres", _directory);
        Port = FreePort();
        Pg("initdb", "-D", _data, "-U", "fa", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync");
        Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    /// <summary>Starts the cluster (again, after <see cref="Stop"/>) on the same port.</summary>
    public void Start() => Pg("pg_ctl", "-D", _data, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60",
        "-o", $"-h 127.0.0.1 -p {Port} -k {_directory} -F -c max_connections=200", "start");

    /// <summary>Stops the cluster at once (as a crash of the database server would: connections cut, nothing flushed).</summary>
    public void Stop() => Pg("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop");

    /// <summary>A new, empty database of the cluster; its connection string.</summary>
    public string NewDatabase()
    {
        var name = "t_" + Guid.NewGuid().ToString("n");
        using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }
        return ConnectionString(name);
    }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=fa;Database={database};Pooling=true;Timeout=30";

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try { Stop(); } catch (InvalidOperationException) { } // already stopped
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>
    /// Clusters of earlier test processes that are no longer running (no postmaster.pid: stopped, but the process ended
    /// before its folder was deleted).
    /// </summary>
    private static void RemoveLeftovers()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), "fa-pgcluster-*"))
        {
            if (File.Exists(Path.Combine(dir, "data", "postmaster.pid"))) continue;
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private void Pg(string tool, params string[] args)
    {
        var path = Path.Combine(_bin, tool);
        if (_asPostgres) Run("runuser", ["-u", "postgres", "--", path, .. args]);
        else Run(path, args);
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(120_000)) { process.Kill(true); throw new InvalidOperationException($"{file} did not finish in 120 s"); }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {error}{output.Result}");
    }

    private static string? BinDirectory()
    {
        if (Environment.GetEnvironmentVariable("FA_PG_BIN") is { Length: > 0 } bin && File.Exists(Path.Combine(bin, "initdb"))) return bin;
        if (!Directory.Exists("/usr/lib/postgresql")) return null;
        return Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    /// <summary>A loopback port nothing listens on just now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
