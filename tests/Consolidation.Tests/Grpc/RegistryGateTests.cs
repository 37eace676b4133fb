using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Tests.Support;
using Google.Rpc;
using Grpc.Core;
using static Consolidation.Tests.Support.Accounts;
using D = Consolidation.Domain.Model;

namespace Consolidation.Tests.Grpc;

/// <summary>The registry decides who exists (docs/access.md#registry): unregistered codes, compositions, names.</summary>
public sealed class RegistryGateTests
{
    private const string Registry = "code,name,parent,type\n405001,岳阳市教育局,,行政\n405002,岳阳市第一中学,405001,事业\n410001,岳阳市卫生健康委员会,,行政\n";

    private static D.FinalAccounts As(string code, string name, params (string Code, string Name)[] units)
    {
        var a = Consistent().WithoutNarrative();
        return a with
        {
            DepartmentCode = code, DepartmentName = name,
            Composition = new D.UnitComposition(a.Composition.Self with { Code = code, Name = name },
                units.Select(u => new D.Unit(u.Code, u.Name, D.UnitType.PublicInstitution)).ToList()),
        };
    }

    private static IReadOnlyList<BadRequest.Types.FieldViolation> Refusal(Action act)
    {
        var e = Assert.Throws<RpcException>(act);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        return e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations;
    }

    private static SubmissionRecord Submit(InProcessServer server, D.FinalAccounts a) =>
        server.Submissions.Submit(new SubmitRequest { Accounts = AccountsMapper.ToProto(a) });

    [Fact]
    public void AnUnregisteredCode_IsRefused_NothingStored()
    {
        using var server = new InProcessServer(Registry);
        var v = Refusal(() => Submit(server, As("499999", "岳阳市不存在局")));
        Assert.Contains(v, x => x.Field == "department_code" && x.Description.Contains("预算单位名录中没有 499999"));
        Assert.Equal(0, server.Service<Consolidation.Server.Application.SubmissionBook>().Count());
    }

    [Fact]
    public async Task ACompositionNamingAnotherDepartment_IsRefused_SoItCannotTakeThatDepartmentOutOfTheConsolidation()
    {
        using var server = new InProcessServer(Registry);
        var v = Refusal(() => Submit(server, As("405001", "岳阳市教育局", ("410001", "岳阳市卫生健康委员会"))));
        Assert.Contains(v, x => x.Field == "composition.subordinates[0].code" && x.Description.Contains("410001 在名录中登记在 410001 之下"));
        // Nor through a batch.
        using var call = server.Submissions.SubmitBatch();
        await call.RequestStream.WriteAsync(new SubmitRequest { RequestId = "r1", Accounts = AccountsMapper.ToProto(As("405001", "岳阳市教育局", ("410001", "x"))) });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(SubmitOutcome.Malformed, call.ResponseStream.Current.Outcome);
    }

    [Fact]
    public void AnUnregisteredUnitInTheComposition_IsRefused_NamingItsPlace_NothingStored()
    {
        using var server = new InProcessServer(Registry);
        var v = Refusal(() => Submit(server, As("405001", "岳阳市教育局", ("405002", "岳阳市第一中学"), ("405099", "岳阳市某中学"))));
        var only = Assert.Single(v);
        Assert.Equal("composition.subordinates[1].code", only.Field);
        Assert.Contains("405099 岳阳市某中学 未在预算单位名录中登记", only.Description);
        Assert.Contains("fa registry add 405099 --parent 405001", only.Description);
        Assert.Equal(0, server.Service<Consolidation.Server.Application.SubmissionBook>().Count());
    }

    [Fact]
    public void HeldAsUnregistered_AnUnlistedUnitInTheComposition_IsTakenAsDeclared_AndIsAFinding()
    {
        using var server = new InProcessServer(Registry, new Dictionary<string, string> { ["Consolidation:UnregisteredSubmissions"] = "hold" });
        var record = Submit(server, As("405001", "岳阳市教育局", ("405002", "岳阳市第一中学"), ("405099", "岳阳市某中学")));
        Assert.Equal(SubmissionStatus.Accepted, record.Status);
        var unregistered = Assert.Single(record.Findings, f => f.RuleId == "REG-02");
        Assert.Equal((Severity.Info, "META/405099/code"), (unregistered.Severity, unregistered.LocationText));
        Assert.DoesNotContain(record.Findings, f => f.RuleId == "REG-01");
        // A unit registered under another department stays refused, hold or not.
        var v = Refusal(() => Submit(server, As("405001", "岳阳市教育局", ("410001", "岳阳市卫生健康委员会"))));
        Assert.Contains(v, x => x.Field == "composition.subordinates[0].code");
    }

    [Fact]
    public void ANameDifferentFromTheRegistrys_IsAFinding_ThatChangesNoStatus()
    {
        using var server = new InProcessServer(Registry);
        var record = Submit(server, As("405001", "岳阳市教育体育局", ("405002", "岳阳市一中")));
        Assert.Equal(SubmissionStatus.Accepted, record.Status);
        var names = record.Findings.Where(f => f.RuleId == "REG-01").ToList();
        Assert.Equal(2, names.Count);
        Assert.All(names, f => Assert.Equal(Severity.Info, f.Severity));
        Assert.Contains(names, f => f.Message.Contains("“岳阳市教育体育局”与预算单位名录中的“岳阳市教育局”不同"));
    }

    [Fact]
    public void HeldAsUnregistered_IsStoredAndInCoverage_ButNeverConsolidated()
    {
        using var server = new InProcessServer(Registry, new Dictionary<string, string> { ["Consolidation:UnregisteredSubmissions"] = "hold" });
        Submit(server, As("499999", "岳阳市未登记局"));
        Submit(server, As("410001", "岳阳市卫生健康委员会"));
        server.AcceptAll(2023);
        var run = server.Consolidation.RunConsolidation(new RunConsolidationRequest { FiscalYear = 2023 });
        Assert.Equal(["410001"], run.Included.Select(i => i.DepartmentCode));
        var held = server.Consolidation.ListCoverage(new ListCoverageRequest { FiscalYear = 2023 }).Departments.Single(d => d.DepartmentCode == "499999");
        Assert.False(held.Registered);
    }

    [Fact]
    public void AnEmptyRegistry_DecidesNothing()
    {
        using var server = new InProcessServer();
        Assert.Equal(1, Submit(server, As("499999", "岳阳市某局")).Version);
    }
}
