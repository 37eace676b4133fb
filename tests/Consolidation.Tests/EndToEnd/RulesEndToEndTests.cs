using Consolidation.Contracts;
using Consolidation.Domain.Files;
using Consolidation.Tests.Support;
using Google.Protobuf;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.EndToEnd;

/// <summary>The rule catalogue through the real server and client processes: explanations, and the identities file as a setting.</summary>
[Collection("end-to-end")]
public sealed class RulesEndToEndTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("fa-e2e-rules").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static readonly string Shipped2023 =
        File.ReadAllText(Path.Combine(Repo.Root, "domain", "Consolidation.Domain", "Rules", "Data", "identities-2023.txt"));

    private string Write(string name, string text)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void AdvisoryFinding_ExplainedInTheFile_TurnsPendingIntoAccepted_AndStatusShowsTheExplanation()
    {
        using var server = new ServerProcess();
        var a = Consistent().WithoutNarrative(); // the narrative would state the old 三公 figures
        // 公务接待费 0.10 万元 above its budget: 提示性 TS-T7-01 on the line and on the 合计.
        var over = a.WithCell("T7", "reception", "actual", a.Cell("T7", "reception", "actual") + Wan(0.1m))
            .WithCell("T7", "total", "actual", a.Cell("T7", "total", "actual") + Wan(0.1m));
        var pending = Client.Run(server.Address, "submit", Write("over.json", SubmissionFileWriter.Write(over)));
        Assert.True(pending.ExitCode == 2, pending.ToString());
        Assert.Contains("待说明", pending.Stdout);
        Assert.Contains("TS-T7-01", pending.Stdout);
        Assert.Contains("T7/reception/actual", pending.Stdout);

        var explained = over with
        {
            Explanations =
            [
                new("TS-T7-01", "T7/reception/actual", "年中承接省口岸工作会议，追加接待经费已经批准。"),
                new("TS-T7-01", "T7/total/actual", "同上，为公务接待费超支。"),
            ],
        };
        var accepted = Client.Run(server.Address, "submit", Write("explained.json", SubmissionFileWriter.Write(explained)));
        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        Assert.Contains("已接收", accepted.Stdout);

        var status = Client.Run(server.Address, "status", "431001", "--year", "2023");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("已接收", status.Stdout);
        Assert.Contains("年中承接省口岸工作会议，追加接待经费已经批准。", status.Stdout);

        var json = Client.Run(server.Address, "status", "431001", "--year", "2023", "--number", "2", "--json");
        var record = JsonParser.Default.Parse<SubmissionRecord>(json.Stdout);
        Assert.Equal(SubmissionStatus.Accepted, record.Status);
        var stored = record.Findings.Where(f => f.Severity == Severity.Advisory).ToList();
        Assert.Equal(2, stored.Count);
        Assert.All(stored, f => Assert.True(f.Explained));
        Assert.Equal("同上，为公务接待费超支。", stored.Single(f => f.LocationText == "T7/total/actual").Explanation);
    }

    [Fact]
    public void BadIdentitiesFile_TheServerRefusesToStart_NamingLineAndProblem()
    {
        var bad = Write("identities-2023.txt", Shipped2023.Replace("check T1.expenditureTotal = Σ类(T1)", "check T1.expenditureTotal = Σ类(T1) + T1.closingBalanse"));
        var line = Shipped2023[..Shipped2023.IndexOf("check T1.expenditureTotal = Σ类(T1)", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        var e = Assert.Throws<ServerExitedException>(() => new ServerProcess(null, $"--Consolidation:IdentitiesPath={bad}"));
        Assert.NotEqual(0, e.ExitCode);
        Assert.Contains($"第 {line} 行", e.Message);
        Assert.Contains("closingBalanse", e.Message);
        Assert.DoesNotContain("Now listening", e.Message);
    }

    [Fact]
    public void ChangedIdentitiesFile_ChangesTheChecks_WithoutARebuild()
    {
        // The bureau drops the 年初预算数 column from the T5 合计 identity: the seed's one table error is no longer one.
        var changed = Write("identities-2023.txt", Shipped2023.Replace("check T5.total.* = Σ类(T5).*",
            "check T5.total.total = Σ类(T5).total\n  check T5.total.basic = Σ类(T5).basic\n  check T5.total.project = Σ类(T5).project"));
        using var server = new ServerProcess(null, $"--Consolidation:IdentitiesPath={changed}");
        var tablesOnly = Write("seed-tables.json", SubmissionFileWriter.Write(Seed().WithoutNarrative())); // narrative errors aside
        var run = Client.Run(server.Address, "validate", tablesOnly);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("BN-T5-02", run.Stdout);
    }
}
