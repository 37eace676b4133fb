using System.Text.Json;
using Consolidation.Domain.Files;
using Consolidation.Tests.Support;

namespace Consolidation.Tests.EndToEnd;

/// <summary>
/// Issue 17, `fa batch` over the README's own example (a copy of samples/2023): the journal is not left in the
/// inputs, the seed in its three forms (JSON, CSV folder, workbook) is sent once and the copies are reported, and the
/// CSV report speaks Chinese.
/// </summary>
[Collection("end-to-end")]
public sealed class BatchInputsEndToEndTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("fa-e2e-batch-inputs").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.GetDirectories(from)) CopyFolder(d, Path.Combine(to, Path.GetFileName(d)));
    }

    private static string[] Listing(string dir) =>
        Directory.GetFileSystemEntries(dir, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(dir, p)).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void BatchOfTheSamplesFolder_LeavesNoJournalInIt_SendsTheSeedOnce_AndReportsItsCopies()
    {
        using var server = new ServerProcess();
        var samples = Path.Combine(_work, "2023");
        CopyFolder(Repo.Samples2023, samples);
        var before = Listing(samples);
        var report = Path.Combine(_work, "batch.json");
        var csv = Path.Combine(_work, "batch.csv");

        var run = Client.Run(server.Address, "batch", samples, "--report", report, "--report", csv);

        Assert.True(run.ExitCode == 1, run.ToString()); // the seed is 不通过; its identical copies do not make it exit 3
        Assert.Equal(before, Listing(samples)); // nothing written into the inputs
        Assert.Contains(Client.StateHome, run.Stderr); // the journal is under $XDG_STATE_HOME/fa/batch, and said so
        using var doc = JsonDocument.Parse(File.ReadAllText(report));
        var results = doc.RootElement.GetProperty("results").EnumerateArray().ToList();
        var seed = results.Where(r => r.GetProperty("departmentCode").GetString() == "431001").ToList();
        Assert.Equal(3, seed.Count);
        Assert.Single(seed, r => r.GetProperty("outcome").GetString() == "rejected");
        Assert.Equal(2, seed.Count(r => r.GetProperty("outcome").GetString() == "duplicate"));
        Assert.All(seed.Where(r => r.GetProperty("outcome").GetString() == "duplicate"),
            r => Assert.Contains("431001-yueyang-port-office.json 内容相同", r.GetProperty("reason").GetString()));
        Assert.Contains("重复 2", run.Stdout);

        // One version stored for the seed, not three.
        var versions = Client.Run(server.Address, "versions", "431001", "--year", "2023", "--json");
        Assert.Single(JsonDocument.Parse(versions.Stdout).RootElement.GetProperty("versions").EnumerateArray());

        var header = File.ReadAllLines(csv)[0].TrimStart('\uFEFF');
        Assert.Equal("文件,结果,状态,部门编码,部门名称,年度,版本,强制性,提示性,请求编号,重放,取自续传日志,说明", header);
        Assert.Contains(File.ReadAllLines(csv), l => l.Contains(",重复,"));
    }

    [Fact]
    public void TheDisclosurePdf_ValidatedAndBatched_ItsFindingsNameThePagesTheirFiguresAndSentencesAreOn()
    {
        var registry = Path.Combine(Repo.Root, "samples", "2024", "registry.csv");
        using var server = new ServerProcess(registry);
        var dir = Path.Combine(_work, "pdf");
        Directory.CreateDirectory(dir);
        File.Copy(Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "real", "putuo-planning-2024.pdf")), Path.Combine(dir, "putuo.pdf"));
        File.Copy(registry, Path.Combine(dir, "registry.csv"));   // the units' codes, beside the PDF

        var validate = Client.Run(server.Address, "validate", Path.Combine(dir, "putuo.pdf"));
        Assert.True(validate.ExitCode == 1, validate.ToString());   // 不通过: the narrative's real errors
        // The first 强制性 finding (WZ-01, 基本支出 stated 5377.64 against T5's 5364.75): both pages, the printed figure.
        Assert.Contains("PDF 表中数据在第 15 页「5364.75」，情况说明此句在第 24 页", validate.Stdout);

        var report = Path.Combine(_work, "pdf.json");
        var batch = Client.Run(server.Address, "batch", dir, "--report", report);
        Assert.True(batch.ExitCode == 1, batch.ToString());
        using var doc = JsonDocument.Parse(File.ReadAllText(report));
        var result = Assert.Single(doc.RootElement.GetProperty("results").EnumerateArray());
        var details = result.GetProperty("details").EnumerateArray().Select(d => d.GetString()!).ToList();
        Assert.Contains(details, d => d.StartsWith("WZ-01", StringComparison.Ordinal) && d.Contains("（PDF 表中数据在第 15 页「5364.75」，情况说明此句在第 24 页）"));
    }

    [Fact]
    public void SameDepartmentAndYearTwiceWithOtherContent_SendsTheFirst_RefusesTheSecond_Exit3()
    {
        using var server = new ServerProcess();
        var dir = Path.Combine(_work, "two");
        Directory.CreateDirectory(dir);
        var seed = SubmissionFile.Read(Repo.SeedSample);
        File.Copy(Repo.SeedSample, Path.Combine(dir, "a.json"));
        File.WriteAllText(Path.Combine(dir, "b.json"), SubmissionFileWriter.Write(seed with { DepartmentName = seed.DepartmentName + "（改）" }));
        var report = Path.Combine(_work, "two.json");

        var run = Client.Run(server.Address, "batch", dir, "--report", report);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("内容与之不同", run.Stdout);
        var versions = Client.Run(server.Address, "versions", "431001", "--json");
        Assert.Single(JsonDocument.Parse(versions.Stdout).RootElement.GetProperty("versions").EnumerateArray());
    }
}
