using Consolidation.Domain.Consolidation;
using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;
using Consolidation.Tests.Support;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Domain;

public class ConsolidatorTests
{
    private static (SubmissionRef, FinalAccounts) Department(string code, FinalAccounts a) =>
        (new SubmissionRef(code, a.DepartmentName, 1, "hash-" + code), a with { DepartmentCode = code });

    /// <summary>A second department unlike the first: other codes, other amounts.</summary>
    private static FinalAccounts Other()
    {
        var a = Consistent();
        // Scale every amount of every table by 3: identities still hold exactly.
        var tables = a.Tables.ToDictionary(kv => kv.Key, kv => new Table(kv.Value.Layout,
            kv.Value.FixedRows.ToDictionary(r => r.Key, r => r.Value.Select(v => v * 3).ToArray()),
            kv.Value.Rows.Select(r => r with { Values = r.Values.Select(v => v * 3).ToArray() }).ToList()));
        return a with { DepartmentName = "另一个部门", Tables = tables, Staffing = new Staffing(10, 9, 2) };
    }

    [Fact]
    public void Consolidate_EveryCell_IsTheSumOfTheDepartments()
    {
        var a = Consistent();
        var b = Other();
        var result = Consolidator.Consolidate(2023, [Department("431001", a), Department("431002", b)]);
        foreach (var layout in StandardLayouts.All)
        {
            var total = result.Totals[layout.Id];
            foreach (var row in layout.FixedRows)
                for (var c = 0; c < layout.Columns.Count; c++)
                    Assert.Equal(a[layout.Id].FixedRows[row.Key][c] + b[layout.Id].FixedRows[row.Key][c], total.FixedRows[row.Key][c]);
            foreach (var row in total.Rows)
                for (var c = 0; c < layout.Columns.Count; c++)
                    Assert.Equal((a[layout.Id].FindRow(row.Code)?[c] ?? 0) + (b[layout.Id].FindRow(row.Code)?[c] ?? 0), row.Values[c]);
        }
        Assert.Equal(34, result.Totals.Staffing.Actual);
        Assert.Equal(AmountPrecision.Yuan, result.Totals.Precision);
        Assert.Equal(["431001", "431002"], result.Included.Select(i => i.DepartmentCode));
    }

    [Fact]
    public void Consolidate_MergesRowsByCode_AndOrdersThemByCode()
    {
        var a = Consistent();
        var t2 = a["T2"];
        // b lists its rows in reverse and has a row a lacks
        var extra = new TableRow("2050201", "学前教育", [Wan(5), Wan(5), 0, 0, 0, 0, 0]);
        var b = a.WithTable(new Table(t2.Layout, t2.FixedRows, t2.Rows.Reverse().Append(extra).ToList()));
        var result = Consolidator.Consolidate(2023, [Department("431002", b), Department("431001", a)]);
        var codes = result.Totals["T2"].Rows.Select(r => r.Code).ToList();
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.Equal(Wan(5), result.Totals["T2"].FindRow("2050201")![0]);
        Assert.Equal(2 * a.Cell("T2", "2010301", "total"), result.Totals["T2"].FindRow("2010301")![0]);
    }

    [Fact]
    public void Consolidate_OrderOfDepartments_DoesNotChangeTheResult()
    {
        var inputs = new[] { Department("431003", Other()), Department("431001", Consistent()), Department("431002", Seed()) };
        var one = Consolidator.Consolidate(2023, inputs);
        var two = Consolidator.Consolidate(2023, inputs.Reverse());
        foreach (var id in one.Totals.Tables.Keys)
        {
            Assert.Equal(one.Totals[id].Rows.Select(r => (r.Code, r.Name, string.Join(",", r.Values))),
                two.Totals[id].Rows.Select(r => (r.Code, r.Name, string.Join(",", r.Values))));
            Assert.Equal(one.Totals[id].FixedRows.Select(kv => kv.Key + string.Join(",", kv.Value)),
                two.Totals[id].FixedRows.Select(kv => kv.Key + string.Join(",", kv.Value)));
        }
        Assert.Equal(one.Included, two.Included);
    }

    [Fact]
    public void Consolidate_SameDepartmentTwice_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Consolidator.Consolidate(2023, [Department("431001", Seed()), Department("431001", Seed())]));

    [Fact]
    public void Consolidate_OtherYear_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Consolidator.Consolidate(2024, [Department("431001", Seed())]));

    [Fact]
    public void Coverage_NamesAcceptedPendingRejectedAndMissing()
    {
        var registry = new[]
        {
            new RegisteredDepartment("431001", "口岸办", UnitType.Administrative),
            new RegisteredDepartment("431002", "统计局", UnitType.Administrative),
            new RegisteredDepartment("431003", "教育局", UnitType.Administrative),
            new RegisteredDepartment("431004", "卫健委", UnitType.Administrative),
        };
        var filings = new[]
        {
            new DepartmentFiling("431001", "口岸办", 2, Consolidation.Domain.Rules.SubmissionStatus.Rejected, 1),
            new DepartmentFiling("431003", "教育局", 1, Consolidation.Domain.Rules.SubmissionStatus.PendingExplanation, 0),
            new DepartmentFiling("431004", "卫健委", 3, Consolidation.Domain.Rules.SubmissionStatus.Rejected, 0),
            new DepartmentFiling("439999", "未登记单位", 1, Consolidation.Domain.Rules.SubmissionStatus.Accepted, 1),
        };
        var report = CoverageReport.Compute(2023, registry, filings);
        Assert.Equal(4, report.ExpectedCount);
        var byCode = report.Departments.ToDictionary(d => d.Code);
        Assert.Equal(CoverageState.Accepted, byCode["431001"].State);  // v2 rejected, v1 still accepted and used
        Assert.Equal(1, byCode["431001"].AcceptedVersion);
        Assert.Equal(CoverageState.Missing, byCode["431002"].State);
        Assert.Equal(CoverageState.PendingExplanation, byCode["431003"].State);
        Assert.Equal(CoverageState.Rejected, byCode["431004"].State);
        Assert.False(byCode["439999"].Registered);
        Assert.Equal(1, report.Count(CoverageState.Missing));
    }
}
