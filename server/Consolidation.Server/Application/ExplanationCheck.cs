using System.Globalization;
using Consolidation.Domain.Checking;
using Consolidation.Domain.Model;
using Consolidation.Domain.Rules;
using Consolidation.Domain.Validation;

namespace Consolidation.Server.Application;

/// <summary>
/// 出错说明 that cannot be read as an explanation make the file wrong (nothing stored): one that names no finding of the
/// version it comes with (its rule ID and location must be a finding's; the valid ones are listed), or one that says
/// nothing (empty, or only punctuation and spaces).
/// </summary>
public static class ExplanationCheck
{
    public static IReadOnlyList<Violation> Problems(FinalAccounts accounts, CheckResult check)
    {
        if (accounts.Explanations.Count == 0) return [];
        var findings = check.Findings.Select(f => (f.RuleId, Location: f.Location.Text)).ToHashSet();
        var valid = string.Join("；", check.Findings.Where(f => f.Severity == Severity.Advisory)
            .Select(f => $"{f.RuleId} {f.Location.Text}").Distinct().Take(20));
        var problems = new List<Violation>();
        for (var i = 0; i < accounts.Explanations.Count; i++)
        {
            var e = accounts.Explanations[i];
            var field = $"explanations[{i}]";
            if (!findings.Contains((e.RuleId, e.Location)))
                problems.Add(new Violation(field, $"出错说明 {e.RuleId} {e.Location} 不对应本次报送的任何审核结果" +
                                                  (valid.Length > 0 ? $"；可说明的提示性审核结果：{valid}" : "；本次报送没有需要说明的提示性审核结果")));
            if (SaysNothing(e.Text))
                problems.Add(new Violation(field + ".text", $"出错说明 {e.RuleId} {e.Location} 没有内容（空白或只有标点）：请写明原因"));
        }
        return problems;
    }

    /// <summary>Empty, or nothing but punctuation, symbols and spaces.</summary>
    public static bool SaysNothing(string text) =>
        text.All(c => char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c)
                      || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Control);
}
