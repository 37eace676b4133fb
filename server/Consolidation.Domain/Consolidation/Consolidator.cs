using Consolidation.Domain.Classification;
using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;

namespace Consolidation.Domain.Consolidation;

/// <summary>The stored submission a consolidation was built from.</summary>
public sealed record SubmissionRef(string DepartmentCode, string DepartmentName, int Version, string ContentHash);

/// <summary>A department's headline figures in the consolidated disclosure (分).</summary>
public sealed record DepartmentHeadline(
    string DepartmentCode, string DepartmentName, int Version,
    long IncomeTotal, long ExpenditureTotal, long FiscalAppropriation, long ThreePublicActual, int StaffActual);

/// <summary>The city-level sum of a set of accepted accounts.</summary>
public sealed record ConsolidationResult(
    int FiscalYear, FinalAccounts Totals, IReadOnlyList<SubmissionRef> Included, IReadOnlyList<DepartmentHeadline> Headlines);

/// <summary>
/// 汇总: sums the accepted accounts of a year table by table, exactly in 分. Fixed rows add up column by column; coded
/// rows are merged by code (named from the catalogue when it knows the code) and ordered by code, so the result does
/// not depend on the order of the departments.
/// </summary>
public static class Consolidator
{
    public const string CityName = "全市汇总";

    public static ConsolidationResult Consolidate(int fiscalYear, IEnumerable<(SubmissionRef Ref, FinalAccounts Accounts)> inputs,
        ClassificationCatalogue? catalogue = null)
    {
        catalogue ??= ClassificationCatalogue.Default;
        var ordered = inputs.OrderBy(i => i.Ref.DepartmentCode, StringComparer.Ordinal).ToList();
        if (ordered.Any(i => i.Accounts.FiscalYear != fiscalYear))
            throw new ArgumentException($"every input must be of fiscal year {fiscalYear}", nameof(inputs));
        if (ordered.Select(i => i.Ref.DepartmentCode).Distinct().Count() != ordered.Count)
            throw new ArgumentException("a department may be included once", nameof(inputs));

        var tables = StandardLayouts.All.ToDictionary(l => l.Id, l => SumTable(l, ordered.Select(i => i.Accounts[l.Id]), catalogue));
        var units = ordered.SelectMany(i => new[] { i.Accounts.Composition.Self }.Concat(i.Accounts.Composition.Subordinates)).ToList();
        var totals = new FinalAccounts
        {
            DepartmentCode = "",
            DepartmentName = CityName,
            FiscalYear = fiscalYear,
            Precision = AmountPrecision.Yuan,
            Composition = new UnitComposition(new Unit("", CityName, UnitType.Other), units),
            Staffing = new Staffing(
                ordered.Sum(i => i.Accounts.Staffing.Authorized),
                ordered.Sum(i => i.Accounts.Staffing.Actual),
                ordered.Sum(i => i.Accounts.Staffing.Retired)),
            Tables = tables,
        };
        var headlines = ordered.Select(i => Headline(i.Ref, i.Accounts)).ToList();
        return new ConsolidationResult(fiscalYear, totals, ordered.Select(i => i.Ref).ToList(), headlines);
    }

    public static DepartmentHeadline Headline(SubmissionRef r, FinalAccounts a) => new(
        r.DepartmentCode, r.DepartmentName, r.Version,
        a["T1"].Fixed("incomeTotal", "amount"),
        a["T1"].Fixed("expenditureTotal", "amount"),
        a["T4"].Fixed("incomeCurrent", "total"),
        a["T7"].Fixed("total", "actual"),
        a.Staffing.Actual);

    private static Table SumTable(TableLayout layout, IEnumerable<Table> tables, ClassificationCatalogue catalogue)
    {
        var width = layout.Columns.Count;
        var fixedRows = layout.FixedRows.ToDictionary(r => r.Key, _ => new long[width]);
        var coded = new SortedDictionary<string, (string Name, long[] Values)>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            foreach (var (key, values) in table.FixedRows)
                Add(fixedRows[key], values);
            foreach (var row in table.Rows)
            {
                if (!coded.TryGetValue(row.Code, out var acc))
                {
                    var known = layout.Keying == RowKeying.Economic ? catalogue.Economic(row.Code) : catalogue.Function(row.Code);
                    acc = (known?.Name ?? row.Name, new long[width]);
                    coded[row.Code] = acc;
                }
                Add(acc.Values, row.Values);
            }
        }
        return new Table(layout, fixedRows, coded.Select(kv => new TableRow(kv.Key, kv.Value.Name, kv.Value.Values)).ToList());
    }

    private static void Add(long[] into, long[] values)
    {
        for (var i = 0; i < into.Length; i++) into[i] = checked(into[i] + values[i]);
    }
}
