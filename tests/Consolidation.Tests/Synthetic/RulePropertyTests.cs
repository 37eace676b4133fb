using Consolidation.Domain.Checking;
using Consolidation.Domain.Model;
using Consolidation.Domain.Rules;
using Consolidation.Synthetic;
using Consolidation.Tests.Support;

namespace Consolidation.Tests.Synthetic;

/// <summary>
/// Property: for random consistent accounts (both precisions) the checks find nothing 强制性; moving any one cell —
/// random table, row, column — by more than any tolerance it takes part in gives at least one 强制性 finding that
/// names that cell's table.
/// </summary>
public class RulePropertyTests
{
    private const int Departments = 60;
    private const int MutationsPerDepartment = 20;

    [Fact]
    public void RandomConsistentAccounts_NoMandatoryFinding_AndAnyOneCellMoved_IsCaughtInItsTable()
    {
        var rng = new Random(20231231);
        var checkedCells = 0;
        var precisions = new HashSet<AmountPrecision>();
        foreach (var (profile, seed) in RandomProfiles.Many(Departments, 7))
        {
            var accounts = SyntheticAccounts.Generate(profile, seed);
            precisions.Add(accounts.Precision);
            var clean = AccountsChecker.Standard.Check(accounts);
            Assert.True(clean.MandatoryCount == 0,
                $"{profile.Code} seed {seed}: {string.Join("; ", clean.Findings.Where(f => f.Severity == Severity.Mandatory).Select(f => f.Message))}");

            var tables = accounts.Tables.Values.ToList();
            for (var i = 0; i < MutationsPerDepartment; i++)
            {
                var table = tables[rng.Next(tables.Count)];
                var rows = table.FixedRows.Keys.Concat(table.Rows.Select(r => r.Code)).ToList();
                var row = rows[rng.Next(rows.Count)];
                var column = table.Layout.Columns[rng.Next(table.Layout.Columns.Count)].Key;
                // More than the largest tolerance the cell can meet: (rows of the table + 10) half-steps, on the grid.
                var step = Money.Granularity(accounts.Precision);
                var delta = (rows.Count + 10) * Money.HalfStep(accounts.Precision) / step * step + step * rng.Next(1, 1000);
                var value = accounts.Cell(table.Id, row, column);
                var moved = value >= delta && rng.Next(2) == 0 ? value - delta : value + delta;
                var result = AccountsChecker.Standard.Check(accounts.WithCell(table.Id, row, column, moved));
                Assert.True(result.Findings.Any(f => f.Severity == Severity.Mandatory && f.Location.Table == table.Id),
                    $"{profile.Code} seed {seed} ({accounts.Precision}): {table.Id}/{row}/{column} {value} → {moved} 分 was not caught in {table.Id}; " +
                    $"findings: {string.Join("; ", result.Findings.Select(f => $"{f.RuleId} {f.Location.Text}"))}");
                checkedCells++;
            }
        }
        Assert.Equal([AmountPrecision.Yuan, AmountPrecision.WanYuan2], precisions.Order());
        Assert.Equal(Departments * MutationsPerDepartment, checkedCells);
    }
}
