using Consolidation.Domain.Model;

namespace Consolidation.Synthetic;

/// <summary>
/// Random department profiles for property tests and benchmarks: drawn from the kinds of department the generator knows
/// (the twelve city departments and a few 事业单位 whose own unit is a 事业单位), placed in the city or one of its
/// counties and districts, with a random size, staff and precision. The same seed gives the same profiles.
/// </summary>
public static class RandomProfiles
{
    private static readonly string[] Places =
        ["岳阳市", "岳阳楼区", "云溪区", "君山区", "岳阳县", "华容县", "湘阴县", "平江县", "汨罗市", "临湘市"];

    /// <summary>Kinds of department whose own unit is a 事业单位.</summary>
    public static IReadOnlyList<DepartmentProfile> InstitutionKinds { get; } =
    [
        new()
        {
            Code = "420001", Name = "岳阳市机关事务服务中心", Type = UnitType.PublicInstitution, RunningItem = "2010350",
            ProjectItems = ["2010399", "2010303"], ScaleWanYuan = 2_800, Staffing = new(96, 91, 40),
        },
        new()
        {
            Code = "420101", Name = "岳阳市社会工作服务中心", Type = UnitType.PublicInstitution, RunningItem = "2013950",
            ProjectItems = ["2013999"], ScaleWanYuan = 420, Staffing = new(18, 17, 6), Precision = AmountPrecision.Yuan,
        },
        new()
        {
            Code = "420201", Name = "岳阳市人大常委会机关服务中心", Type = UnitType.PublicInstitution, RunningItem = "2010150",
            ProjectItems = ["2010102"], ScaleWanYuan = 600, Staffing = new(22, 21, 9),
            Subordinates = [new(new Unit("420202", "岳阳市人大代表联络服务站", UnitType.Administrative), "2010101")],
        },
    ];

    /// <summary>Every kind of profile: the twelve city departments and the 事业 kinds.</summary>
    public static IReadOnlyList<DepartmentProfile> Kinds { get; } = YueyangDepartments.Profiles.Concat(InstitutionKinds).ToList();

    /// <summary>The <paramref name="index"/>-th random profile, drawn from <paramref name="rng"/>; its code is 5xxxxx (index-based, unique).</summary>
    public static DepartmentProfile Create(int index, Random rng)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var kind = Kinds[rng.Next(Kinds.Count)];
        var place = Places[rng.Next(Places.Length)];
        var code = index < 500_000 ? (500_000 + index).ToString("D6") : (5_000_000_000L + index).ToString();
        // Counties and districts run smaller departments than the city.
        var factor = place == "岳阳市" ? rng.Next(500, 1801) : rng.Next(150, 701);
        var scale = Math.Max(50, kind.ScaleWanYuan * factor / 1000);
        var actual = Math.Max(3, kind.Staffing.Actual * factor / 1000);
        var staffing = new Staffing(actual + rng.Next(0, actual / 10 + 2), actual, actual * rng.Next(20, 51) / 100);
        var subordinates = new List<SubordinateProfile>();
        foreach (var sub in kind.Subordinates)
        {
            if (rng.Next(100) >= 60) continue;
            var subName = sub.Unit.Name.Replace("岳阳市", place); // 岳阳市第一中学 → 华容县第一中学
            subordinates.Add(sub with { Unit = sub.Unit with { Code = $"{code}{subordinates.Count + 2:D2}", Name = subName } });
        }
        return kind with
        {
            Code = code,
            Name = kind.Name.Replace("岳阳市", place),
            ScaleWanYuan = scale,
            Staffing = staffing,
            Precision = rng.Next(2) == 0 ? AmountPrecision.Yuan : AmountPrecision.WanYuan2,
            Subordinates = subordinates,
        };
    }

    /// <summary><paramref name="count"/> random profiles with the seeds to generate them with, all from <paramref name="seed"/>.</summary>
    public static IEnumerable<(DepartmentProfile Profile, int Seed)> Many(int count, int seed)
    {
        var rng = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var profile = Create(i, rng);
            yield return (profile, rng.Next());
        }
    }
}
