using Consolidation.Domain.Model;

namespace Consolidation.Synthetic;

/// <summary>A sample department: its profile, the slug of its file name, and the seed its sample is generated with.</summary>
public sealed record SampleDepartment(DepartmentProfile Profile, string Slug, int Seed)
{
    public string FileName => $"{Profile.Code}-{Slug}.json";
}

/// <summary>
/// The twelve synthetic departments of 岳阳市 whose 2023 accounts are the repo's samples, and the registry of expected
/// departments (the twelve, the real seed department 431001 and one registered department with no sample, so that
/// coverage shows a missing department). Codes are chosen (4xx001, xx after the main function 类; 本级 001, 下属单位
/// 002…); names are the city's usual department names; every number is synthetic.
/// </summary>
public static class YueyangDepartments
{
    public const int FiscalYear = 2023;

    /// <summary>The seed of the first sample; sample i (from 0) uses BaseSeed + i.</summary>
    public const int BaseSeed = 20230001;

    private static Unit U(string code, string name, UnitType type = UnitType.PublicInstitution) => new(code, name, type);
    private static SubordinateProfile Sub(string code, string name, string basicItem, UnitType type = UnitType.PublicInstitution) => new(U(code, name, type), basicItem);
    private static Staffing Staff(int authorized, int actual, int retired) => new(authorized, actual, retired);

    public static IReadOnlyList<DepartmentProfile> Profiles { get; } =
    [
        new()
        {
            Code = "405001", Name = "岳阳市教育局", RunningItem = "2050101",
            ProjectItems = ["2050102", "2050201", "2050202", "2050203", "2050204"],
            Subordinates = [Sub("405002", "岳阳市第一中学", "2050204"), Sub("405003", "岳阳市第十四中学", "2050204"), Sub("405004", "岳阳市教育考试院", "2050102")],
            ScaleWanYuan = 60_000, Staffing = Staff(986, 951, 412), Precision = AmountPrecision.Yuan,
        },
        new()
        {
            Code = "410001", Name = "岳阳市卫生健康委员会", RunningItem = "2100101",
            ProjectItems = ["2100102", "2100408", "2100409"],
            Subordinates = [Sub("410002", "岳阳市疾病预防控制中心", "2100401")],
            ScaleWanYuan = 24_000, Staffing = Staff(312, 297, 118), Precision = AmountPrecision.Yuan,
        },
        new()
        {
            Code = "414001", Name = "岳阳市交通运输局", RunningItem = "2140101",
            ProjectItems = ["2140102", "2140104", "2140106"],
            Subordinates = [Sub("414002", "岳阳市公路建设养护中心", "2140106")],
            ScaleWanYuan = 18_000, Staffing = Staff(168, 157, 73), Precision = AmountPrecision.WanYuan2,
        },
        new()
        {
            Code = "413001", Name = "岳阳市农业农村局", RunningItem = "2130101",
            ProjectItems = ["2130102", "2130108", "2130109"],
            ScaleWanYuan = 12_000, Staffing = Staff(146, 139, 64), Precision = AmountPrecision.Yuan,
        },
        new()
        {
            Code = "412001", Name = "岳阳市住房和城乡建设局", RunningItem = "2120101",
            ProjectItems = ["2120102"],
            GovernmentFundItems = ["2120801", "2120803", "2121301"],
            ScaleWanYuan = 30_000, Staffing = Staff(118, 112, 51), Precision = AmountPrecision.Yuan,
        },
        new()
        {
            Code = "411001", Name = "岳阳市生态环境局", RunningItem = "2110101",
            ProjectItems = ["2110102", "2110301", "2110302"],
            Subordinates = [Sub("411002", "岳阳市生态环境局岳阳楼分局", "2110101", UnitType.Administrative), Sub("411003", "岳阳市生态环境监测中心", "2110102")],
            ScaleWanYuan = 5_200, Staffing = Staff(214, 203, 86), Precision = AmountPrecision.WanYuan2,
        },
        new()
        {
            Code = "406001", Name = "岳阳市科学技术局", RunningItem = "2060101",
            ProjectItems = ["2060503"],
            ScaleWanYuan = 330, Staffing = Staff(14, 13, 5), Precision = AmountPrecision.WanYuan2,
        },
        new()
        {
            Code = "407001", Name = "岳阳市文化旅游广电体育局", RunningItem = "2070101",
            ProjectItems = ["2070102", "2070205"],
            Subordinates = [Sub("407002", "岳阳市博物馆", "2070205")],
            ScaleWanYuan = 6_400, Staffing = Staff(132, 126, 58), Precision = AmountPrecision.WanYuan2,
        },
        new()
        {
            Code = "424001", Name = "岳阳市应急管理局", RunningItem = "2240101",
            ProjectItems = ["2240102"],
            ScaleWanYuan = 1_600, Staffing = Staff(62, 58, 21), Precision = AmountPrecision.WanYuan2,
        },
        new()
        {
            Code = "416001", Name = "岳阳市商务局", RunningItem = "2011301",
            ProjectItems = ["2011302", "2011399", "2169999"],
            Subordinates = [Sub("416002", "岳阳市商务事务中心", "2011350")],
            ScaleWanYuan = 1_250, Staffing = Staff(54, 51, 27), Precision = AmountPrecision.WanYuan2,
        },
        new()
        {
            Code = "408001", Name = "岳阳市人力资源和社会保障局", RunningItem = "2080101",
            ProjectItems = ["2080102", "2080705", "2080799"],
            Subordinates = [Sub("408002", "岳阳市社会保险服务中心", "2080109"), Sub("408003", "岳阳市公共就业服务中心", "2080111")],
            ScaleWanYuan = 9_000, Staffing = Staff(263, 249, 131), Precision = AmountPrecision.Yuan,
        },
        new()
        {
            Code = "401001", Name = "岳阳市财政局", RunningItem = "2010601",
            ProjectItems = ["2010602", "2010607", "2010608"],
            Subordinates = [Sub("401002", "岳阳市财政事务中心", "2010650")],
            ScaleWanYuan = 4_500, Staffing = Staff(181, 172, 104), Precision = AmountPrecision.Yuan,
        },
    ];

    private static readonly string[] Slugs =
    [
        "yueyang-education", "yueyang-health", "yueyang-transport", "yueyang-agriculture", "yueyang-housing",
        "yueyang-ecology", "yueyang-science", "yueyang-culture-tourism", "yueyang-emergency", "yueyang-commerce",
        "yueyang-human-resources", "yueyang-finance",
    ];

    /// <summary>The twelve samples with their file slugs and seeds (<see cref="BaseSeed"/> + i).</summary>
    public static IReadOnlyList<SampleDepartment> Samples(int baseSeed = BaseSeed) =>
        Profiles.Select((p, i) => new SampleDepartment(p, Slugs[i], baseSeed + i)).ToList();

    /// <summary>The real seed department, rebuilt by hand from its published disclosure (its file is not generated).</summary>
    public static readonly (string Code, string Name, UnitType Type) SeedDepartment = ("431001", "岳阳市人民政府口岸管理办公室", UnitType.Administrative);

    /// <summary>A registered department that has no sample file: coverage must show it missing.</summary>
    public static readonly (string Code, string Name, UnitType Type) MissingDepartment = ("401101", "岳阳市统计局", UnitType.Administrative);

    /// <summary>
    /// The registry of expected units (预算单位名录): the twelve with their 下属单位 (parent = the department), the seed
    /// department, the missing one; by code.
    /// </summary>
    public static IReadOnlyList<(string Code, string Name, UnitType Type, string Parent)> Registry() =>
        Profiles.Select(p => (p.Code, p.Name, p.Type, Parent: ""))
            .Concat(Profiles.SelectMany(p => p.Subordinates.Select(s => (s.Unit.Code, s.Unit.Name, s.Unit.Type, Parent: p.Code))))
            .Append((SeedDepartment.Code, SeedDepartment.Name, SeedDepartment.Type, ""))
            .Append((MissingDepartment.Code, MissingDepartment.Name, MissingDepartment.Type, ""))
            .OrderBy(d => d.Item1, StringComparer.Ordinal).ToList();
}
