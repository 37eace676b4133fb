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

/// <summary>
/// 提示性: a 款 or 项 code that the classification catalogue does not list. The catalogue is partial, so this is a
/// question, not an error. Reported once per code, at the first table that lists it.
/// </summary>
public sealed class UncataloguedCodeRule(RuleInfo info, ClassificationCatalogue catalogue) : IRule
{
    public RuleInfo Info { get; } = info;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (table, row, entry) in CatalogueRows.Of(context.Accounts, catalogue))
        {
            if (entry is not null || row.Code.Length == 3) continue;
            var economic = table.Layout.Keying == RowKeying.Economic;
            if (!seen.Add((economic ? "E" : "F") + row.Code)) continue;
            var where = CatalogueRows.Locate(table, row);
            var level = Codes.LevelName(Cells.Level(table.Layout, row.Code));
            yield return new Finding(Info.Id, Info.Severity, Info.Category, where, 0, 0, 0,
                $"{where.Display}：{level}级编码“{row.Code}”（{row.Name}）不在{(economic ? "部门预算支出经济分类" : "支出功能分类")}科目目录中。" +
                $"请核对编码；如为目录未收录的有效科目，请在报送时附出错说明（规则 {Info.Id}，位置 {where.Text}）。");
        }
    }
}

/// <summary>
/// 提示性: a row whose name differs from the catalogue's name for its code (full- and half-width brackets and spaces
/// are not differences). Reported once per code and name.
/// </summary>
public sealed class CatalogueNameRule(RuleInfo info, ClassificationCatalogue catalogue) : IRule
{
    public RuleInfo Info { get; } = info;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (table, row, entry) in CatalogueRows.Of(context.Accounts, catalogue))
        {
            if (entry is null || row.Name == entry.Name || CatalogueRows.Normalize(row.Name) == CatalogueRows.Normalize(entry.Name)) continue;
            if (!seen.Add(row.Code + "\u0001" + row.Name)) continue;
            var where = CatalogueRows.Locate(table, row);
            yield return new Finding(Info.Id, Info.Severity, Info.Category, where, 0, 0, 0,
                $"{where.Display}：编码 {row.Code} 的科目名称应为“{entry.Name}”，填报为“{row.Name}”。" +
                $"请按科目目录改正名称；如名称无误，请附出错说明（规则 {Info.Id}，位置 {where.Text}）。");
        }
    }
}
