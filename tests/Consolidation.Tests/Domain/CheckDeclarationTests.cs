using Consolidation.Domain.Checking;
using Consolidation.Domain.Files;
using Consolidation.Domain.Model;
using Consolidation.Domain.Rules;
using Consolidation.Synthetic;
using Consolidation.Tests.Support;

namespace Consolidation.Tests.Domain;

/// <summary>
/// Each check declares the rules it reports beside its code (<see cref="ICheck.Reports"/>), and reports no other: the
/// catalogue (docs/rules.md, released-rules.tsv) is what the checks say of themselves, so a finding whose rule is not
/// declared could never be looked up, explained or documented.
/// </summary>
public sealed class CheckDeclarationTests
{
    public static TheoryData<string> Submissions()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.Root, "samples"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(Repo.Root, file));
        return data;
    }

    /// <summary>The sample as it is, and spoiled so that most checks have something to say.</summary>
    private static IEnumerable<(string Name, FinalAccounts Accounts, FinalAccounts? LastYear)> Cases(string file)
    {
        var a = SubmissionFile.Read(Path.Combine(Repo.Root, file));
        var last = Accounts.LastYearOf(a);
        yield return ("as filed", a, null);
        yield return ("with last year", a, last);
        yield return ("one T1 figure off", a.WithCell("T1", "incomeTotal", "amount", a.Cell("T1", "incomeTotal", "amount") + 1_234_567), last);
        yield return ("narrative cut in half", a with { Narrative = a.Narrative[..(a.Narrative.Length / 2)] }, last);
    }

    [Theory]
    [MemberData(nameof(Submissions))]
    public void EveryFinding_IsOfARuleItsCheckDeclares(string file)
    {
        var checker = AccountsChecker.Standard;
        var reported = 0;
        foreach (var (name, accounts, lastYear) in Cases(file))
        {
            var context = new CheckContext(accounts, lastYear) { Template = checker.TemplateOf(accounts) };
            foreach (var check in checker.ChecksFor(accounts.FiscalYear))
            {
                var declared = check.Reports.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
                Assert.NotEmpty(declared);
                foreach (var finding in check.Check(context))
                {
                    reported++;
                    Assert.True(declared.Contains(finding.RuleId),
                        $"{file} ({name}): {check.GetType().Name} reported {finding.RuleId}, which it does not declare ({string.Join(", ", declared)})");
                    var info = check.Reports.Single(r => r.Id == finding.RuleId);
                    Assert.Equal(info.Severity, finding.Severity);
                }
            }
        }
        Assert.True(reported > 0, $"{file}: no check reported anything, the test saw nothing");
    }

    [Fact]
    public void NoRuleId_IsDeclaredByTwoChecks_ExceptTheRoundingTailEveryIdentityShares()
    {
        var checker = AccountsChecker.Standard;
        foreach (var year in checker.Years)
        {
            var owners = checker.ChecksFor(year).SelectMany(c => c.Reports.Select(r => (r.Id, Check: c)))
                .Where(x => x.Id != RoundingTail.Info.Id).GroupBy(x => x.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(owners.Count == 0, $"{year}: declared by more than one check: {string.Join(", ", owners)}");
        }
    }

    [Fact]
    public void TheNarrativeCheck_DeclaresEveryWzRule_AndReportsThemInCatalogueOrder()
    {
        var check = Consolidation.Domain.Narrative.NarrativeCheck.Instance;
        Assert.Equal(Consolidation.Domain.Narrative.NarrativeRules.All.Select(r => r.Id), check.Reports.Select(r => r.Id));
        var seed = Accounts.Seed();
        var spoiled = seed.WithCell("T1", "incomeTotal", "amount", seed.Cell("T1", "incomeTotal", "amount") + 3_000_000);
        var order = check.Check(new CheckContext(spoiled, Accounts.LastYearOf(seed))).Select(f => check.Reports.ToList().FindIndex(r => r.Id == f.RuleId)).ToList();
        Assert.True(order.Count > 1, "the spoiled seed must give several narrative findings");
        Assert.Equal(order.Order(), order);
    }
}
