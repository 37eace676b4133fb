using Consolidation.Domain.Classification;

namespace Consolidation.Synthetic;

/// <summary>
/// Names of the classification codes the generator uses. Every name comes from the reference catalogue
/// (<see cref="ClassificationCatalogue.Default"/>) when the catalogue has the code. The catalogue is partial; the few
/// 2023 政府收支分类科目 codes a realistic department needs and the catalogue lacks (人社 20801/20807, 公共卫生 21004,
/// 污染防治 21103, the 政府性基金 款 21208/21213, …) are listed in <see cref="Supplement"/> with their official names, and
/// a file that uses one says so in its provenance notes.
/// </summary>
public static class FunctionNames
{
    private static readonly ClassificationCatalogue Catalogue = ClassificationCatalogue.Reference;

    /// <summary>Function codes not in the partial reference catalogue, with their names in the 2023 classification.</summary>
    public static IReadOnlyDictionary<string, string> Supplement { get; } = new Dictionary<string, string>
    {
        ["2010650"] = "事业运行",
        ["2070205"] = "博物馆",
        ["20702"] = "文物",
        ["20801"] = "人力资源和社会保障管理事务",
        ["2080101"] = "行政运行",
        ["2080102"] = "一般行政管理事务",
        ["2080109"] = "社会保险经办机构",
        ["2080111"] = "公共就业服务和职业技能鉴定机构",
        ["20807"] = "就业补助",
        ["2080705"] = "公益性岗位补贴",
        ["2080799"] = "其他就业补助支出",
        ["21004"] = "公共卫生",
        ["2100401"] = "疾病预防控制机构",
        ["2100408"] = "基本公共卫生服务",
        ["2100409"] = "重大公共卫生服务",
        ["21103"] = "污染防治",
        ["2110301"] = "大气",
        ["2110302"] = "水体",
        ["21208"] = "国有土地使用权出让收入安排的支出",
        ["2120801"] = "征地和拆迁补偿支出",
        ["2120803"] = "城市建设支出",
        ["21213"] = "城市基础设施配套费安排的支出",
        ["2121301"] = "城市公共设施",
        ["2130108"] = "病虫害控制",
        ["2130109"] = "农产品质量安全",
        ["2140104"] = "公路建设",
        ["2140106"] = "公路养护",
    };

    /// <summary>The printed name of a function code (类, 款 or 项).</summary>
    public static string Function(string code) =>
        Catalogue.Function(code)?.Name
        ?? (Supplement.TryGetValue(code, out var name) ? name : throw new ArgumentException($"function code {code} is neither in the catalogue nor in the supplement", nameof(code)));

    /// <summary>Whether the code's name comes from the supplement rather than the reference catalogue.</summary>
    public static bool IsSupplementary(string code) => Catalogue.Function(code) is null && Supplement.ContainsKey(code);

    /// <summary>Whether the generator can name the code.</summary>
    public static bool IsKnown(string code) => Catalogue.Function(code) is not null || Supplement.ContainsKey(code);

    /// <summary>The printed name of an economic code (类 or 款); every economic code used is in the catalogue.</summary>
    public static string Economic(string code) =>
        Catalogue.Economic(code)?.Name ?? throw new ArgumentException($"economic code {code} is not in the catalogue", nameof(code));
}
