using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Consolidation;
using Consolidation.Domain.Files;
using Consolidation.Tests.Support;
using Google.Protobuf;

namespace Consolidation.Tests.EndToEnd;

/// <summary>The built server as a process on its own data file, driven by the built client `fa` as a process.</summary>
[Collection("end-to-end")]
public sealed class EndToEndTests : IDisposable
{
    private readonly ServerProcess _server = new(Path.Combine(Repo.Samples2023, "registry.csv"));
    private readonly string _work = Directory.CreateTempSubdirectory("fa-e2e-files").FullName;

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    private ClientRun Fa(params string[] args) => Client.Run(_server.Address, args);

    private static T Parse<T>(ClientRun run) where T : IMessage<T>, new() =>
        JsonParser.Default.Parse<T>(run.Stdout);

    private string ConsistentFile()
    {
        var path = Path.Combine(_work, "consistent.json");
        File.WriteAllText(path, SubmissionFileWriter.Write(Accounts.Consistent()));
        return path;
    }

    [Fact]
    public void SubmitSeed_IsRejected_WithItsFindingsPrintedForTheClerk()
    {
        var run = Fa("submit", Repo.SeedSample);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("不通过", run.Stdout);
        Assert.Contains("BN-T5-02", run.Stdout);
        Assert.Contains("T5/total/budget", run.Stdout);
        Assert.Contains("463.48", run.Stdout);
        Assert.Contains("461.57", run.Stdout);
        Assert.Contains("1.91", run.Stdout);
        // The narrative's errors, each quoting its sentence; a share printed as a percentage.
        Assert.Contains("WZ-02", run.Stdout);
        Assert.Contains("应为 12.84%，实为 12.83%", run.Stdout);
        Assert.Contains("其他支出101.64万元，占12.83%", run.Stdout);
    }

    [Fact]
    public void Resubmit_CreatesVersion2_UsedByConsolidation_Version1StillReadable()
    {
        var v1 = Fa("submit", Repo.SeedSample, "--json");
        Assert.Equal(SubmissionStatus.Rejected, Parse<SubmissionRecord>(v1).Status);
        var v2 = Fa("submit", ConsistentFile(), "--json");
        Assert.True(v2.ExitCode == 0, v2.ToString());
        var record = Parse<SubmissionRecord>(v2);
        Assert.Equal(2, record.Version);
        Assert.Equal(SubmissionStatus.Accepted, record.Status);

        var first = Fa("status", "431001", "--year", "2023", "--number", "1", "--json");
        Assert.Equal(1, Parse<SubmissionRecord>(first).Version);
        Assert.Equal(SubmissionStatus.Rejected, Parse<SubmissionRecord>(first).Status);

        // Checked but not yet accepted by the bureau: nothing to consolidate (exit 9); accepted, version 2 is consolidated.
        Assert.Equal(9, Fa("consolidate", "--year", "2023").ExitCode);
        var status = Fa("status", "431001", "--year", "2023");
        Assert.Contains("待审核", status.Stdout);
        Assert.Contains("财政局：审核后受理或退回", status.Stdout);
        Assert.Equal(0, Fa("review", "accept", "431001", "--year", "2023").ExitCode);
        Assert.Contains("已受理", Fa("status", "431001", "--year", "2023").Stdout);
        var run = Fa("consolidate", "--year", "2023", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, Parse<ConsolidatedDisclosure>(run).Included.Single(i => i.DepartmentCode == "431001").Version);

        var versions = Fa("versions", "431001", "--year", "2023");
        Assert.Equal(0, versions.ExitCode);
        Assert.Contains("不通过", versions.Stdout);
        Assert.Contains("已接收", versions.Stdout);
    }

    [Fact]
    public void ConsolidatingTheSamples_GivesTheSumOfTheAcceptedDepartments()
    {
        var accepted = new List<(SubmissionRef, Consolidation.Domain.Model.FinalAccounts)>();
        foreach (var file in Directory.GetFiles(Repo.Samples2023, "*.json").Order())
        {
            var run = Fa("submit", file, "--json");
            Assert.True(run.ExitCode is 0 or 1 or 2, run.ToString());
            var record = Parse<SubmissionRecord>(run);
            if (record.Status == SubmissionStatus.Accepted)
                accepted.Add((new SubmissionRef(record.DepartmentCode, record.DepartmentName, record.Version, record.ContentHash), SubmissionFile.Read(file)));
        }
        Assert.NotEmpty(accepted);

        Assert.Equal(0, Fa("review", "accept", "--all", "--year", "2023").ExitCode);
        var outFile = Path.Combine(_work, "disclosure.txt");
        var consolidate = Fa("consolidate", "--year", "2023", "--out", outFile);
        Assert.True(consolidate.ExitCode == 0, consolidate.ToString());
        Assert.Contains("收入支出决算总表", File.ReadAllText(outFile));

        var fetched = Fa("consolidation", "--year", "2023", "--json");
        var disclosure = Parse<ConsolidatedDisclosure>(fetched);
        var expected = Consolidator.Consolidate(2023, accepted);
        Assert.Equal(AccountsMapper.ToProto(expected.Totals), disclosure.Totals);
        // Covered: each accepted department and the 下属单位 the registry lists under it (its composition covers them).
        Assert.Equal(accepted.Count + accepted.Sum(a => a.Item2.Composition.Subordinates.Count), disclosure.Coverage.AcceptedCount);
        Assert.Equal(accepted.Select(a => a.Item1.DepartmentCode).Order(StringComparer.Ordinal), disclosure.Included.Select(i => i.DepartmentCode));
    }

    [Fact]
    public void BadFile_IsRefusedBeforeSending_NamingFileAndField_AndNothingIsStored()
    {
        var bad = Path.Combine(_work, "bad.json");
        File.WriteAllText(bad, File.ReadAllText(Repo.SeedSample).Replace("\"otherIncome\": 95.23", "\"otherIncome\": -95.23"));
        var run = Fa("submit", bad);
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("bad.json", run.Output);
        Assert.Contains("tables.T1.otherIncome", run.Output);

        var status = Fa("status", "431001", "--year", "2023");
        Assert.True(status.ExitCode == 4, status.ToString());
    }

    [Fact]
    public void CorruptFile_IsRefused()
    {
        var bad = Path.Combine(_work, "corrupt.json");
        File.WriteAllText(bad, File.ReadAllText(Repo.SeedSample)[..2000]);
        var run = Fa("validate", bad);
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("corrupt.json", run.Output);
    }

    [Fact]
    public void Glossary_DefineAndUnknown()
    {
        var run = Fa("glossary", "define", "“三公”经费");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("公务接待费", run.Stdout);
        var unknown = Fa("glossary", "define", "公务接待经费");
        Assert.True(unknown.ExitCode == 4, unknown.ToString());
        Assert.Contains("公务接待费", unknown.Output);
    }

    [Fact]
    public void Coverage_ShowsMissingDepartments()
    {
        var run = Fa("coverage", "--year", "2023", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var coverage = Parse<Coverage>(run);
        Assert.Equal(coverage.ExpectedCount, coverage.MissingCount);
        Assert.True(coverage.ExpectedCount > 0);
    }
}

public sealed class ClientWithoutServerTests
{
    [Fact]
    public void ServerUnavailable_ExitsWith5AndSaysSo()
    {
        var run = Client.Run("http://127.0.0.1:1", "validate", Repo.SeedSample);
        Assert.True(run.ExitCode == 5, run.ToString());
        Assert.Contains("无法连接服务器", run.Output);
    }
}
