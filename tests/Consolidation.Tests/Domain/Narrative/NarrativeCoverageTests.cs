using Consolidation.Domain.Narrative;
using Consolidation.Domain.Rules;
using Consolidation.Synthetic;
using Consolidation.Tests.Support;

namespace Consolidation.Tests.Domain.Narrative;

/// <summary>
/// How much of the seed's narrative is tied to a cell or figure (docs/narrative-checks.md reports it): the figures may
/// only go up. Tied = compared with a cell, a figure or other stated numbers, or waiting for last year's accounts.
/// </summary>
public class NarrativeCoverageTests
{
    private static readonly NarrativeAnalysis Seed = NarrativeAnalysis.Of(new CheckContext(Accounts.Seed()));

    [Fact]
    public void SeedSections1To12_AreAllTied()
    {
        var (claims, tied) = Seed.Coverage(1, 12);
        Assert.Equal(149, claims);
        Assert.True(tied >= 149, $"tied {tied} of {claims} numeric claims in sections 一–十二 (docs/narrative-checks.md says 149)");
    }

    [Fact]
    public void SeedWholeNarrative_TiedShareDoesNotDrop()
    {
        var (claims, tied) = Seed.Coverage();
        Assert.Equal(179, claims);
        Assert.True(tied >= 176, $"tied {tied} of {claims} numeric claims (docs/narrative-checks.md says 176)");
        Assert.Equal(["0台（套）", "120.16万标箱", "19.02%"], Seed.Untied.Select(c => c.Printed));
    }

    [Fact]
    public void SyntheticNarratives_AreTiedWhole_AndFindNothing()
    {
        foreach (var sample in YueyangDepartments.Samples())
        {
            var accounts = SyntheticAccounts.Generate(sample.Profile, sample.Seed, YueyangDepartments.FiscalYear);
            var analysis = NarrativeAnalysis.Of(new CheckContext(accounts));
            var (claims, tied) = analysis.Coverage(0, 14);
            Assert.True(claims > 50, sample.FileName);
            Assert.Equal(claims, tied);
            Assert.Empty(analysis.Findings);
        }
    }
}
