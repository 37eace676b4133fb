using System.Text;

namespace Consolidation.Domain.Rules;

/// <summary>Renders the rule catalogue as the Markdown table of docs/rules.md (a test keeps the file up to date).</summary>
public static class RuleCatalogueDocument
{
    public static string Render(IEnumerable<IRule> rules)
    {
        var sb = new StringBuilder();
        sb.Append("# 审核规则目录 — rule catalogue\n\n");
        sb.Append("Generated from `server/Consolidation.Domain/Rules/RuleCatalogue.cs` by the test `RuleCatalogueDocumentTests`; ");
        sb.Append("run `UPDATE_DOCS=1 dotnet test --filter RuleCatalogueDocumentTests` after changing a rule. IDs are stable and never reused.\n\n");
        sb.Append("Severity: 强制性 blocks acceptance (已退回); 提示性 holds the submission as 待说明 until the department explains the finding ");
        sb.Append("(出错说明, matched by rule ID and location); 信息 weighs nothing.\n\n");
        sb.Append("Tolerance: for data in 元 every identity is exact; for data in 万元 to two decimals an identity over n + 1 printed cells ");
        sb.Append("(a total and its n parts) accepts a difference of at most n × 0.005 万元 (n × 5,000 分) — no more, no less.\n\n");
        sb.Append("| ID | category | severity | what it checks | tolerance |\n|---|---|---|---|---|\n");
        foreach (var rule in rules)
        {
            var i = rule.Info;
            sb.Append($"| {i.Id} | {i.Category} | {SeverityName(i.Severity)} | {i.Title.Replace("|", "\\|")} | {ToleranceOf(rule)} |\n");
        }
        return sb.ToString();
    }

    public static string SeverityName(Severity s) => s switch
    {
        Severity.Mandatory => "强制性",
        Severity.Advisory => "提示性",
        _ => "信息",
    };

    private static string ToleranceOf(IRule rule) => rule switch
    {
        RowIdentityRule or CellIdentityRule or HierarchyRule => "元: 0; 万元: n × 0.005",
        BudgetExceededRule => "0",
        Narrative.IDocumentedTolerance d => d.ToleranceText,
        _ => "—",
    };
}
