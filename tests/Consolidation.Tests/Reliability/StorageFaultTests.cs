using System.Diagnostics;
using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Tests.EndToEnd;
using Consolidation.Tests.Support;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Consolidation.Tests.Reliability;

/// <summary>
/// Storage faults and process control with the real server (issue 15): the data file's lock holds against a hard
/// link and a symlink; SIGTERM stops the server within seconds, a stream open or not; a full disk fails a write
/// cleanly (no lock left held), health says NOT_SERVING while the file cannot be written, and both recover once
/// space is back.
/// </summary>
[Collection("end-to-end")]
public sealed class StorageFaultTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("fa-storage-faults").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static CallOptions As(ServerProcess s, int seconds = 20) => As(s.BureauCredential, seconds);

    private static CallOptions As(string credential, int seconds = 20) =>
        new(new Metadata { { "authorization", $"Bearer {credential}" } }, DateTime.UtcNow.AddSeconds(seconds));

    private ServerProcess SecondServerOn(string dataPath, ServerProcess first) =>
        new(null, $"--Consolidation:DataPath={dataPath}", $"--Consolidation:InitialCredentialPath={Path.Combine(_work, "second-credential.txt")}");

    [Fact]
    public void SecondServer_ThroughAHardLink_IsRefused()
    {
        using var first = new ServerProcess();
        var link = Path.Combine(_work, "hard-link.litedb");
        var ln = Process.Start("ln", [first.DataPath, link])!;
        ln.WaitForExit();
        Assert.Equal(0, ln.ExitCode);
        var e = Assert.Throws<ServerExitedException>(() => SecondServerOn(link, first).Dispose());
        Assert.Contains("正被另一个服务进程使用", e.Message);
    }

    [Fact]
    public void SecondServer_ThroughASymlink_IsRefused()
    {
        using var first = new ServerProcess();
        var link = Path.Combine(_work, "symlink.litedb");
        File.CreateSymbolicLink(link, first.DataPath);
        var e = Assert.Throws<ServerExitedException>(() => SecondServerOn(link, first).Dispose());
        Assert.Contains("正被另一个服务进程使用", e.Message);
    }

    [Fact]
    public async Task Sigterm_WithABatchStreamOpen_StopsWithinSeconds()
    {
        using var server = new ServerProcess();
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new SubmissionService.SubmissionServiceClient(channel);
        using var call = client.SubmitBatch(As(server, 120));
        await call.RequestStream.WriteAsync(new SubmitRequest { RequestId = "open-1", Accounts = AccountsMapper.ToProto(Accounts.Consistent()) });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None)); // the stream is open and being served
        var watch = Stopwatch.StartNew();
        server.Signal(15);
        Assert.True(server.WaitForExit(TimeSpan.FromSeconds(10)), "the server did not stop within 10 s of SIGTERM");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{watch.Elapsed}");
    }

    [Fact]
    public async Task DiskFull_WriteFailsCleanly_HealthNotServing_AndTheSameServerRecoversOnceSpaceIsBack()
    {
        var mount = Path.Combine(_work, "tmpfs");
        Directory.CreateDirectory(mount);
        var mounted = Process.Start(new ProcessStartInfo("mount", ["-t", "tmpfs", "-o", "size=8m", "tmpfs", mount]) { RedirectStandardError = true })!;
        mounted.WaitForExit();
        if (mounted.ExitCode != 0)
            throw new Xunit.Sdk.XunitException("$XunitDynamicSkip$cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): " + mounted.StandardError.ReadToEnd());
        try
        {
            using var server = new ServerProcess(null, $"--Consolidation:DataPath={Path.Combine(mount, "data.litedb")}",
                $"--Consolidation:InitialCredentialPath={Path.Combine(_work, "tmpfs-credential.txt")}");
            var credential = File.ReadAllText(Path.Combine(_work, "tmpfs-credential.txt")).Trim();
            using var channel = GrpcChannel.ForAddress(server.Address);
            var client = new SubmissionService.SubmissionServiceClient(channel);
            var health = new Health.HealthClient(channel);
            var departments = SyntheticBatch.Departments(4, seed: 23);
            SubmitRequest Request(int i) => new() { RequestId = $"disk-{i}", Accounts = AccountsMapper.ToProto(departments[i]) };
            Assert.Equal(SubmitOutcome.Stored, (await client.SubmitAsync(Request(0), As(credential))).Outcome);

            // Fill the disk.
            var filler = Path.Combine(mount, "filler");
            using (var f = new FileStream(filler, FileMode.Create))
            {
                var block = new byte[64 * 1024];
                try { while (true) f.Write(block); } catch (IOException) { }
                try { f.Flush(); } catch (IOException) { }
            }

            var watch = Stopwatch.StartNew();
            var full = await Assert.ThrowsAsync<RpcException>(async () => await client.SubmitAsync(Request(1), As(credential)));
            Assert.True(full.StatusCode == StatusCode.Unavailable, full + "\n" + server.Log);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"the failed write took {watch.Elapsed}");
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest(), As(credential))).Status);

            // Space back: the engine is reopened before the next call (as a restart would, from LiteDB's log) and the
            // same server takes writes again, without a restart; health says SERVING once a write has succeeded.
            File.Delete(filler);
            Assert.Equal(SubmitOutcome.Stored, (await client.SubmitAsync(Request(1), As(credential))).Outcome);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest(), As(credential))).Status);
            Assert.Equal(SubmitOutcome.Stored, (await client.SubmitAsync(Request(2), As(credential))).Outcome);
            var retried = await client.SubmitAsync(Request(1), As(credential));
            Assert.True(retried.Replayed, "the request stored after the recovery is known by its ID");

            // A restart finds every acknowledged version, once.
            server.Kill();
            using var restarted = ServerProcess.Restart(server);
            using var channel2 = GrpcChannel.ForAddress(restarted.Address);
            var client2 = new SubmissionService.SubmissionServiceClient(channel2);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await new Health.HealthClient(channel2).CheckAsync(new HealthCheckRequest(), As(credential))).Status);
            for (var i = 0; i < 3; i++)
            {
                var versions = await client2.ListVersionsAsync(new ListVersionsRequest { DepartmentCode = departments[i].DepartmentCode, FiscalYear = departments[i].FiscalYear }, As(credential));
                Assert.Single(versions.Versions);
            }
            Assert.True((await client2.SubmitAsync(Request(2), As(credential))).Replayed);
        }
        finally
        {
            Process.Start("umount", ["-l", mount])!.WaitForExit();
        }
    }
}
