using System.Text;
using System.Text.Json;
using Consolidation.Domain.Files;
using Consolidation.Tests.EndToEnd;

using Consolidation.Tests.Support;

namespace Consolidation.Tests.Reliability;

/// <summary>
/// Hostile files through the real `fa` (issue 15): each is refused on its own (exit 3, 格式有误, not sent), `fa batch`
/// goes on with the rest, and nothing of a file reaches the terminal raw (control characters shown escaped).
/// </summary>
[Collection("end-to-end")]
public sealed class HostileFileTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("fa-hostile-files").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static string Good(int i) => SubmissionFileWriter.Write(SyntheticBatch.Departments(3, seed: 11)[i]);

    /// <summary>The hostile files by name, and what the refusal must say.</summary>
    private Dictionary<string, string> WriteHostile(string dir)
    {
        var files = new Dictionary<string, string>();
        void Bytes(string name, byte[] content, string says) { File.WriteAllBytes(Path.Combine(dir, name), content); files[name] = says; }
        var good = Good(0);
        // A file of invalid UTF-8 (a GBK-saved file looks like this): refused, not decoded with replacement characters.
        Bytes("gbk.json", [.. Encoding.UTF8.GetBytes(good[..200]), 0xC4, 0xE3, 0xBA, 0xC3, .. Encoding.UTF8.GetBytes(good[200..])], "UTF-8");
        // The same key twice: never "the second one wins".
        var i = good.IndexOf("\"fiscalYear\"", StringComparison.Ordinal);
        Bytes("duplicate-key.json", Encoding.UTF8.GetBytes(good[..i] + "\"fiscalYear\": 2099,\n  " + good[i..]), "JSON");
        // Over the size limit: refused on its size, before reading (a sparse file: no 33 MiB written).
        var big = Path.Combine(dir, "huge.json");
        using (var f = new FileStream(big, FileMode.Create)) f.SetLength(SubmissionFile.MaxFileBytes + 1);
        files["huge.json"] = "MiB";
        // A device that never ends: read only up to the limit.
        File.CreateSymbolicLink(Path.Combine(dir, "zero.json"), "/dev/zero");
        files["zero.json"] = "MiB";
        // Control characters in the department's name: the server refuses it, the terminal shows it escaped.
        Bytes("escape.json", Encoding.UTF8.GetBytes(good.Replace(SyntheticBatch.Departments(3, seed: 11)[0].DepartmentName,
            "清屏\\u001b[2J\\u0007部门")), "department.name");
        // Control characters in the file's own name: shown escaped in the table.
        Bytes("name-\u001b[2J\u0007.json", Encoding.UTF8.GetBytes("{"), "JSON");
        return files;
    }

    [Fact]
    public void HostileFiles_EachRefusedAlone_Exit3_TheOthersStored_NothingRawOnTheTerminal()
    {
        using var server = new ServerProcess();
        var dir = Path.Combine(_work, "in");
        Directory.CreateDirectory(dir);
        var hostile = WriteHostile(dir);
        File.WriteAllText(Path.Combine(dir, "good-1.json"), Good(1));
        File.WriteAllText(Path.Combine(dir, "good-2.json"), Good(2));
        var report = Path.Combine(_work, "report.json");

        var run = Tests.EndToEnd.Client.Run(server.Address, "batch", dir, "--report", report, "--table", "all");

        Assert.True(run.ExitCode == 3, run.ToString());
        using var doc = JsonDocument.Parse(File.ReadAllText(report));
        var rows = doc.RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(r => Path.GetFileName(r.GetProperty("file").GetString()!), r => r);
        Assert.Equal(hostile.Count + 2, rows.Count);
        Assert.Equal("accepted", rows["good-1.json"].GetProperty("outcome").GetString());
        Assert.Equal("accepted", rows["good-2.json"].GetProperty("outcome").GetString());
        foreach (var (name, says) in hostile)
        {
            var row = rows[name];
            Assert.True(row.GetProperty("outcome").GetString() == "malformed", $"{name}: {row}");
            Assert.Contains(says, row.ToString());
        }
        Assert.DoesNotContain('\u001b', run.Output);
        Assert.DoesNotContain('\u0007', run.Output);
        Assert.Contains("\\u001B", run.Stdout);
    }

    [Fact]
    public void Validate_DevZero_IsRefusedOnItsSize_Exit3()
    {
        var run = Tests.EndToEnd.Client.Run(null, "validate", "/dev/zero"); // read and refused before any server is asked
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("MiB", run.Output);
    }
}
