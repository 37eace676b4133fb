using Consolidation.Domain.Consolidation;
using Consolidation.Domain.Model;
using Consolidation.Synthetic;
using Consolidation.Tests.Support;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Domain;

/// <summary>
/// 汇总 streamed (issue 15): the accounts are read once, one at a time, and let go once their tables are summed — a
/// province-scale year needs memory for the digests, not the accounts — with the same result as before in any order,
/// and sums that cannot overflow on the way.
/// </summary>
public sealed class StreamedConsolidationTests
{
    private static (SubmissionRef, FinalAccounts) In(FinalAccounts a) => (new SubmissionRef(a.DepartmentCode, a.DepartmentName, 1, "h" + a.DepartmentCode), a);

    private static List<FinalAccounts> RandomSet(int count, int seed) =>
        RandomProfiles.Many(count, seed).Select(p => SyntheticAccounts.Generate(p.Profile, p.Seed)).ToList();

    /// <summary>A sequence that counts how often it is read, as a read from storage would be.</summary>
    private sealed class CountingSource(IReadOnlyList<FinalAccounts> accounts)
    {
        public int Reads { get; private set; }

        public IEnumerable<(SubmissionRef, FinalAccounts)> Items()
        {
            Reads++;
            foreach (var a in accounts) yield return In(a);
        }
    }

    [Fact]
    public void TheInputs_AreReadOnce_WhenNoSubmissionIsLeftOut()
    {
        var source = new CountingSource(RandomSet(30, 151));
        var result = Consolidator.Consolidate(2023, source.Items());
        Assert.Equal(1, source.Reads);
        Assert.Equal(30, result.Included.Count);
    }

    [Fact]
    public void ASubmissionLeftOut_ForACoverageOverlap_IsSummedNeitherInTheFirstReadNorTheSecond()
    {
        var set = RandomSet(5, 152);
        var unit = set[3];
        set[1] = set[1] with { Composition = set[1].Composition with { Subordinates = [new Unit(unit.DepartmentCode, "下属单位", UnitType.PublicInstitution)] } };
        var source = new CountingSource(set);
        var result = Consolidator.Consolidate(2023, source.Items());
        Assert.Equal(2, source.Reads);
        Assert.DoesNotContain(result.Included, r => r.DepartmentCode == unit.DepartmentCode);
        var without = Consolidator.Consolidate(2023, set.Where(a => a != unit).Select(In));
        foreach (var (id, table) in without.Totals.Tables)
        {
            Assert.Equal(table.FixedRows.Select(r => (r.Key, string.Join(",", r.Value))), result.Totals[id].FixedRows.Select(r => (r.Key, string.Join(",", r.Value))));
            Assert.Equal(table.Rows.Select(r => (r.Code, r.Name, string.Join(",", r.Values))), result.Totals[id].Rows.Select(r => (r.Code, r.Name, string.Join(",", r.Values))));
        }
    }

    [Fact]
    public void EachSubmissionsAccounts_AreLetGo_OnceItsTablesAreSummed()
    {
        // The digest keeps a submission's units, flows, staffing and headline figures, never its accounts: by the time
        // the consolidation asks for the next submission, nothing holds the ones before it (what a 100,000-unit year needs).
        var set = RandomSet(40, 153);
        var handed = new List<WeakReference<FinalAccounts>>();
        var stillHeld = new List<int>();
        IEnumerable<(SubmissionRef, FinalAccounts)> Fresh()
        {
            for (var i = 0; i < set.Count; i++)
            {
                if (i >= 3)
                {
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true);
                    GC.WaitForPendingFinalizers();
                    if (handed[i - 3].TryGetTarget(out _)) stillHeld.Add(i - 3);
                }
                var copy = Flows.Copy(set[i]); // a new object each time, as a decode from storage makes
                handed.Add(new WeakReference<FinalAccounts>(copy));
                yield return In(copy);
            }
        }
        var result = Consolidator.Consolidate(2023, Fresh());
        Assert.Equal(40, result.Included.Count);
        Assert.Empty(stillHeld);
    }

    [Fact]
    public void TheResult_DoesNotDependOnTheOrderTheSubmissionsArrive()
    {
        var set = RandomSet(25, 154);
        // A row the catalogue does not know, named differently by two departments: the lower code names it.
        var unknown = new TableRow("2999999", "甲的名称", [100, 100, 0, 0, 0, 0, 0]);
        set[4] = set[4].WithTable(new Table(set[4]["T2"].Layout, set[4]["T2"].FixedRows, set[4]["T2"].Rows.Append(unknown).ToList()));
        set[9] = set[9].WithTable(new Table(set[9]["T2"].Layout, set[9]["T2"].FixedRows, set[9]["T2"].Rows.Append(unknown with { Name = "乙的名称" }).ToList()));
        var lower = string.CompareOrdinal(set[4].DepartmentCode, set[9].DepartmentCode) < 0 ? "甲的名称" : "乙的名称";
        string Fingerprint(IEnumerable<FinalAccounts> order)
        {
            var d = DisclosureBuilder.Build(new DisclosureInputs(2023, "", order.Select(In),
                set.Select(a => new RegisteredDepartment(a.DepartmentCode, a.DepartmentName, a.Composition.Self.Type)).ToList(), []));
            Assert.Equal(lower, d.Totals["T2"].Rows.Single(r => r.Code == "2999999").Name);
            return Consolidation.Server.Services.ContractEncoding.Instance.ContentHash(d);
        }
        var forward = Fingerprint(set);
        Assert.Equal(forward, Fingerprint(Enumerable.Reverse(set)));
        Assert.Equal(forward, Fingerprint(set.OrderBy(a => a.DepartmentName.GetHashCode(StringComparison.Ordinal))));
    }

    [Fact]
    public void Sums_CannotOverflowOnTheWay_OnlyATotalBeyondALongIsRefused()
    {
        // +M, +M, −M, −M: a running long overflows at the second add; the total, 0, is what counts.
        var m = long.MaxValue / 2 + 1;
        var a = Consistent();
        FinalAccounts Unit(int i, long amount) => a.WithCell("T1", "otherIncome", "amount", amount) with
        {
            DepartmentCode = $"{700000 + i}",
            Composition = a.Composition with { Self = a.Composition.Self with { Code = $"{700000 + i}" }, Subordinates = [] },
        };
        var totals = Consolidator.Consolidate(2023, new[] { Unit(0, m), Unit(1, m), Unit(2, -m), Unit(3, -m) }.Select(In)).Totals;
        Assert.Equal(0, totals.Cell("T1", "otherIncome", "amount"));
        // +M, +M, −M+1, +M: the total, 2M + 1, is beyond a long whatever the order.
        Assert.Throws<OverflowException>(() => Consolidator.Consolidate(2023, new[] { Unit(0, m), Unit(1, m), Unit(2, -m + 1), Unit(3, m) }.Select(In)));
    }
}
