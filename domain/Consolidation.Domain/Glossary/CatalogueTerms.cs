using Consolidation.Domain.Classification;

namespace Consolidation.Domain.Glossary;

/// <summary>
/// The classification catalogues as glossary terms: one term per distinct name, carrying every code of that name with
/// its path (行政运行 is a 项 under many 款: "2010301 一般公共服务支出 > 政府办公厅（室）及相关机构事务 > 行政运行", …).
/// </summary>
public static class CatalogueTerms
{
    public const string FunctionSource = "支出功能分类科目（function-classification.csv）";
    public const string EconomicSource = "支出经济分类科目（economic-classification.csv）";

    /// <summary>Every code of the catalogues, by the normal form of its name, in catalogue order (function first).</summary>
    public static IReadOnlyDictionary<string, List<TermCode>> CodesByName(ClassificationCatalogue catalogue)
    {
        var byName = new Dictionary<string, List<TermCode>>();
        foreach (var (entry, classification) in catalogue.FunctionCodes.Select(e => (e, TermCode.Function))
                     .Concat(catalogue.EconomicCodes.Select(e => (e, TermCode.Economic))))
        {
            var key = TermText.Normalize(entry.Name);
            if (!byName.TryGetValue(key, out var codes)) byName[key] = codes = [];
            codes.Add(new TermCode(entry.Code, classification, entry.Level, PathOf(catalogue, entry, classification)));
        }
        return byName;
    }

    /// <summary>"2010301 一般公共服务支出 > 政府办公厅（室）及相关机构事务 > 行政运行": the code, then the names from its 类 down.</summary>
    public static string PathOf(ClassificationCatalogue catalogue, ClassificationEntry entry, string classification)
    {
        var names = new List<string> { entry.Name };
        for (var code = Codes.Parent(entry.Code); code.Length > 0; code = Codes.Parent(code))
        {
            var parent = classification == TermCode.Function ? catalogue.Function(code) : catalogue.Economic(code);
            names.Insert(0, parent?.Name ?? code);
        }
        return entry.Code + " " + string.Join(" > ", names);
    }

    /// <summary>The text a catalogue term is defined by: what kind of 科目 it is and where each of its codes sits.</summary>
    public static string DefinitionOf(string name, IReadOnlyList<TermCode> codes)
    {
        if (codes.Count == 1)
        {
            var c = codes[0];
            return $"支出{c.Classification}科目（{c.Level}级），科目编码 {c.Code}：{c.Path}。";
        }
        var kinds = string.Join("、", codes.Select(c => c.Classification + c.Level + "级").Distinct());
        var parents = codes.Select(c => c.Path.Split(" > ") is { Length: > 1 } names ? names[^2] : "（类级科目本身）").Distinct();
        return $"“{name}”是{codes.Count}个支出分类科目共用的名称（{kinds}），分属：{string.Join("、", parents)}。各科目的编码和上级科目见科目编码。";
    }

    public static string SourceOf(IReadOnlyList<TermCode> codes) =>
        string.Join("；", codes.Select(c => c.Classification == TermCode.Function ? FunctionSource : EconomicSource).Distinct());
}
