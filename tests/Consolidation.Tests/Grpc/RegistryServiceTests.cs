using Consolidation.Contracts;
using Consolidation.Tests.Support;
using Google.Rpc;
using Grpc.Core;

namespace Consolidation.Tests.Grpc;

/// <summary>预算单位名录 over gRPC: add, change, list, import — every change a recorded act.</summary>
public sealed class RegistryServiceTests : IDisposable
{
    private readonly InProcessServer _server = new("code,name,type\n405001,岳阳市教育局,行政\n");

    public void Dispose() => _server.Dispose();

    /// <summary>Added by the bureau user <paramref name="by"/>: the act records the authenticated principal.</summary>
    private RegistryUnit Add(string code, string name, string parent = "", UnitType type = UnitType.PublicInstitution, string by = "张三") =>
        _server.As(_server.BureauUserCredential(by)).Registry.AddUnit(new RegistryUnitChange { Code = code, Name = name, Parent = parent, Type = type });

    [Fact]
    public void StartupCsv_IsImportedOnce_AsARecordedAct()
    {
        var units = _server.Registry.ListUnits(new ListUnitsRequest()).Units;
        Assert.Equal("405001", Assert.Single(units).Code);
        var act = Assert.Single(_server.Registry.ListRegistryActs(new ListRegistryActsRequest()).Acts);
        Assert.Equal(("startup", "import", "registry.csv"), (act.By, act.Action, act.Source));
    }

    [Fact]
    public void AddAndChange_AreRecorded_WithWhoWhenBeforeAndAfter()
    {
        Add("405002", "岳阳市第一中学", "405001");
        var changed = _server.As(_server.BureauUserCredential("李四")).Registry.ChangeUnit(new RegistryUnitChange
            { Code = "405002", Name = "岳阳市第一中学（本部）", Parent = "405001", Type = UnitType.PublicInstitution });
        Assert.Equal(("岳阳市第一中学（本部）", "李四"), (changed.Name, changed.ChangedBy));
        var acts = _server.Registry.ListRegistryActs(new ListRegistryActsRequest { Code = "405002" }).Acts;
        Assert.Equal(["add", "change"], acts.Select(a => a.Action));
        Assert.Null(acts[0].Before);
        Assert.Equal("岳阳市第一中学", acts[1].Before.Name);
        Assert.Equal("岳阳市第一中学（本部）", acts[1].After.Name);
        Assert.Equal("张三", acts[0].By);
        Assert.Equal(["405002"], _server.Registry.ListUnits(new ListUnitsRequest { Parent = "405001" }).Units.Select(u => u.Code));
    }

    [Fact]
    public void Add_OfARegisteredCode_IsAlreadyExists_AndChange_OfAnUnknownOne_IsNotFound()
    {
        Assert.Equal(StatusCode.AlreadyExists, Assert.Throws<RpcException>(() => Add("405001", "重复")).StatusCode);
        Assert.Equal(StatusCode.NotFound, Assert.Throws<RpcException>(() => _server.Registry.ChangeUnit(new RegistryUnitChange
            { Code = "499999", Name = "无", Type = UnitType.Administrative })).StatusCode);
    }

    [Fact]
    public void Add_WithABadCodeOrName_IsInvalidArgument_NamingEachProblem()
    {
        var e = Assert.Throws<RpcException>(() => Add("12ab", "", "", UnitType.Unspecified));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        var text = string.Join("\n", e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Description));
        Assert.Contains("单位编码“12ab”格式不对", text);
        Assert.Contains("单位名称为空", text);
        var orphan = Assert.Throws<RpcException>(() => Add("405009", "无上级", "409999"));
        Assert.Contains("上级单位 409999 不在名录中", orphan.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Description);
    }

    [Fact]
    public void Import_AddsAndChanges_AllOrNothing()
    {
        var reply = _server.Registry.ImportUnits(new ImportUnitsRequest
        {
            Csv = "\uFEFFcode,name,parent,type\n405001,岳阳市教育局,,行政\n405002,岳阳市第一中学,405001,事业\n405003,\"岳阳市第十四中学, 本部\",405001,事业\n", Source = "units.csv",
        });
        Assert.Equal((2, 0, 1), (reply.Added, reply.Changed, reply.Unchanged));
        Assert.Equal("岳阳市第十四中学, 本部", _server.Registry.ListUnits(new ListUnitsRequest { Parent = "405001" }).Units[1].Name);

        var bad = Assert.Throws<RpcException>(() => _server.Registry.ImportUnits(new ImportUnitsRequest
            { Csv = "code,name,parent,type\n405004,岳阳市教育考试院,405001,事业\n405005,某单位,405001,企业\n", Source = "bad.csv" }));
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        var violation = bad.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single();
        Assert.Equal("bad.csv 第 3 行", violation.Field);
        Assert.Contains("单位类型“企业”无效", violation.Description);
        Assert.DoesNotContain(_server.Registry.ListUnits(new ListUnitsRequest()).Units, u => u.Code == "405004"); // nothing imported
    }
}
