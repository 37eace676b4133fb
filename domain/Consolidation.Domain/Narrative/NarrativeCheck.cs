using Consolidation.Domain.Rules;

namespace Consolidation.Domain.Narrative;

/// <summary>
/// 文字与数据 as one check: the narrative read once (<see cref="NarrativeAnalysis"/>: sections, claims, their ties to
/// the tables) and every WZ rule's findings reported from that reading, rule by rule in catalogue order.
/// </summary>
public sealed class NarrativeCheck : ICheck
{
    public static NarrativeCheck Instance { get; } = new();

    private static readonly Dictionary<string, int> Order =
        NarrativeRules.All.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

    public IReadOnlyList<RuleInfo> Reports => NarrativeRules.All;

    public IEnumerable<Finding> Check(CheckContext context) =>
        // Stable: the findings of one rule keep the order the reading found them in.
        NarrativeAnalysis.Of(context).Findings.OrderBy(f => Order[f.RuleId]);
}
