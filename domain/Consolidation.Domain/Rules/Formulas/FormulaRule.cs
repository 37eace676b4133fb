namespace Consolidation.Domain.Rules.Formulas;

/// <summary>
/// A rule of an identities file: its catalogue entry, the hint its findings end with, and its checks (one or more
/// <c>check</c> lines). Runs every check; never stops at the first failure.
/// </summary>
public sealed class FormulaRule(RuleInfo info, string hint, IReadOnlyList<FormulaCheck> checks, int line) : IRule
{
    public RuleInfo Info { get; } = info;

    /// <summary>The identity's own rule, and the 尾差 (WC-01, 信息) it reports where a difference is inside the tolerance.</summary>
    public IReadOnlyList<RuleInfo> Reports { get; } = [info, RoundingTail.Info];

    public string Hint { get; } = hint;
    public IReadOnlyList<FormulaCheck> Checks { get; } = checks;

    /// <summary>The line of the file the rule starts on.</summary>
    public int Line { get; } = line;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        foreach (var check in Checks)
            foreach (var finding in check.Evaluate(context, Info, Hint))
                yield return finding;
    }
}
