using Consolidation.Tests.Support;

namespace Consolidation.Tests.EndToEnd;

/// <summary>The registry, a department-level consolidation and the year lock, driven through the real client process.</summary>
[Collection("end-to-end")]
public sealed class RegistryAndYearLockEndToEndTests : IDisposable
{
    private readonly ServerProcess _server = new(Path.Combine(Repo.Samples2023, "registry.csv"));

    public void Dispose() => _server.Dispose();

    private ClientRun Fa(params string[] args) => Client.Run(_server.Address, args);

    private static string Sample(string code) => Directory.GetFiles(Repo.Samples2023, $"{code}-*.json").Single();

    [Fact]
    public void RegistryScopeAndLock_WorkThroughTheClient()
    {
        var add = Fa("registry", "add", "412002", "--name", "岳阳市住房保障服务中心", "--parent", "412001", "--type", "事业");
        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Contains("已登记", add.Stdout);
        var duplicate = Fa("registry", "add", "412002", "--name", "重复");
        Assert.NotEqual(0, duplicate.ExitCode);
        Assert.Contains("已在名录中", duplicate.Output);
        var history = Fa("registry", "history", "412002");
        Assert.Contains("operator", history.Stdout); // who acted: the credential's principal (the first bureau credential)
        Assert.Contains("add", history.Stdout);
        Assert.Equal(3, Fa("registry", "add", "40500x", "--name", "坏编码").ExitCode);

        Assert.Equal(0, Fa("submit", Sample("405001")).ExitCode);
        Assert.Equal(0, Fa("submit", Sample("410001")).ExitCode);
        Assert.Equal(0, Fa("review", "accept", "--all", "--year", "2023").ExitCode); // the bureau's review: 已受理
        var scoped = Fa("consolidate", "--year", "2023", "--scope", "405001");
        Assert.True(scoped.ExitCode == 0, scoped.ToString());
        Assert.Contains("岳阳市教育局（含下属单位）", scoped.Stdout);
        Assert.Contains("名录中应报的 4 个单位均已纳入本汇总。", scoped.Stdout); // 405001 and its 405002–405004 (covered by its composition)
        Assert.DoesNotContain("410001", scoped.Stdout.Split("第三部分")[0].Split("纳入汇总的部门")[1].Split("T1 ")[0]);

        var city = Fa("consolidate", "--year", "2023");
        Assert.Contains("注意：本汇总不完整", city.Stdout);

        var publish = Fa("year", "publish", "--year", "2023", "--run", "2");
        Assert.True(publish.ExitCode == 0, publish.ToString());
        Assert.Contains("已锁定", publish.Stdout);
        var refused = Fa("submit", Sample("414001"));
        Assert.Equal(8, refused.ExitCode); // a locked year: FAILED_PRECONDITION, never the "server unavailable" 5
        Assert.Contains("已发布，该年度已锁定，不再接收报送", refused.Output);

        Assert.Equal(3, Fa("year", "reopen", "--year", "2023").ExitCode); // no reason: refused by the client
        var reopen = Fa("year", "reopen", "--year", "2023", "--reason", "交通运输局补报");
        Assert.True(reopen.ExitCode == 0, reopen.ToString());
        Assert.Contains("交通运输局补报", reopen.Stdout);
        Assert.Equal(0, Fa("submit", Sample("414001")).ExitCode);
    }
}
