using Consolidation.Domain.Classification;
using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;

namespace Consolidation.Domain.Rules;

/// <summary>The coded rows of every table whose code has the right shape and a known 类 (DM-01 / DM-02 judge the others).</summary>
internal static class CatalogueRows
{
    public static IEnumerable<(Table Table, TableRow Row, ClassificationEntry? Entry)> Of(FinalAccounts accounts, ClassificationCatalogue catalogue)
    {
        foreach (var layout in StandardLayouts.All)
        {
            if (!layout.HasCodedRows || !accounts.Tables.TryGetValue(layout.Id, out var table)) continue;
            var economic = layout.Keying == RowKeying.Economic;
            foreach (var row in table.Rows)
            {
                var level = Cells.Level(layout, row.Code);
                if (level == 0) continue;
                var classCode = row.Code.AsSpan(0, 3);
                if ((economic ? catalogue.Economic(classCode) : catalogue.Function(classCode)) is null) continue;
                yield return (table, row, economic ? catalogue.Economic(row.Code) : catalogue.Function(row.Code));
            }
        }
    }

    /// <summary>Where a finding on a row's code points: the row, column 编码.</summary>
    public static CellLocation Locate(Table table, TableRow row) =>
        new(table.Id, row.Code, "code", table.Layout.Name, $"{row.Code} {row.Name}", "编码");

    /// <summary>Names compared as printed: full- and half-width brackets alike, spaces ignored.</summary>
    public static string Normalize(string name)
    {
        var chars = new char[name.Length];
        var n = 0;
        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c)) continue;
            chars[n++] = c switch { '(' => '（', ')' => '）', '[' => '【', ']' => '】', ',' => '，', _ => c };
        }
        return new string(chars, 0, n);
    }
}
