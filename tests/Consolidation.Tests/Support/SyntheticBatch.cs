using Consolidation.Domain.Model;
using Consolidation.Synthetic;

namespace Consolidation.Tests.Support;

/// <summary>Many distinct, consistent synthetic departments (deterministic), for batch tests.</summary>
public static class SyntheticBatch
{
    public static IReadOnlyList<FinalAccounts> Departments(int count, int seed = 7) =>
        RandomProfiles.Many(count, seed).Select(p => SyntheticAccounts.Generate(p.Profile, p.Seed)).ToList();
}
