using Consolidation.Domain.Classification;
using Consolidation.Domain.Rules.Formulas;

namespace Consolidation.Domain.Rules;

/// <summary>
/// The catalogue of checks run on every submission: the table identities of the fiscal year, read from its identities
/// file (data: Rules/Data/identities-YYYY.txt, see docs/identities.md), followed by the rules written in code (codes,
/// plausibility, cross-year availability). IDs are stable and never reused: BN = 表内, BJ = 表间, KN = 跨年,
/// DM = 代码, TS = 提示性 plausibility, WZ = 文字与数据. docs/rules.md lists them.
/// </summary>
public static class RuleCatalogue
{
    /// <summary>The fiscal year whose rules <see cref="Standard"/> holds and docs/rules.md lists.</summary>
    public const int DefaultYear = 2023;

    /// <summary>The identities files shipped with the server, one per fiscal year.</summary>
    public static IReadOnlyList<IdentitySet> EmbeddedIdentities { get; } = IdentityFile.Embedded();

    /// <summary>The rules of <see cref="DefaultYear"/> with the shipped identities and catalogues.</summary>
    public static IReadOnlyList<IRule> Standard { get; } = Build(EmbeddedIdentities.Single(s => s.Year == DefaultYear), ClassificationCatalogue.Default);

    /// <summary>One year's catalogue: its identities (data), then the rules written in code.</summary>
    public static IReadOnlyList<IRule> Build(IdentitySet identities, ClassificationCatalogue catalogue)
    {
        var rules = new List<IRule>(identities.Rules);
        var ids = rules.Select(r => r.Info.Id).ToHashSet();
        foreach (var rule in CodeRules(catalogue))
        {
            if (!ids.Add(rule.Info.Id))
                throw new IdentityFileException(identities.Source, [new IdentityFileError(0, $"规则编号 {rule.Info.Id} 已由程序内置规则使用，审核公式文件不得重复使用")]);
            rules.Add(rule);
        }
        return rules;
    }

    /// <summary>
    /// The rules written in code: what a formula cannot say. Each declares its identity (ID, severity, category, title,
    /// tolerance) beside its code, one rule per file; adding one is its file, its line here and its test.
    /// </summary>
    public static IReadOnlyList<IRule> CodeRules(ClassificationCatalogue catalogue) =>
    [
        new BudgetExceededRule(),           // T7 三公: each line's actual against its budget
        new CodeShapeRule(),                // 代码
        new UnknownClassRule(catalogue),
        new UncataloguedCodeRule(catalogue),
        new CatalogueNameRule(catalogue),
        new LastYearMissingRule(),          // 跨年
        new ProcurementTotalRule(),         // 补充资料 and plausibility
        new VehiclesRunningCostRule(),
        new OperatingCostRule(),
    ];
}
