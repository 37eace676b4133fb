using Consolidation.Tests.Support;

namespace Consolidation.Tests.EndToEnd;

/// <summary>One server with the sample registry, shared by the tests of a class (each test uses its own codes).</summary>
public sealed class RegistryServerFixture : IDisposable
{
    public ServerProcess Server { get; } = new(Path.Combine(Repo.Samples2023, "registry.csv"));

    public void Dispose() => Server.Dispose();
}

/// <summary>
/// Issue 17, the commands that talk to the server, through the real client and server processes: a registry change
/// touches only the fields given, the --parent filter, and "no such thing" is exit 4.
/// </summary>
[Collection("end-to-end")]
public sealed class ServerCommandsEndToEndTests(RegistryServerFixture fixture) : IClassFixture<RegistryServerFixture>
{
    private ClientRun Fa(params string[] args) => Client.Run(fixture.Server.Address, args);

    [Fact]
    public void RegistryChange_NameOnly_KeepsTypeAndParent()
    {
        Assert.Equal(0, Fa("registry", "add", "405005", "--name", "岳阳市第一中学", "--parent", "405001", "--type", "事业").ExitCode);

        var change = Fa("registry", "change", "405005", "--name", "岳阳市第一中学（改名）");

        Assert.True(change.ExitCode == 0, change.ToString());
        var list = Fa("registry", "list", "--parent", "405001", "--json");
        Assert.Contains("\"name\": \"岳阳市第一中学（改名）\"", list.Stdout);
        Assert.Contains("\"parent\": \"405001\"", list.Stdout);
        Assert.Contains("\"type\": \"UNIT_TYPE_PUBLIC_INSTITUTION\"", list.Stdout);
    }

    [Fact]
    public void RegistryChange_TypeOnly_KeepsNameAndParent_AndNothingGivenIsBadArguments()
    {
        Assert.Equal(0, Fa("registry", "add", "405006", "--name", "岳阳市第二中学", "--parent", "405001", "--type", "事业").ExitCode);

        Assert.Equal(0, Fa("registry", "change", "405006", "--type", "其他").ExitCode);

        var list = Fa("registry", "list", "--parent", "405001");
        var line = list.Stdout.Split('\n').Single(l => l.Contains("405006"));
        Assert.Contains("岳阳市第二中学", line);
        Assert.Contains("其他", line);
        Assert.Contains("405001", line);
        Assert.Equal(3, Fa("registry", "change", "405006").ExitCode);
        Assert.Equal(4, Fa("registry", "change", "499999", "--name", "没有这个单位").ExitCode);
    }

    [Fact]
    public void RegistryListParent_ListsTheSubordinates_SaysNoneUnderADepartment_AndExit4ForAnUnknownParent()
    {
        Assert.Equal(0, Fa("registry", "add", "410009", "--name", "岳阳市中心医院", "--parent", "410001", "--type", "事业").ExitCode);

        var under = Fa("registry", "list", "--parent", "410001");
        Assert.True(under.ExitCode == 0, under.ToString());
        Assert.Contains("岳阳市中心医院", under.Stdout);
        Assert.DoesNotContain("名录为空", under.Stdout);

        var none = Fa("registry", "list", "--parent", "401101");
        Assert.Equal(0, none.ExitCode);
        Assert.Contains("401101 没有直属下级单位", none.Stdout);

        var unknown = Fa("registry", "list", "--parent", "999999");
        Assert.Equal(4, unknown.ExitCode);
        Assert.Contains("名录中没有单位编码 999999", unknown.Stderr);
    }

    [Fact]
    public void GlossaryListUnknownCategory_Exit4_KnownCategory_Exit0()
    {
        var unknown = Fa("glossary", "list", "--category", "不存在");
        Assert.True(unknown.ExitCode == 4, unknown.ToString());
        Assert.Contains("名词解释中没有“不存在”类", unknown.Stderr);
        Assert.Contains("经济分类", unknown.Stderr);
        Assert.Equal(4, Fa("glossary", "list", "--category", "不存在", "--json").ExitCode);
        Assert.Equal(0, Fa("glossary", "list", "--category", "支出").ExitCode);
    }

    [Fact]
    public void VersionsOfAnUnknownDepartment_Exit4_LikeStatus()
    {
        var versions = Fa("versions", "999999");
        Assert.True(versions.ExitCode == 4, versions.ToString());
        Assert.Contains("999999 没有报送记录", versions.Stderr);
        Assert.Equal(4, Fa("versions", "999999", "--json").ExitCode);
        Assert.Equal(4, Fa("status", "999999", "--year", "2023").ExitCode);
    }
}
