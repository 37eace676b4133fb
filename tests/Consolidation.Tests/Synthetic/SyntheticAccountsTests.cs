using System.Text.Json;
using Consolidation.Domain.Checking;
using Consolidation.Domain.Files;
using Consolidation.Domain.Model;
using Consolidation.Domain.Rules;
using Consolidation.Domain.Validation;
using Consolidation.Synthetic;

namespace Consolidation.Tests.Synthetic;

public sealed class SyntheticAccountsTests
{
    private const string SeedDepartmentCode = "431001";

    public static TheoryData<int, AmountPrecision> KindsAndPrecisions()
    {
        var data = new TheoryData<int, AmountPrecision>();
        for (var kind = 0; kind < RandomProfiles.Kinds.Count; kind++)
        {
            data.Add(kind, AmountPrecision.Yuan);
            data.Add(kind, AmountPrecision.WanYuan2);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndPrecisions))]
    public void Every_kind_in_both_precisions_is_valid_and_checks_clean_for_many_seeds(int kind, AmountPrecision precision)
    {
        var profile = RandomProfiles.Kinds[kind] with { Precision = precision };
        for (var seed = 1; seed <= 40; seed++)
            AssertClean(SyntheticAccounts.Generate(profile, seed * 7919 + kind), $"{profile.Name} {precision} seed {seed * 7919 + kind}");
    }

    [Fact]
    public void Random_profiles_are_valid_and_check_clean()
    {
        foreach (var (profile, seed) in RandomProfiles.Many(600, 42))
            AssertClean(SyntheticAccounts.Generate(profile, seed), $"{profile.Code} {profile.Name} seed {seed}");
    }

    [Fact]
    public void Wan_yuan_accounts_have_every_amount_on_the_0_01_wan_yuan_grid_and_yuan_accounts_have_tails()
    {
        var profile = YueyangDepartments.Profiles[0];
        var wan = SyntheticAccounts.Generate(profile with { Precision = AmountPrecision.WanYuan2 }, 3);
        Assert.All(AllAmounts(wan), fen => Assert.Equal(0, fen % 10_000));
        var yuan = SyntheticAccounts.Generate(profile with { Precision = AmountPrecision.Yuan }, 3);
        Assert.Contains(AllAmounts(yuan), fen => fen % 10_000 != 0);
    }

    [Fact]
    public void The_invariants_hold_the_identities_exactly_where_the_check_allows_a_rounding_tail()
    {
        // One 0.01 万元 moved between two 类 of T1: the check takes it as a 尾差 of the T1 total (信息, accepted), the
        // invariants — the same identities, applied exactly — name the broken equality.
        var accounts = SyntheticAccounts.Generate(YueyangDepartments.Profiles[0] with { Precision = AmountPrecision.WanYuan2 }, 3);
        var t1 = accounts["T1"];
        var rows = t1.Rows.ToList();
        rows[0] = rows[0] with { Values = [rows[0].Values[0] + 10_000] };
        var shifted = accounts with { Tables = new Dictionary<string, Table>(accounts.Tables) { ["T1"] = new Table(t1.Layout, t1.FixedRows, rows) } };

        var result = AccountsChecker.Standard.Check(shifted);
        Assert.DoesNotContain(result.Findings, f => f.Severity == Severity.Mandatory);
        Assert.Contains(result.Findings, f => f.RuleId == "WC-01");
        var broken = Invariants.Check(shifted);
        Assert.Contains(broken, b => b.Contains("不精确成立 BN-T1-03"));
        Assert.Empty(Invariants.Check(accounts));
    }

    [Fact]
    public void The_housing_department_has_government_fund_activity_consistent_across_T1_T4_T8()
    {
        var housing = YueyangDepartments.Profiles.Single(p => p.Code == "412001");
        var accounts = SyntheticAccounts.Generate(housing, 11);
        var t8 = accounts["T8"];
        Assert.NotEmpty(t8.Rows);
        Assert.True(t8.Fixed("total", "expenditureTotal") > 0);
        Assert.Equal(t8.Fixed("total", "income"), accounts["T1"].Fixed("governmentFundAppropriation", "amount"));
        Assert.Equal(t8.Fixed("total", "openingBalance"), accounts["T4"].Fixed("incomeOpening", "governmentFund"));
        Assert.Equal(t8.Fixed("total", "closingBalance"), accounts["T4"].Fixed("closingBalance", "governmentFund"));
        Assert.All(accounts["T9"].FixedRows.Values.SelectMany(v => v), fen => Assert.Equal(0, fen));
    }

    [Fact]
    public void Every_sample_except_the_seed_reads_and_checks_clean_and_says_it_is_synthetic()
    {
        var files = SampleFiles().Where(f => !Path.GetFileName(f).StartsWith(SeedDepartmentCode, StringComparison.Ordinal)).ToList();
        Assert.Equal(12, files.Count);
        foreach (var file in files)
        {
            var accounts = SubmissionFile.Read(file);
            AssertClean(accounts, Path.GetFileName(file));
            Assert.StartsWith(accounts.DepartmentCode + "-", Path.GetFileName(file));
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var provenance = json.RootElement.GetProperty("provenance");
            Assert.True(provenance.GetProperty("synthetic").GetBoolean(), file);
            Assert.Contains(provenance.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("seed", StringComparison.Ordinal));
        }
        Assert.Contains(files, f => SubmissionFile.Read(f).Precision == AmountPrecision.Yuan);
        Assert.Contains(files, f => SubmissionFile.Read(f).Precision == AmountPrecision.WanYuan2);
        Assert.Contains(files, f => SubmissionFile.Read(f).Composition.Subordinates.Count > 0);
    }

    [Fact]
    public void The_committed_samples_are_what_the_generator_makes_now()
    {
        var dir = SamplesDirectory();
        foreach (var sample in YueyangDepartments.Samples())
        {
            var accounts = SyntheticAccounts.Generate(sample.Profile, sample.Seed, YueyangDepartments.FiscalYear);
            var expected = SampleWriter.Write(sample.Profile, sample.Seed, accounts);
            var actual = File.ReadAllText(Path.Combine(dir, sample.FileName)).ReplaceLineEndings("\n");
            Assert.True(expected == actual, $"{sample.FileName} differs from the generator's output: run `dotnet run --project tools/Consolidation.Synthetic -- samples samples/2023`");
        }
        Assert.Equal(SampleWriter.RegistryCsv(), File.ReadAllText(Path.Combine(dir, "registry.csv")).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_registry_lists_the_samples_their_units_the_seed_department_and_one_department_without_a_file()
    {
        var dir = SamplesDirectory();
        var lines = File.ReadAllLines(Path.Combine(dir, "registry.csv"));
        Assert.Equal("code,name,parent,type", lines[0].TrimStart('\uFEFF'));
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        var codes = rows.Select(r => r[0]).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        var departments = rows.Where(r => r[2].Length == 0).Select(r => r[0]).ToList();
        Assert.Equal(14, departments.Count);
        var filed = SampleFiles().Select(f => Path.GetFileName(f).Split('-')[0]).ToHashSet();
        Assert.Contains(SeedDepartmentCode, departments);
        Assert.Single(departments, c => !filed.Contains(c));
        Assert.All(filed, c => Assert.Contains(c, departments));
        // Every 下属单位 a sample's composition names is registered under that sample's department, and nothing else is.
        var units = SampleFiles().SelectMany(f => { var a = SubmissionFile.Read(f); return a.Composition.Subordinates.Select(u => (u.Code, Parent: a.DepartmentCode)); }).ToHashSet();
        Assert.Equal(units, rows.Where(r => r[2].Length > 0).Select(r => (r[0], r[2])).ToHashSet());
    }

    [Fact]
    public void The_same_seed_gives_the_same_accounts_and_another_seed_different_ones()
    {
        foreach (var profile in RandomProfiles.Kinds)
        {
            var first = SubmissionFileWriter.Write(SyntheticAccounts.Generate(profile, 123));
            var again = SubmissionFileWriter.Write(SyntheticAccounts.Generate(profile, 123));
            var other = SubmissionFileWriter.Write(SyntheticAccounts.Generate(profile, 124));
            Assert.Equal(first, again);
            Assert.NotEqual(first, other);
        }
        var many = RandomProfiles.Many(50, 9).Select(x => SubmissionFileWriter.Write(SyntheticAccounts.Generate(x.Profile, x.Seed)));
        var manyAgain = RandomProfiles.Many(50, 9).Select(x => SubmissionFileWriter.Write(SyntheticAccounts.Generate(x.Profile, x.Seed)));
        Assert.Equal(many, manyAgain);
    }

    [Fact]
    public void A_written_file_reads_back_to_equal_accounts()
    {
        foreach (var sample in YueyangDepartments.Samples())
        {
            foreach (var precision in new[] { AmountPrecision.Yuan, AmountPrecision.WanYuan2 })
            {
                var profile = sample.Profile with { Precision = precision };
                var accounts = SyntheticAccounts.Generate(profile, sample.Seed);
                var back = SubmissionFile.Parse(SampleWriter.Write(profile, sample.Seed, accounts), sample.FileName);
                AssertSameAccounts(accounts, back);
            }
        }
    }

    [Fact]
    public void Profiles_name_every_code_and_the_samples_have_distinct_codes_and_a_wide_range_of_sizes()
    {
        Assert.All(RandomProfiles.Kinds, p => Assert.Empty(p.Problems()));
        var codes = YueyangDepartments.Profiles.Select(p => p.Code).ToList();
        Assert.Equal(12, codes.Count);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.DoesNotContain(SeedDepartmentCode, codes);
        Assert.InRange(YueyangDepartments.Profiles.Min(p => p.ScaleWanYuan), 200, 500);
        Assert.InRange(YueyangDepartments.Profiles.Max(p => p.ScaleWanYuan), 50_000, 70_000);
        Assert.Throws<ArgumentException>(() => SyntheticAccounts.Generate(YueyangDepartments.Profiles[0] with { ProjectItems = [] }, 1));
        Assert.Throws<ArgumentException>(() => SyntheticAccounts.Generate(YueyangDepartments.Profiles[0] with { RunningItem = "2999999" }, 1));
    }

    [Fact]
    public void The_narrative_states_the_main_totals_from_the_tables()
    {
        var accounts = SyntheticAccounts.Generate(YueyangDepartments.Profiles[4], 5);
        var t1 = accounts["T1"];
        var t3 = accounts["T3"];
        var income = t1.Fixed("incomeTotal", "amount");
        var fiscal = t1.Fixed("generalBudgetAppropriation", "amount") + t1.Fixed("governmentFundAppropriation", "amount");
        Assert.Contains($"收、支总计{Money.FormatWanYuan(t1.Fixed("incomeGrandTotal", "amount"))}万元", accounts.Narrative);
        Assert.Contains($"收入合计{Money.FormatWanYuan(income)}万元，其中：财政拨款收入{Money.FormatWanYuan(fiscal)}万元，占{Money.Percent(fiscal, income)}", accounts.Narrative);
        Assert.Contains($"基本支出{Money.FormatWanYuan(t3.Fixed("total", "basic"))}万元，占{Money.Percent(t3.Fixed("total", "basic"), t3.Fixed("total", "total"))}", accounts.Narrative);
        foreach (var section in new[] { "一、", "二、", "三、", "六、", "九、" })
            Assert.Contains(section, accounts.Narrative);
    }

    private static void AssertClean(FinalAccounts accounts, string what)
    {
        var violations = AccountsValidator.Validate(accounts);
        Assert.True(violations.Count == 0, $"{what}: {string.Join("; ", violations)}");
        var result = AccountsChecker.Standard.Check(accounts);
        // Clean: no 强制性 or 提示性 finding; the one 信息 finding says no last year is on file.
        var weighing = result.Findings.Where(f => f.Severity != Severity.Info).ToList();
        Assert.True(weighing.Count == 0, $"{what}: {string.Join("; ", weighing.Select(f => $"{f.RuleId} {f.Message}"))}");
        Assert.Equal(["KN-01"], result.Findings.Where(f => f.Severity == Severity.Info).Select(f => f.RuleId));
        Assert.Equal(SubmissionStatus.Accepted, result.Status);
        var broken = Invariants.Check(accounts);
        Assert.True(broken.Count == 0, $"{what}: {string.Join("; ", broken)}");
    }

    private static void AssertSameAccounts(FinalAccounts expected, FinalAccounts actual)
    {
        Assert.Equal(expected.DepartmentCode, actual.DepartmentCode);
        Assert.Equal(expected.DepartmentName, actual.DepartmentName);
        Assert.Equal(expected.FiscalYear, actual.FiscalYear);
        Assert.Equal(expected.Precision, actual.Precision);
        Assert.Equal(expected.Staffing, actual.Staffing);
        Assert.Equal(expected.Composition.Self, actual.Composition.Self);
        Assert.Equal(expected.Composition.Subordinates, actual.Composition.Subordinates);
        Assert.Equal(expected.Narrative, actual.Narrative);
        Assert.Equal(expected.Tables.Keys.Order(), actual.Tables.Keys.Order());
        foreach (var (id, table) in expected.Tables)
        {
            var other = actual[id];
            Assert.Equal(table.FixedRows.Keys.Order(), other.FixedRows.Keys.Order());
            foreach (var (key, values) in table.FixedRows) Assert.Equal(values, other.FixedRows[key]);
            Assert.Equal(table.Rows.Select(r => (r.Code, r.Name)), other.Rows.Select(r => (r.Code, r.Name)));
            for (var i = 0; i < table.Rows.Count; i++) Assert.Equal(table.Rows[i].Values, other.Rows[i].Values);
        }
    }

    private static IEnumerable<long> AllAmounts(FinalAccounts accounts) =>
        accounts.Tables.Values.SelectMany(t => t.FixedRows.Values.Concat(t.Rows.Select(r => r.Values))).SelectMany(v => v);

    private static IEnumerable<string> SampleFiles() => Directory.GetFiles(SamplesDirectory(), "*.json").Order(StringComparer.Ordinal);

    private static string SamplesDirectory() => Path.Combine(RepoRoot(), "samples", "2023");

    /// <summary>The folder holding Consolidation.sln, found by walking up from the test assembly.</summary>
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Consolidation.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no Consolidation.sln above {AppContext.BaseDirectory}");
    }
}
