using Consolidation.Domain.Glossary;
using Consolidation.Domain.Model;

namespace Consolidation.Domain.Consolidation;

/// <summary>
/// What a consolidated disclosure is built from; nothing in it depends on when or by whom it is run.
/// <see cref="Submissions"/> may be a lazy sequence over storage: it is read once, one submission at a time (twice when a
/// coverage overlap leaves one out, <see cref="Consolidator"/>), and never held whole.
/// </summary>
public sealed record DisclosureInputs(
    int FiscalYear,
    string ScopeCode,
    IEnumerable<(SubmissionRef Ref, FinalAccounts Accounts)> Submissions,
    IReadOnlyList<RegisteredDepartment> Registry,
    IReadOnlyList<DepartmentFiling> Filings,
    Glossary.Glossary? Glossary = null,
    int LastYearRun = 0,
    FinalAccounts? LastYearTotals = null);

/// <summary>
/// Builds the consolidated disclosure (汇总公开) of a scope — the city or one department with its 下属单位: coverage and
/// the first page's statement, the nine tables summed with eliminations, the mismatch report, the department list with
/// headline figures, the generated narrative and the glossary of the terms it uses. A pure function of its inputs: the
/// same inputs in any order give the same disclosure (and so the same bytes and content hash once encoded).
/// </summary>
public static class DisclosureBuilder
{
    public static Disclosure Build(DisclosureInputs inputs)
    {
        var hierarchy = new UnitHierarchy(inputs.Registry);
        var scope = inputs.ScopeCode;
        bool InScope(string code) => scope.Length == 0 || hierarchy.IsWithin(code, scope);
        var named = scope.Length == 0 ? Consolidator.CityName : hierarchy.NameOf(scope) is { } registered ? $"{registered}（含下属单位）" : null;
        var result = Consolidator.Consolidate(inputs.FiscalYear, inputs.Submissions.Where(s => InScope(s.Ref.DepartmentCode)),
            hierarchy: hierarchy, scopeName: named ?? scope);
        // A scope the registry does not name is named, once its submissions are read, as its own submission names it.
        var scopeName = named ?? $"{result.Included.FirstOrDefault(r => r.DepartmentCode == scope)?.DepartmentName ?? scope}（含下属单位）";
        if (named is null)
            result = result with { Totals = result.Totals with
            {
                DepartmentName = scopeName,
                Composition = result.Totals.Composition with { Self = result.Totals.Composition.Self with { Name = scopeName } },
            } };

        var coverage = CoverageReport.Compute(inputs.FiscalYear,
            inputs.Registry.Where(u => InScope(u.Code)), inputs.Filings.Where(f => InScope(f.Code)), result.CoveredBy);

        var summary = Summary(result, coverage, hierarchy, inputs.Registry.Where(u => InScope(u.Code)));
        var procurement = result.Totals.Supplementary is { } s
            ? new ConsolidatedNarrative.Procurement(s.ProcurementGoods, s.ProcurementWorks, s.ProcurementServices)
            : null;
        var narrative = ConsolidatedNarrative.Generate(result.Totals, inputs.LastYearTotals, procurement);
        return new Disclosure(
            inputs.FiscalYear, scope, scopeName, coverage, result.Included, result.Totals, result.Headlines,
            result.Eliminations, result.Overlaps, result.EliminationIssues, summary,
            Overview(inputs.FiscalYear, scopeName, summary, result), narrative,
            inputs.Glossary is { } glossary ? TermsInText.Find(glossary, narrative) : [],
            inputs.LastYearTotals is null ? 0 : inputs.LastYearRun);
    }

    private static CoverageSummary Summary(ConsolidationResult result, CoverageReport coverage, UnitHierarchy hierarchy,
        IEnumerable<RegisteredDepartment> registry)
    {
        string Listed(DepartmentCoverage c) => $"{c.Code} {c.Name}";
        var missing = coverage.Departments.Where(c => c.State == CoverageState.Missing).Select(Listed).ToList();
        var pending = coverage.Departments.Where(c => c.State == CoverageState.PendingExplanation).Select(Listed)
            .Concat(coverage.Departments.Where(c => c.State == CoverageState.AwaitingReview).Select(c => $"{Listed(c)}（待审核）")).ToList();
        var rejected = coverage.Departments.Where(c => c.State == CoverageState.Rejected).Select(Listed).ToList();
        var outstanding = missing.Count + pending.Count + rejected.Count;
        var complete = outstanding == 0;
        var statement = complete
            ? $"名录中应报的 {coverage.ExpectedCount} 个单位均已纳入本汇总。"
            : $"注意：本汇总不完整。名录中有 {outstanding} 个应报单位的决算未纳入汇总（未报送 {missing.Count} 个、待说明 {pending.Count} 个、" +
              $"不通过 {rejected.Count} 个），其数据不在汇总数内：" +
              string.Join("；", new[] { ("未报送", missing), ("待说明", pending), ("不通过", rejected) }
                  .Where(x => x.Item2.Count > 0).Select(x => $"{x.Item1}：{string.Join("、", x.Item2)}")) + "。";
        return new CoverageSummary(
            DepartmentsCovered: result.Included.Select(r => hierarchy.DepartmentOf(r.DepartmentCode)).Distinct().Count(),
            UnitsCovered: result.Units.Count,
            UnitsByType: result.Units.GroupBy(u => u.Type).OrderBy(g => g.Key).Select(g => new UnitTypeCount(g.Key, g.Count())).ToList(),
            DepartmentsExpected: registry.Count(u => u.Parent.Length == 0),
            missing, pending, rejected, complete, statement);
    }

    private static string Overview(int year, string scopeName, CoverageSummary s, ConsolidationResult result)
    {
        var byType = string.Join("、", s.UnitsByType.Select(t => $"{UnitTypes.Name(t.Type, "其他")}单位 {t.Count} 个"));
        var eliminated = result.Eliminations.Sum(p => p.Eliminated);
        var mismatched = result.Eliminations.Count(p => !p.Matched);
        return $"一、汇总范围\n{scopeName} {year} 年度部门决算汇总，纳入 {s.DepartmentsCovered} 个部门、{s.UnitsCovered} 个单位（{byType}），" +
               $"以 {result.Included.Count} 份已审核通过的决算为据。\n{s.Statement}\n" +
               $"二、内部往来抵销\n单位间内部往来 {result.Eliminations.Count} 笔，抵销 {Money.FormatWanYuan(eliminated)} 万元" +
               (mismatched > 0 ? $"；其中 {mismatched} 笔双方填报不一致，按较小数抵销，差额留在汇总数中（见抵销差异表）。" : "。") +
               (result.Overlaps.Count > 0 ? $"\n三、重复覆盖\n{result.Overlaps.Count} 个单位同时出现在两份报送中，已按部门报送计一次（见重复覆盖表）。" : "");
    }
}
