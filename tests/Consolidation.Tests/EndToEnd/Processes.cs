using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Consolidation.Tests.Support;

namespace Consolidation.Tests.EndToEnd;

/// <summary>Where the built server and client are: the same configuration (Debug/Release) as this test assembly.</summary>
public static class Builds
{
    private static string Configuration =>
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // …/bin/{Configuration}/net10.0

    public static string ServerDll => Path.Combine(Repo.Root, "server", "Consolidation.Server", "bin", Configuration, "net10.0", "Consolidation.Server.dll");

    public static string ClientDll => Path.Combine(Repo.Root, "client", "Consolidation.Client", "bin", Configuration, "net10.0", "fa.dll");
}

/// <summary>
/// The built server as a real process on a free loopback port, with its own data file. The first bureau credential it
/// writes at its first start is what <see cref="Client.Run"/> calls with, unless a test names another.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private readonly bool _ownsDirectory;
    private readonly string? _registryPath;
    private readonly string[] _extraArgs;

    public ServerProcess(string? registryPath = null, params string[] extraArgs) : this(null, 0, registryPath, extraArgs)
    {
    }

    /// <summary>A new server process on <paramref name="previous"/>'s data file and port (after it was killed or stopped).</summary>
    public static ServerProcess Restart(ServerProcess previous) =>
        new(previous.Directory, new Uri(previous.Address).Port, previous._registryPath, previous._extraArgs);

    private ServerProcess(string? directory, int port, string? registryPath, string[] extraArgs)
    {
        _ownsDirectory = directory is null;
        _registryPath = registryPath;
        _extraArgs = extraArgs;
        Directory = directory ?? Path.Combine(Path.GetTempPath(), "fa-e2e", Guid.NewGuid().ToString("n"));
        System.IO.Directory.CreateDirectory(Directory);
        DataPath = Path.Combine(Directory, "e2e.litedb");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory,
        };
        foreach (var a in new[] { Builds.ServerDll, "--contentRoot", Directory, $"--Consolidation:Port={port}", $"--Consolidation:DataPath={DataPath}",
                     $"--Consolidation:RegistryPath={registryPath ?? ""}" }.Concat(extraArgs))
            start.ArgumentList.Add(a);
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the server");
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_log) _log.AppendLine(e.Data);
            const string marker = "Now listening on: ";
            var i = e.Data.IndexOf(marker, StringComparison.Ordinal);
            if (i >= 0) listening.TrySetResult(e.Data[(i + marker.Length)..].Trim());
        };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("the server exited:\n" + Log));
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        try
        {
            if (!listening.Task.Wait(TimeSpan.FromSeconds(60)))
                throw new TimeoutException("the server did not start within 60 s:\n" + Log);
        }
        catch (AggregateException e) when (e.InnerException is InvalidOperationException)
        {
            if (_process.WaitForExit(10_000)) _process.WaitForExit(); // and its output read to the end
            var exitCode = _process.ExitCode;
            _process.Dispose();
            if (_ownsDirectory) try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
            throw new ServerExitedException("the server exited:\n" + Log, exitCode);
        }
        Address = listening.Task.Result;
        var credentialFile = Path.Combine(Directory, "bureau-credential.txt");
        BureauCredential = File.Exists(credentialFile) ? File.ReadAllText(credentialFile).Trim() : "";
        Client.Credentials[Address] = BureauCredential;
    }

    /// <summary>The first bureau credential ("operator"); empty when the settings put it elsewhere.</summary>
    public string BureauCredential { get; }

    public string Directory { get; }
    public string DataPath { get; }
    public string Address { get; }

    public string Log { get { lock (_log) return _log.ToString(); } }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: the process ends at once, wherever it is; its data file and directory stay for a restart.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Sends a signal (SIGTERM = 15) to the server process.</summary>
    public void Signal(int signal) => _ = SysKill(_process.Id, signal);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SysKill(int pid, int sig);

    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    /// <summary>Stops the server as systemd would (SIGTERM; killed after 10 s), keeping its directory and data file.</summary>
    public void Stop()
    {
        if (!_process.HasExited)
        {
            Signal(15);
            if (!_process.WaitForExit(10_000)) Kill();
        }
        _process.WaitForExit();
    }

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        // A restarted server on the same address may hold the entry by now: only this server's own is removed.
        if (Client.Credentials.TryGetValue(Address, out var c) && c == BureauCredential) Client.Credentials.TryRemove(Address, out _);
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
        if (_ownsDirectory) try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The server process ended before it listened (e.g. it refused its settings); the message holds its log.</summary>
public sealed class ServerExitedException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>One run of the built client `fa`: exit code and what it printed.</summary>
public sealed record ClientRun(int ExitCode, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

public static class Client
{
    /// <summary>The XDG_STATE_HOME of every client run by the tests (fa batch writes its default journals there).</summary>
    public static string StateHome { get; } = CreateStateHome();

    private static string CreateStateHome()
    {
        var dir = Directory.CreateTempSubdirectory("fa-e2e-state-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return dir;
    }

    /// <summary>The credential a server process's address is called with by default (its first bureau credential).</summary>
    public static ConcurrentDictionary<string, string> Credentials { get; } = new();

    /// <summary>`fa ARGS` against <paramref name="server"/> as its first bureau credential (FA_CREDENTIAL).</summary>
    public static ClientRun Run(string? server, params string[] args) =>
        RunWith(server, new Dictionary<string, string?> { ["FA_CREDENTIAL"] = server is null ? null : Credentials.GetValueOrDefault(server) }, args);

    /// <summary>`fa ARGS` with these environment variables (a null value removes one: e.g. FA_CREDENTIAL for an anonymous call).</summary>
    public static ClientRun RunWith(string? server, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Builds.ClientDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["FA_SERVER"] = server ?? "http://127.0.0.1:1";
        // fa batch keeps its journals under $XDG_STATE_HOME/fa/batch: the tests' go to a temporary folder, not to ~.
        start.Environment["XDG_STATE_HOME"] = StateHome;
        start.Environment.Remove("FA_CREDENTIAL");
        start.Environment.Remove("FA_CREDENTIAL_FILE");
        foreach (var (key, value) in environment)
            if (value is null) start.Environment.Remove(key);
            else start.Environment[key] = value;
        using var p = Process.Start(start) ?? throw new InvalidOperationException("could not start the client");
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"fa {string.Join(' ', args)} did not finish in 120 s");
        }
        return new ClientRun(p.ExitCode, stdout.Result, stderr.Result);
    }
}
