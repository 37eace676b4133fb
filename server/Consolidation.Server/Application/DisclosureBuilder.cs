using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Consolidation;
using Consolidation.Domain.Glossary;
using Google.Protobuf;
using D = Consolidation.Domain.Model;
using CoverageReport = Consolidation.Domain.Consolidation.CoverageReport;
using DomainCoverageState = Consolidation.Domain.Consolidation.CoverageState;

namespace Consolidation.Server.Application;

/// <summary>What a consolidated disclosure is built from; nothing in it depends on when or by whom it is run.</summary>
public sealed record DisclosureInputs(
    int FiscalYear,
    string ScopeCode,
    IReadOnlyList<(SubmissionRef Ref, D.FinalAccounts Accounts)> Submissions,
    IReadOnlyList<RegisteredDepartment> Registry,
    IReadOnlyList<DepartmentFiling> Filings,
    Glossary? Glossary = null,
    int LastYearRun = 0,
    D.FinalAccounts? LastYearTotals = null);

/// <summary>
/// Builds the consolidated disclosure (汇总公开) of a scope — the city or one department with its 下属单位: coverage and
/// the first page's statement, the nine tables summed with eliminations, the mismatch report, the department list with
/// headline figures, the generated narrative and the glossary of the terms it uses — and its content hash. A pure
/// function of its inputs: the same inputs in any order give byte-identical output.
/// </summary>
public static class DisclosureBuilder
{
    public static ConsolidatedDisclosure Build(DisclosureInputs inputs)
    {
        var hierarchy = new UnitHierarchy(inputs.Registry);
        var scope = inputs.ScopeCode;
        bool InScope(string code) => scope.Length == 0 || hierarchy.IsWithin(code, scope);
        var scopeName = scope.Length == 0 ? Consolidator.CityName
            : $"{hierarchy.NameOf(scope) ?? inputs.Submissions.FirstOrDefault(s => s.Ref.DepartmentCode == scope).Ref?.DepartmentName ?? scope}（含下属单位）";

        var result = Consolidator.Consolidate(inputs.FiscalYear, inputs.Submissions.Where(s => InScope(s.Ref.DepartmentCode)),
            hierarchy: hierarchy, scopeName: scopeName);

        var included = inputs.Submissions.Where(s => result.Included.Contains(s.Ref)).ToList();
        var coveredBy = CoverageReport.CoveredBy(included.Select(i => (i.Ref.DepartmentCode, i.Accounts)));
        var coverage = CoverageReport.Compute(inputs.FiscalYear,
            inputs.Registry.Where(u => InScope(u.Code)), inputs.Filings.Where(f => InScope(f.Code)), coveredBy);

        var summary = Summary(result, coverage, hierarchy, inputs.Registry.Where(u => InScope(u.Code)));
        var procurement = result.Totals.Supplementary is { } s
            ? new ConsolidatedNarrative.Procurement(s.ProcurementGoods, s.ProcurementWorks, s.ProcurementServices)
            : null;
        var narrative = ConsolidatedNarrative.Generate(result.Totals, inputs.LastYearTotals, procurement);
        var d = new ConsolidatedDisclosure
        {
            FiscalYear = inputs.FiscalYear,
            ScopeCode = scope,
            ScopeName = scopeName,
            Coverage = CoverageMapper.ToProto(coverage),
            Totals = AccountsMapper.ToProto(result.Totals),
            CoverageSummary = summary,
            Overview = Overview(inputs.FiscalYear, scopeName, summary, result),
            Narrative = narrative,
            ComparedWithRun = inputs.LastYearTotals is null ? 0 : inputs.LastYearRun,
        };
        d.Included.AddRange(result.Included.Select(r => new IncludedSubmission
        {
            DepartmentCode = r.DepartmentCode, DepartmentName = r.DepartmentName, Version = r.Version, ContentHash = r.ContentHash,
        }));
        d.Departments.AddRange(result.Headlines.Select(h => new Contracts.DepartmentHeadline
        {
            DepartmentCode = h.DepartmentCode, DepartmentName = h.DepartmentName, Version = h.Version,
            IncomeTotal = h.IncomeTotal, ExpenditureTotal = h.ExpenditureTotal, FiscalAppropriation = h.FiscalAppropriation,
            ThreePublicActual = h.ThreePublicActual, StaffActual = h.StaffActual,
        }));
        d.Eliminations.AddRange(result.Eliminations.Select(p => new Contracts.EliminationPair
        {
            Flow = p.Flow == InternalFlow.Subsidy ? "subsidy" : "remittance",
            PayerCode = p.PayerCode, ReceiverCode = p.ReceiverCode, PayerAmount = p.PayerAmount, ReceiverAmount = p.ReceiverAmount,
            Eliminated = p.Eliminated, Difference = p.Difference, Message = p.Message,
        }));
        d.Overlaps.AddRange(result.Overlaps.Select(o => new Contracts.CoverageOverlap
            { UnitCode = o.UnitCode, CoveredBy = o.CoveredBy, ExcludedSubmission = o.ExcludedSubmission }));
        d.EliminationIssues.AddRange(result.EliminationIssues);
        if (inputs.Glossary is { } glossary)
            d.Glossary.AddRange(TermsInText.Find(glossary, narrative).Select(t =>
            {
                var term = new Term { Name = t.Name, Definition = t.Definition, Category = t.Category, Source = t.Source };
                term.OtherDefinitions.AddRange(t.OtherDefinitions);
                return term;
            }));
        d.ContentHash = ContentHash(d);
        return d;
    }

    /// <summary>SHA-256 (hex) of the disclosure with the run metadata cleared: run number, time, who, and the hash itself.</summary>
    public static string ContentHash(ConsolidatedDisclosure disclosure)
    {
        var copy = disclosure.Clone();
        copy.RunNumber = 0;
        copy.CreatedAt = null;
        copy.RequestedBy = "";
        copy.ContentHash = "";
        return ContentDigest.Hex(copy.ToByteArray());
    }

    private static CoverageSummary Summary(ConsolidationResult result, CoverageReport coverage, UnitHierarchy hierarchy,
        IEnumerable<RegisteredDepartment> registry)
    {
        var s = new CoverageSummary
        {
            DepartmentsCovered = result.Included.Select(r => hierarchy.DepartmentOf(r.DepartmentCode)).Distinct().Count(),
            UnitsCovered = result.Units.Count,
            DepartmentsExpected = registry.Count(u => u.Parent.Length == 0),
        };
        s.UnitsByType.AddRange(result.Units.GroupBy(u => u.Type).OrderBy(g => g.Key)
            .Select(g => new UnitTypeCount { Type = (Contracts.UnitType)(int)g.Key, Count = g.Count() }));
        s.Missing.AddRange(coverage.Departments.Where(c => c.State == DomainCoverageState.Missing).Select(c => $"{c.Code} {c.Name}"));
        s.Pending.AddRange(coverage.Departments.Where(c => c.State == DomainCoverageState.PendingExplanation).Select(c => $"{c.Code} {c.Name}"));
        s.Pending.AddRange(coverage.Departments.Where(c => c.State == DomainCoverageState.AwaitingReview).Select(c => $"{c.Code} {c.Name}（待审核）"));
        s.Rejected.AddRange(coverage.Departments.Where(c => c.State == DomainCoverageState.Rejected).Select(c => $"{c.Code} {c.Name}"));
        s.Complete = s.Missing.Count + s.Pending.Count + s.Rejected.Count == 0;
        var outstanding = s.Missing.Count + s.Pending.Count + s.Rejected.Count;
        s.Statement = s.Complete
            ? $"名录中应报的 {coverage.ExpectedCount} 个单位均已纳入本汇总。"
            : $"注意：本汇总不完整。名录中有 {outstanding} 个应报单位的决算未纳入汇总（未报送 {s.Missing.Count} 个、待说明 {s.Pending.Count} 个、" +
              $"不通过 {s.Rejected.Count} 个），其数据不在汇总数内：" +
              string.Join("；", new[] { ("未报送", s.Missing), ("待说明", s.Pending), ("不通过", s.Rejected) }
                  .Where(x => x.Item2.Count > 0).Select(x => $"{x.Item1}：{string.Join("、", x.Item2)}")) + "。";
        return s;
    }

    private static string Overview(int year, string scopeName, CoverageSummary s, ConsolidationResult result)
    {
        var byType = string.Join("、", s.UnitsByType.Select(t => $"{D.UnitTypes.Name((D.UnitType)t.Type, "其他")}单位 {t.Count} 个"));
        var eliminated = result.Eliminations.Sum(p => p.Eliminated);
        var mismatched = result.Eliminations.Count(p => !p.Matched);
        return $"一、汇总范围\n{scopeName} {year} 年度部门决算汇总，纳入 {s.DepartmentsCovered} 个部门、{s.UnitsCovered} 个单位（{byType}），" +
               $"以 {result.Included.Count} 份已审核通过的决算为据。\n{s.Statement}\n" +
               $"二、内部往来抵销\n单位间内部往来 {result.Eliminations.Count} 笔，抵销 {D.Money.FormatWanYuan(eliminated)} 万元" +
               (mismatched > 0 ? $"；其中 {mismatched} 笔双方填报不一致，按较小数抵销，差额留在汇总数中（见抵销差异表）。" : "。") +
               (result.Overlaps.Count > 0 ? $"\n三、重复覆盖\n{result.Overlaps.Count} 个单位同时出现在两份报送中，已按部门报送计一次（见重复覆盖表）。" : "");
    }
}
