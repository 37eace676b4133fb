using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Consolidation;
using Consolidation.Domain.Model;
using Consolidation.Domain.Rules;
using Consolidation.Server.Services;
using Consolidation.Synthetic;
using Consolidation.Tests.Support;
using Google.Protobuf;

namespace Consolidation.Tests.Grpc;

/// <summary>The consolidated disclosure as a pure function of its inputs: order-independent bytes, coverage, scope.</summary>
public sealed class DisclosureBuilderTests
{
    private static readonly Consolidation.Domain.Glossary.Glossary Glossary =
        new(Consolidation.Domain.Glossary.GlossaryParser.ParsePart4(File.ReadAllText(Repo.SeedDocument), "seed"));

    private static List<(SubmissionRef Ref, FinalAccounts Accounts)> Set(int count, int seed)
    {
        var list = RandomProfiles.Many(count, seed).Select(p => SyntheticAccounts.Generate(p.Profile, p.Seed)).ToList();
        // Two of them exchange a subsidy, one side declaring less: the mismatch must survive any order too.
        list[1] = Flows.Receive(list[1], list[0].DepartmentCode, subsidy: true, booked: 700_000, declared: 700_000);
        list[0] = Flows.Pay(list[0], list[1].DepartmentCode, subsidy: true, booked: 900_000, declared: 900_000);
        return list.Select(a => (new SubmissionRef(a.DepartmentCode, a.DepartmentName, 1, SubmissionHash(a)), a)).ToList();
    }

    private static string SubmissionHash(FinalAccounts a) => Consolidation.Contracts.Mapping.ContentDigest.Of(a);

    /// <summary>The disclosure as a run keeps and sends it: built, its content hash set, in the contract's message.</summary>
    private static Consolidation.Contracts.ConsolidatedDisclosure Build(DisclosureInputs inputs)
    {
        var d = DisclosureBuilder.Build(inputs);
        return DisclosureMapper.ToProto(d with { ContentHash = ContractEncoding.Instance.ContentHash(d) });
    }

    private static string ContentHash(Consolidation.Contracts.ConsolidatedDisclosure d) => ContractEncoding.Instance.ContentHash(DisclosureMapper.ToDomain(d));

    private static DisclosureInputs Inputs(IEnumerable<(SubmissionRef Ref, FinalAccounts Accounts)> set, IReadOnlyList<RegisteredDepartment> registry,
        string scope = "") =>
        new(2023, scope, set.ToList(), registry,
            set.Select(s => new DepartmentFiling(s.Ref.DepartmentCode, s.Ref.DepartmentName, 1, SubmissionStatus.Accepted, 1)).ToList(), Glossary);

    [Fact]
    public void SameInputs_InAnyOrder_GiveByteIdenticalDisclosures()
    {
        var set = Set(30, 41);
        var registry = set.Select(s => new RegisteredDepartment(s.Ref.DepartmentCode, s.Ref.DepartmentName, UnitType.Administrative)).ToList();
        var reference = Build(Inputs(set, registry)).ToByteArray();
        var rng = new Random(7);
        for (var i = 0; i < 5; i++)
        {
            var shuffled = set.OrderBy(_ => rng.Next()).ToList();
            var shuffledRegistry = registry.OrderBy(_ => rng.Next()).ToList();
            Assert.Equal(reference, Build(Inputs(shuffled, shuffledRegistry)).ToByteArray());
        }
        var d = Build(Inputs(set, registry));
        Assert.Equal(ContentHash(d), d.ContentHash);
        Assert.Single(d.Eliminations, e => e.Difference == 200_000);
    }

    [Fact]
    public void StoredRun_ReadBack_IsByteForByteTheOneWritten()
    {
        var set = Set(12, 44);
        var registry = set.Take(10).Select(s => new RegisteredDepartment(s.Ref.DepartmentCode, s.Ref.DepartmentName, UnitType.PublicInstitution)).ToList();
        registry.Add(new RegisteredDepartment("999000001", "未报送的单位", UnitType.Other));
        var written = Build(Inputs(set, registry)).Clone();
        written.RunNumber = 3;
        written.RequestedBy = "财政局";
        written.CreatedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(new DateTime(2026, 12, 3, 8, 0, 0, DateTimeKind.Utc).AddTicks(1234567));
        var encoding = ContractEncoding.Instance;
        var read = encoding.DecodeDisclosure(written.ToByteArray());
        Assert.Equal(written.ToByteArray(), encoding.EncodeDisclosure(read));
        Assert.Equal(written.ContentHash, encoding.ContentHash(read));
        Assert.NotEmpty(read.Eliminations);
        Assert.NotEmpty(read.CoverageSummary.Missing);
        Assert.NotEmpty(read.Glossary);
    }

    [Fact]
    public void ContentHash_IgnoresOnlyTheRunMetadata()
    {
        var set = Set(3, 42);
        var d = Build(Inputs(set, []));
        var stamped = d.Clone();
        stamped.RunNumber = 9;
        stamped.RequestedBy = "someone";
        stamped.CreatedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow);
        Assert.Equal(d.ContentHash, ContentHash(stamped));
        var changed = d.Clone();
        changed.Totals.T1.IncomeTotal += 1;
        Assert.NotEqual(d.ContentHash, ContentHash(changed));
    }

    [Fact]
    public void MissingDepartment_AppearsInCoverage_AndOnTheFirstPage()
    {
        var set = Set(3, 43);
        var registry = set.Select(s => new RegisteredDepartment(s.Ref.DepartmentCode, s.Ref.DepartmentName, UnitType.Administrative))
            .Append(new RegisteredDepartment("599999", "岳阳市未报送局", UnitType.Administrative)).ToList();
        var d = Build(Inputs(set, registry));
        Assert.False(d.CoverageSummary.Complete);
        Assert.Equal(["599999 岳阳市未报送局"], d.CoverageSummary.Missing);
        Assert.Equal(4, d.CoverageSummary.DepartmentsExpected);
        Assert.Equal(3, d.CoverageSummary.DepartmentsCovered);
        Assert.StartsWith("注意：本汇总不完整。名录中有 1 个应报单位的决算未纳入汇总（未报送 1 个、待说明 0 个、不通过 0 个）", d.CoverageSummary.Statement);
        Assert.Contains(d.CoverageSummary.Statement, d.Overview);
        Assert.Contains(d.Coverage.Departments, c => c.DepartmentCode == "599999" && c.State == Consolidation.Contracts.CoverageState.Missing);

        var complete = Build(Inputs(set, registry.Take(3).ToList()));
        Assert.True(complete.CoverageSummary.Complete);
        Assert.Equal("名录中应报的 3 个单位均已纳入本汇总。", complete.CoverageSummary.Statement);
    }

    [Fact]
    public void UnitsCoveredByACompositionAreCounted_ByType_AndNotMissing()
    {
        var set = Set(2, 44);
        var dept = set[0].Accounts with
        {
            Composition = new UnitComposition(set[0].Accounts.Composition.Self, [new Unit("777701", "某中学", UnitType.PublicInstitution)]),
        };
        var registry = new List<RegisteredDepartment>
        {
            new(dept.DepartmentCode, dept.DepartmentName, UnitType.Administrative),
            new("777701", "某中学", UnitType.PublicInstitution, dept.DepartmentCode),
        };
        var d = Build(Inputs([(set[0].Ref, dept)], registry));
        Assert.True(d.CoverageSummary.Complete, d.CoverageSummary.Statement);
        Assert.Equal(dept.DepartmentCode, d.Coverage.Departments.Single(c => c.DepartmentCode == "777701").CoveredBy);
        Assert.Contains(d.CoverageSummary.UnitsByType, t => t.Type == Consolidation.Contracts.UnitType.PublicInstitution && t.Count >= 1);
    }

    [Fact]
    public void AScopeTheRegistryDoesNotName_IsNamedAsItsOwnSubmissionNamesIt()
    {
        var set = Set(3, 46);
        var scope = set[1].Ref.DepartmentCode;
        var d = Build(Inputs(set, [], scope: scope));
        Assert.Equal([scope], d.Included.Select(i => i.DepartmentCode));
        Assert.Equal($"{set[1].Ref.DepartmentName}（含下属单位）", d.ScopeName);
        Assert.Equal(d.ScopeName, d.Totals.DepartmentName);
    }

    [Fact]
    public void DepartmentScope_ConsolidatesOnlyThatDepartmentAndItsUnits()
    {
        var set = Set(4, 45);
        var parent = set[0].Ref.DepartmentCode;
        var registry = new List<RegisteredDepartment>
        {
            new(parent, "部门甲", UnitType.Administrative),
            new(set[1].Ref.DepartmentCode, "单位乙", UnitType.PublicInstitution, parent),
            new(set[2].Ref.DepartmentCode, "部门丙", UnitType.Administrative),
            new(set[3].Ref.DepartmentCode, "部门丁", UnitType.Administrative),
        };
        var d = Build(Inputs(set, registry, scope: parent));
        Assert.Equal([parent, set[1].Ref.DepartmentCode], d.Included.Select(i => i.DepartmentCode));
        Assert.Equal("部门甲（含下属单位）", d.ScopeName);
        Assert.Equal(parent, d.ScopeCode);
        var expected = Consolidator.Consolidate(2023, set.Take(2));
        Assert.Equal(expected.Totals["T1"].Fixed("incomeTotal", "amount"), d.Totals.T1.IncomeTotal);
        Assert.Equal(2, d.Coverage.Departments.Count);
        var headline = Assert.Single(d.Departments); // one department: its own unit and its 下属单位
        Assert.Equal(parent, headline.DepartmentCode);
    }

    [Fact]
    public void Glossary_HoldsTheTermsTheNarrativeUses()
    {
        var d = Build(Inputs(Set(3, 46), []));
        var names = d.Glossary.Select(t => t.Name).ToList();
        Assert.Contains(names, n => n.Contains("三公"));
        Assert.Contains(names, n => n.Contains("机关运行经费"));
        Assert.Contains("基本支出", names);
        Assert.Contains(names, n => n.StartsWith("一般公共服务支出")); // "一般公共服务（类）支出" in the narrative
        Assert.All(d.Glossary, t => Assert.False(string.IsNullOrWhiteSpace(t.Definition)));
        Assert.DoesNotContain(names, n => n.StartsWith("伙食补助费")); // not used in the narrative
    }
}
