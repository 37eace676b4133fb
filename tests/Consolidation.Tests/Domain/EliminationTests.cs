using Consolidation.Domain.Consolidation;
using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;
using Consolidation.Synthetic;
using Consolidation.Tests.Support;

namespace Consolidation.Tests.Domain;

/// <summary>汇总 with eliminations: every consolidated cell is Σ department cells − eliminations, exactly in 分.</summary>
public sealed class EliminationTests
{
    private static (SubmissionRef, FinalAccounts) In(FinalAccounts a) => (new SubmissionRef(a.DepartmentCode, a.DepartmentName, 1, "h" + a.DepartmentCode), a);

    private static List<FinalAccounts> RandomSet(int count, int seed) =>
        RandomProfiles.Many(count, seed).Select(p => SyntheticAccounts.Generate(p.Profile, p.Seed)).ToList();

    /// <summary>Books random flows between random pairs of the set; some pairs disagree on the declared amount.</summary>
    private static (List<FinalAccounts> WithFlows, long Mismatches) AddFlows(List<FinalAccounts> set, Random rng, bool allMatched)
    {
        var accounts = set.Select(Flows.Copy).ToList();
        long mismatches = 0;
        for (var k = 0; k < set.Count; k++)
        {
            int i = rng.Next(accounts.Count), j = rng.Next(accounts.Count);
            if (i == j) continue;
            var subsidy = rng.Next(2) == 0;
            var amount = (long)rng.Next(1, 5_000_000) * 100;
            var declaredByReceiver = allMatched || rng.Next(3) > 0 ? amount : amount - (long)rng.Next(1, 1000) * 100;
            if (declaredByReceiver != amount) mismatches++;
            accounts[i] = Flows.Pay(accounts[i], accounts[j].DepartmentCode, subsidy, amount, amount);
            accounts[j] = Flows.Receive(accounts[j], accounts[i].DepartmentCode, subsidy, declaredByReceiver, declaredByReceiver);
        }
        return (accounts, mismatches);
    }

    [Theory]
    [InlineData(2, 11)]
    [InlineData(7, 12)]
    [InlineData(25, 13)]
    [InlineData(60, 14)]
    public void ConsolidatedCell_EqualsSumOfDepartmentCellsMinusEliminations_ExactlyInFen(int count, int seed)
    {
        var (set, mismatches) = AddFlows(RandomSet(count, seed), new Random(seed), allMatched: false);
        var result = Consolidator.Consolidate(2023, set.Select(In));

        Assert.Equal(mismatches, result.Eliminations.Count(p => !p.Matched));
        foreach (var layout in StandardLayouts.All)
        {
            var total = result.Totals[layout.Id];
            var keys = layout.FixedRows.Select(r => r.Key).Concat(set.SelectMany(a => a[layout.Id].Rows.Select(r => r.Code))).Distinct();
            foreach (var key in keys)
                for (var c = 0; c < layout.Columns.Count; c++)
                {
                    var column = layout.Columns[c].Key;
                    var sum = set.Sum(a => a[layout.Id].FindRow(key)?[c] ?? 0);
                    var eliminated = result.Adjustments.Where(x => x.TableId == layout.Id && x.RowKey == key && x.ColumnKey == column).Sum(x => x.Amount);
                    Assert.True(sum - eliminated == total.FindRow(key)![c], $"{layout.Id}/{key}/{column}: Σ {sum} − {eliminated} ≠ {total.FindRow(key)![c]}");
                }
        }
        // Each pair's elimination was booked on both sides, at the smaller amount.
        Assert.Equal(result.Eliminations.Sum(p => p.Eliminated), result.Adjustments.Where(x => x is { TableId: "T1", RowKey: "incomeTotal" }).Sum(x => x.Amount));
        Assert.Equal(result.Eliminations.Sum(p => p.Eliminated), result.Adjustments.Where(x => x is { TableId: "T1", RowKey: "expenditureTotal" }).Sum(x => x.Amount));
        Assert.Empty(result.EliminationIssues);
    }

    [Theory]
    [InlineData(5, 21)]
    [InlineData(40, 22)]
    public void MatchedFlows_AreEliminatedCompletely_TotalsEqualTheSetWithoutFlows(int count, int seed)
    {
        var plain = RandomSet(count, seed);
        var (withFlows, mismatches) = AddFlows(plain, new Random(seed), allMatched: true);
        Assert.Equal(0, mismatches);
        var expected = Consolidator.Consolidate(2023, plain.Select(In));
        var actual = Consolidator.Consolidate(2023, withFlows.Select(In));
        Assert.NotEmpty(actual.Eliminations);
        Assert.All(actual.Eliminations, p => Assert.True(p.Matched));
        foreach (var layout in StandardLayouts.All)
        {
            var e = expected.Totals[layout.Id];
            var a = actual.Totals[layout.Id];
            foreach (var (key, values) in e.FixedRows) Assert.Equal(values, a.FixedRows[key]);
            Assert.Equal(e.Rows.Select(r => (r.Code, string.Join(",", r.Values))), a.Rows.Select(r => (r.Code, string.Join(",", r.Values))));
        }
    }

    [Fact]
    public void MismatchedPair_IsReported_WithBothAmountsAndTheDifference_AndTheSmallerIsEliminated()
    {
        var set = RandomSet(2, 31);
        var payer = Flows.Pay(set[0], set[1].DepartmentCode, subsidy: true, booked: 1_000_000, declared: 1_000_000);
        var receiver = Flows.Receive(set[1], set[0].DepartmentCode, subsidy: true, booked: 800_000, declared: 800_000);
        var result = Consolidator.Consolidate(2023, [In(payer), In(receiver)]);

        var pair = Assert.Single(result.Eliminations);
        Assert.Equal((InternalFlow.Subsidy, set[0].DepartmentCode, set[1].DepartmentCode), (pair.Flow, pair.PayerCode, pair.ReceiverCode));
        Assert.Equal(1_000_000, pair.PayerAmount);
        Assert.Equal(800_000, pair.ReceiverAmount);
        Assert.Equal(800_000, pair.Eliminated);
        Assert.Equal(200_000, pair.Difference);
        Assert.False(pair.Matched);
        Assert.Contains("相差 0.20 万元", pair.Message);
        Assert.Contains("按较小数 0.80 万元抵销", pair.Message);
        // The rest (200,000 分) stays in 对附属单位补助支出.
        var plain = Consolidator.Consolidate(2023, set.Select(In));
        Assert.Equal(plain.Totals["T3"].Fixed("total", "subsidyToSubsidiaries") + 200_000, result.Totals["T3"].Fixed("total", "subsidyToSubsidiaries"));
        Assert.Equal(plain.Totals["T2"].Fixed("total", "superiorSubsidy"), result.Totals["T2"].Fixed("total", "superiorSubsidy"));
    }

    [Fact]
    public void OneSidedDeclaration_IsAMismatch_WithNothingEliminated()
    {
        var set = RandomSet(2, 32);
        var payer = Flows.Pay(set[0], set[1].DepartmentCode, subsidy: false, booked: 500_000, declared: 500_000);
        var result = Consolidator.Consolidate(2023, [In(payer), In(set[1])]);
        var pair = Assert.Single(result.Eliminations);
        Assert.Equal((500_000L, 0L, 0L), (pair.PayerAmount, pair.ReceiverAmount, pair.Eliminated));
        Assert.Empty(result.Adjustments);
    }

    [Fact]
    public void FlowWithAUnitOutsideTheSet_IsNotEliminated()
    {
        var set = RandomSet(2, 33);
        var payer = Flows.Pay(set[0], "999999", subsidy: true, booked: 500_000, declared: 500_000);
        var result = Consolidator.Consolidate(2023, [In(payer), In(set[1])]);
        Assert.Empty(result.Eliminations);
        Assert.Empty(result.Adjustments);
    }

    [Fact]
    public void FlowToASubordinateInTheComposition_IsEliminatedAgainstTheUnitsOwnDeclaration()
    {
        // 教育局 covers 405002 in its composition and declares both sides: its own payment and 405002's receipt.
        var set = RandomSet(1, 34);
        var dept = set[0] with { Composition = new UnitComposition(set[0].Composition.Self, [new Unit("888802", "某中学", UnitType.PublicInstitution)]) };
        dept = Flows.Pay(dept, "888802", subsidy: true, booked: 300_000, declared: 300_000);
        dept = Flows.Receive(dept, dept.DepartmentCode, subsidy: true, booked: 300_000, declared: 300_000);
        dept = dept with { InternalTransfers = [dept.InternalTransfers[0], dept.InternalTransfers[1] with { UnitCode = "888802" }] };
        var result = Consolidator.Consolidate(2023, [In(dept)]);
        var pair = Assert.Single(result.Eliminations);
        Assert.True(pair.Matched);
        Assert.Equal(300_000, pair.Eliminated);
        Assert.Equal(Consolidator.Consolidate(2023, [In(set[0])]).Totals["T1"].Fixed("incomeTotal", "amount"), result.Totals["T1"].Fixed("incomeTotal", "amount"));
    }

    [Fact]
    public void UnitSubmittedSeparately_AndCoveredByItsDepartment_IsCountedOnce_AndReported()
    {
        var set = RandomSet(2, 35);
        var unitCode = set[1].DepartmentCode;
        var dept = set[0] with { Composition = new UnitComposition(set[0].Composition.Self, [new Unit(unitCode, "下属单位", UnitType.PublicInstitution)]) };
        var result = Consolidator.Consolidate(2023, [In(dept), In(set[1])]);
        Assert.Single(result.Included);
        var overlap = Assert.Single(result.Overlaps);
        Assert.Equal((unitCode, dept.DepartmentCode, unitCode), (overlap.UnitCode, overlap.CoveredBy, overlap.ExcludedSubmission));
        Assert.Equal(dept["T1"].Fixed("incomeTotal", "amount"), result.Totals["T1"].Fixed("incomeTotal", "amount"));
    }

    [Fact]
    public void Headlines_GroupUnitsUnderTheirRegisteredDepartment_WithInternalFlowsEliminated()
    {
        var set = RandomSet(2, 36);
        var dept = Flows.Pay(set[0], set[1].DepartmentCode, subsidy: true, booked: 400_000, declared: 400_000);
        var unit = Flows.Receive(set[1], set[0].DepartmentCode, subsidy: true, booked: 400_000, declared: 400_000);
        var hierarchy = new UnitHierarchy([new RegisteredDepartment(dept.DepartmentCode, "部门", UnitType.Administrative),
            new RegisteredDepartment(unit.DepartmentCode, "单位", UnitType.PublicInstitution, dept.DepartmentCode)]);
        var result = Consolidator.Consolidate(2023, [In(dept), In(unit)], hierarchy: hierarchy);
        var headline = Assert.Single(result.Headlines);
        Assert.Equal((dept.DepartmentCode, 2), (headline.DepartmentCode, headline.Submissions));
        Assert.Equal(set[0]["T1"].Fixed("incomeTotal", "amount") + set[1]["T1"].Fixed("incomeTotal", "amount"), headline.IncomeTotal);
        Assert.Equal(result.Totals["T1"].Fixed("expenditureTotal", "amount"), headline.ExpenditureTotal);
    }
}
