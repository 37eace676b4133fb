using System.Security.Cryptography;
using Consolidation.Synthetic;
using Consolidation.Tests.Support;
using LiteDB;

namespace Consolidation.Tests.EndToEnd;

/// <summary>
/// 备份 and restore through the real processes: <c>fa backup FILE</c> of a running server while another client keeps
/// submitting, a second server restored from the file (<c>--Consolidation:RestoreFrom</c>), and every version compared
/// by its content hash; the refusals (an existing file, a department's credential, a damaged backup, a data file already
/// there) change nothing.
/// </summary>
[Collection("end-to-end")]
public sealed class BackupEndToEndTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("fa-backup-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }

    /// <summary>Every stored version of a data file: key → content hash, read directly (the file's server stopped).</summary>
    private static Dictionary<string, string> Versions(string dataPath)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = dataPath, Connection = ConnectionType.Direct, ReadOnly = true });
        return db.GetCollection("submissions").FindAll().ToDictionary(d => d["Key"].AsString, d => d["ContentHash"].AsString, StringComparer.Ordinal);
    }

    [Fact]
    public async Task Backup_WhileSubmissionsGoOn_RestoresEveryVersionItHolds_WithItsContentHash()
    {
        var first = Path.Combine(_work, "first");
        var more = Path.Combine(_work, "more");
        SampleWriter.WriteRandom(first, 60, seed: 11, fiscalYear: 2023);
        SampleWriter.WriteRandom(more, 150, seed: 12, fiscalYear: 2023);
        var backup = Path.Combine(_work, "backup.litedb");
        Dictionary<string, string> before;
        string bureau;
        using (var server = new ServerProcess())
        {
            bureau = server.BureauCredential;
            var seeded = Client.Run(server.Address, "batch", first, "--no-journal");
            Assert.True(seeded.ExitCode is 0 or 1 or 2, seeded.ToString());
            // Another client keeps submitting while the backup is taken.
            var concurrent = Task.Run(() => Client.Run(server.Address, "batch", more, "--no-journal"));
            var run = Client.Run(server.Address, "backup", backup);
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("备份已写入", run.Stdout);
            Assert.Contains("SHA-256", run.Stdout);
            var rest = await concurrent;
            Assert.True(rest.ExitCode is 0 or 1 or 2, rest.ToString());
            Assert.False(File.Exists(backup + ".partial"));
            Assert.Empty(Directory.GetFiles(server.Directory, "*.backup-*")); // the server's snapshot is gone once sent

            var again = Client.Run(server.Address, "backup", backup);
            Assert.Equal(3, again.ExitCode); // never overwrites
            Assert.Contains("不会覆盖", again.Output);

            var audit = Client.Run(server.Address, "audit", "--kind", "backup");
            Assert.Contains("backup", audit.Stdout);
            server.Stop();
            before = Versions(server.DataPath);
        }

        var inBackup = Versions(backup);
        // Every request ID in the backup points at a version the backup holds (requests are read before versions).
        using (var db = new LiteDatabase(new ConnectionString { Filename = backup, Connection = ConnectionType.Direct, ReadOnly = true }))
        {
            var requests = db.GetCollection("submission_requests").FindAll().ToList();
            Assert.NotEmpty(requests);
            Assert.All(requests, r => Assert.True(inBackup.ContainsKey(r["SubmissionKey"].AsString), $"request {r["_id"]} → {r["SubmissionKey"]} not in the backup"));
        }
        Assert.True(inBackup.Count >= 60, $"the backup holds {inBackup.Count} versions; the 60 stored before it began must be there");
        Assert.True(inBackup.Count <= before.Count);
        foreach (var (key, hash) in inBackup) Assert.Equal(before[key], hash); // a consistent prefix: nothing invented or changed
        // Consistent per department and year: a backup holds versions 1..n of each, never a gap.
        foreach (var group in inBackup.Keys.GroupBy(k => k[..k.LastIndexOf('/')]))
        {
            var numbers = group.Select(k => int.Parse(k[(k.LastIndexOf('/') + 1)..])).Order().ToList();
            Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
        }

        using (var restored = new ServerProcess(null, $"--Consolidation:RestoreFrom={backup}"))
        {
            Assert.Contains("已从备份", restored.Log);
            // The credentials are in the backup too (as salted hashes): the old bureau credential works, and a restored
            // server writes no new first credential.
            Assert.Equal("", restored.BureauCredential);
            Client.Credentials[restored.Address] = bureau;
            var code = inBackup.Keys.First().Split('/')[0];
            var versions = Client.Run(restored.Address, "versions", code, "--year", "2023");
            Assert.True(versions.ExitCode == 0, versions.ToString());
            // The restored server goes on numbering where the backup ends.
            var file = Directory.GetFiles(more, "*.json").Concat(Directory.GetFiles(first, "*.json")).First(f => Path.GetFileName(f).StartsWith(code));
            var submit = Client.Run(restored.Address, "submit", file, "--json");
            Assert.Contains("\"version\"", submit.Stdout);
            restored.Stop();
            Client.Credentials.TryRemove(restored.Address, out _);
            var after = Versions(restored.DataPath);
            foreach (var (key, hash) in inBackup) Assert.Equal(hash, after[key]);
        }
    }

    [Fact]
    public void Backup_IsTheBureaus_AndARestoreRefusesADamagedBackupOrAnExistingDataFile_ChangingNothing()
    {
        using var server = new ServerProcess(Path.Combine(Repo.Samples2023, "registry.csv"));
        var credentialFile = Path.Combine(_work, "405001.credential");
        var issued = Client.Run(server.Address, "credential", "issue", "--name", "教育局", "--role", "department", "--department", "405001", "--out", credentialFile);
        Assert.True(issued.ExitCode == 0, issued.ToString());
        var asDepartment = Client.RunWith(server.Address, new Dictionary<string, string?> { ["FA_CREDENTIAL"] = null, ["FA_CREDENTIAL_FILE"] = credentialFile },
            "backup", Path.Combine(_work, "by-department.litedb"));
        Assert.True(asDepartment.ExitCode == 6, asDepartment.ToString()); // PERMISSION_DENIED: the bureau's only
        Assert.False(File.Exists(Path.Combine(_work, "by-department.litedb")));
        var damaged = Path.Combine(_work, "damaged.litedb");
        var good = Path.Combine(_work, "good.litedb");
        Assert.Equal(0, Client.Run(server.Address, "backup", good).ExitCode);
        var bytes = File.ReadAllBytes(good);
        bytes.AsSpan(bytes.Length / 2, Math.Min(4096, bytes.Length / 2)).Fill(0xAB);
        for (var i = 0; i < bytes.Length; i += 8192) bytes[i] ^= 0x5A; // every page header broken
        File.WriteAllBytes(damaged, bytes);

        var refused = Assert.Throws<ServerExitedException>(() => new ServerProcess(null, $"--Consolidation:RestoreFrom={damaged}"));
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("未恢复，现有数据未作任何改动", refused.Message);

        var missing = Assert.Throws<ServerExitedException>(() => new ServerProcess(null, $"--Consolidation:RestoreFrom={Path.Combine(_work, "none.litedb")}"));
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("不存在", missing.Message);

        // A data file already there is never overwritten by a restore.
        var existing = Path.Combine(_work, "existing.litedb");
        File.Copy(good, existing);
        var hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(existing)));
        var overwrite = Assert.Throws<ServerExitedException>(() =>
            new ServerProcess(null, $"--Consolidation:DataPath={existing}", $"--Consolidation:RestoreFrom={good}"));
        Assert.Equal(3, overwrite.ExitCode);
        Assert.Contains("恢复不会覆盖现有数据", overwrite.Message);
        Assert.Equal(hash, Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(existing))));
    }
}
