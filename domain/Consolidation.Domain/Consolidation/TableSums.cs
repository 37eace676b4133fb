using Consolidation.Domain.Classification;
using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;

namespace Consolidation.Domain.Consolidation;

/// <summary>
/// The nine tables of a set of accounts summed as they are read, one submission at a time: every cell in 128 bits, so
/// that no order of adding can overflow on the way (a 100,000-unit year at the per-cell cap is far inside), and brought
/// back to 分 in a <c>long</c> once, checked, by <see cref="ToTables"/>. Coded rows are merged by code and named from
/// the catalogue, or, for a code it does not know, by the lowest-coded submission that has the row — so the name does
/// not depend on the order of the inputs either.
/// </summary>
internal sealed class TableSums(ClassificationCatalogue catalogue)
{
    private sealed class CodedRow(string name, string namedBy, int width)
    {
        public string Name = name;
        public string NamedBy = namedBy;
        public readonly Int128[] Values = new Int128[width];
    }

    private sealed class Sum(TableLayout layout)
    {
        public readonly TableLayout Layout = layout;
        public readonly Dictionary<string, Int128[]> Fixed = layout.FixedRows.ToDictionary(r => r.Key, _ => new Int128[layout.Columns.Count]);
        public readonly Dictionary<string, CodedRow> Coded = new(StringComparer.Ordinal);
    }

    private readonly Dictionary<string, Sum> _tables = StandardLayouts.All.ToDictionary(l => l.Id, l => new Sum(l));

    /// <summary>Adds one submission's nine tables.</summary>
    public void Add(string departmentCode, FinalAccounts accounts)
    {
        foreach (var sum in _tables.Values)
        {
            var table = accounts[sum.Layout.Id];
            foreach (var (key, values) in table.FixedRows)
                AddInto(sum.Fixed[key], values);
            foreach (var row in table.Rows)
            {
                if (!sum.Coded.TryGetValue(row.Code, out var acc))
                {
                    var known = sum.Layout.Keying == RowKeying.Economic ? catalogue.Economic(row.Code) : catalogue.Function(row.Code);
                    sum.Coded[row.Code] = acc = new CodedRow(known?.Name ?? row.Name, known is null ? departmentCode : "", sum.Layout.Columns.Count);
                }
                else if (acc.NamedBy.Length > 0 && string.CompareOrdinal(departmentCode, acc.NamedBy) < 0)
                {
                    acc.Name = row.Name; // a code the catalogue does not know: named as the lowest-coded submission names it
                    acc.NamedBy = departmentCode;
                }
                AddInto(acc.Values, row.Values);
            }
        }
    }

    /// <summary>The summed tables in 分; <see cref="OverflowException"/> when a total is beyond a long.</summary>
    public Dictionary<string, Table> ToTables() => _tables.ToDictionary(kv => kv.Key, kv =>
    {
        var sum = kv.Value;
        return new Table(sum.Layout,
            sum.Fixed.ToDictionary(f => f.Key, f => ToFen(f.Value)),
            sum.Coded.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new TableRow(c.Key, c.Value.Name, ToFen(c.Value.Values))).ToList());
    });

    private static void AddInto(Int128[] into, long[] values)
    {
        for (var i = 0; i < into.Length; i++) into[i] += values[i];
    }

    private static long[] ToFen(Int128[] values)
    {
        var fen = new long[values.Length];
        for (var i = 0; i < values.Length; i++) fen[i] = checked((long)values[i]);
        return fen;
    }
}
