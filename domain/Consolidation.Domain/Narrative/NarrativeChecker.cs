using Consolidation.Domain.Model;
using Consolidation.Domain.Rules;
using static Consolidation.Domain.Narrative.NarrativeFindings;

namespace Consolidation.Domain.Narrative;

/// <summary>
/// Runs every narrative check over the tied claims and collects the findings: amounts (WZ-01, WZ-12), listed sums
/// (WZ-07), shares and completions (WZ-02, WZ-04, WZ-05, WZ-08), changes and direction words (WZ-03, WZ-06), counts
/// (WZ-11), wording (WZ-09, WZ-10), and the claims it could not tie or check (WZ-13, WZ-14).
/// </summary>
internal sealed partial class NarrativeChecker(CheckContext context, NarrativeAnalysis analysis)
{
    private readonly List<Finding> _findings = [];
    private readonly FinalAccounts _accounts = context.Accounts;
    private readonly FinalAccounts? _lastYear = context.LastYear;

    public HashSet<Claim> Checked { get; } = new(ByPosition.Instance);
    public HashSet<Claim> AwaitingLastYear { get; } = new(ByPosition.Instance);

    private IReadOnlyList<TiedClaim> Claims => analysis.Claims;
    private EntityCatalogue Entities => analysis.Entities;
    private long CellHalf => Money.HalfStep(_accounts.Precision);

    public List<Finding> Run()
    {
        CheckAmounts();
        CheckListedSums();
        CheckShares();
        CheckProcurementShares();
        CheckSmallBusinesses();
        CheckForcedHundred();
        CheckCompletions();
        CheckChanges();
        CheckDirections();
        CheckCounts();
        CheckNames();
        CheckWording();
        CheckTemplateWords();
        CheckEmptyTables();
        CheckItemSubjects();
        ReportUnchecked();
        return _findings;
    }

    private static readonly Dictionary<string, RuleInfo> InfoById = NarrativeRules.All.ToDictionary(r => r.Id, StringComparer.Ordinal);

    private static RuleInfo Info(string id) => InfoById[id];

    private void Add(string ruleId, CellLocation where, long expected, long actual, long tolerance, string message,
        FindingQuantity quantity = FindingQuantity.Money)
    {
        var info = Info(ruleId);
        _findings.Add(new Finding(info.Id, info.Severity, info.Category, where, expected, actual, tolerance, message) { Quantity = quantity });
    }

    /// <summary>The last plain figure stated for an entity (of one facet) in the same section before a position.</summary>
    private TiedClaim? StatedBefore(Entity? entity, Facet facet, int section, int position)
    {
        if (entity is null) return null;
        _amountsByEntity ??= AmountsByEntity();
        if (!_amountsByEntity.TryGetValue(entity.Key, out var stated)) return null;
        for (var i = stated.Count - 1; i >= 0; i--)
        {
            var t = stated[i];
            if (ReferenceEquals(t.Entity, entity) && t.Facet == facet && t.Claim.Sentence.Section == section && t.Claim.Start < position) return t;
        }
        return null;
    }

    private Dictionary<string, List<TiedClaim>>? _amountsByEntity;

    /// <summary>The plain amounts stated of each entity (by its key), in reading order.</summary>
    private Dictionary<string, List<TiedClaim>> AmountsByEntity()
    {
        var byEntity = new Dictionary<string, List<TiedClaim>>(StringComparer.Ordinal);
        foreach (var t in Claims)
        {
            if (t.Entity is null || t.Claim.Role != ClaimRole.Figure || t.Claim.Kind != ClaimKind.Amount) continue;
            if (!byEntity.TryGetValue(t.Entity.Key, out var list)) byEntity[t.Entity.Key] = list = [];
            list.Add(t);
        }
        return byEntity;
    }

    /// <summary>
    /// The figure a stated amount of this facet is compared with: a table cell; for the adjusted budget (全年预算), which no
    /// table holds, the submission's own <c>fullYearBudgets</c> where it gives them.
    /// </summary>
    private static Figure? FigureOf(Entity? entity, Facet facet) => facet switch
    {
        Facet.Budget => entity?.Budget,
        Facet.Actual => entity?.Actual,
        Facet.FullYearBudget => entity?.FullYearBudget,
        _ => null,
    };

    private static string Printed(Claim c) => c.Printed;

    // WZ-01 / WZ-12: every plain amount against its cell.
    private void CheckAmounts()
    {
        foreach (var t in Claims)
        {
            if (t.Claim is not { Kind: ClaimKind.Amount, Role: ClaimRole.Figure }) continue;
            var figure = FigureOf(t.Entity, t.Facet);
            if (figure is null) continue;
            Checked.Add(t.Claim);
            var tolerance = t.Claim.HalfStep + figure.HalfStep;
            var difference = t.Claim.Value - figure.Value;
            if (Math.Abs(difference) <= tolerance) continue;
            var meeting = t.Entity!.Key.StartsWith("S11.", StringComparison.Ordinal);
            var hint = meeting ? "如该项支出含项目支出或其他资金，请在出错说明中写明；否则请改正。" : "请核对并改正情况说明中的该金额（或表中数据）。";
            Add(meeting ? NarrativeRules.MeetingAndTraining : NarrativeRules.Amount, figure.Location, figure.Value, t.Claim.Value, tolerance,
                $"{Quote(t.Claim.Sentence, t.Claim.Start)}：所述{t.Entity.Name}{(t.Facet == Facet.Budget ? "预算数" : "")} {t.Claim.Printed} 与 {figure.Location.Display} " +
                $"{Wan(figure.Value, _accounts.Precision)} 不符，相差 {Amount(difference)}，超出允许的尾差 {Amount(tolerance)}" +
                $"（情况说明与表中数据各自四舍五入，每个数各计半个末位）。{hint}");
        }
    }

    // WZ-07: a listed breakdown adds up to its stated total.
    private void CheckListedSums()
    {
        if (Claims.Count == 0) return; // nothing stated, nothing listed (and no entity catalogue to build)
        // The keys of T5's 类 and 项 rows and of the vehicle kinds, in the catalogue's order (one pass).
        List<string> t5ClassList = [], t5ItemList = [], vehicleKindList = [];
        foreach (var k in Entities.Keys)
        {
            if (k.StartsWith("T5:", StringComparison.Ordinal) && k.Length == 6) t5ClassList.Add(k);
            else if (k.StartsWith("T5:", StringComparison.Ordinal) && k.Length == 10) t5ItemList.Add(k);
            else if (k.StartsWith("S13:", StringComparison.Ordinal)) vehicleKindList.Add(k);
        }
        var t5Classes = t5ClassList.ToArray();
        var t5Items = t5ItemList.ToArray();
        var lists = new List<(int Section, int Subsection, string Total, Facet Facet, string[] Parts, string What)>
        {
            (2, -1, "T1.income", Facet.Actual, ["T2.fiscal", "T1.generalBudgetAppropriation", "T1.governmentFundAppropriation", "T1.stateCapitalAppropriation",
                "T1.superiorSubsidy", "T1.businessIncome", "T1.operatingIncome", "T1.subsidiaryRemittance", "T1.otherIncome"], "各项收入"),
            (3, -1, "T1.expenditure", Facet.Actual, ["T3.basic", "T3.project", "T3.remittanceToSuperior", "T3.operating", "T3.subsidyToSubsidiaries"], "各项支出"),
            (5, 2, "T5.total", Facet.Actual, t5Classes, "各类支出"),
            (5, 3, "T5.total", Facet.Actual, t5Items, "各项支出决算数"),
            (5, 3, "T5.total", Facet.Budget, t5Items, "各项年初预算数"),
            (5, 3, "T5.total", Facet.FullYearBudget, t5Items, "各项全年预算数"),
            (6, -1, "T6.total", Facet.Actual, ["T6.personnel", "T6.public"], "人员经费与公用经费"),
            (7, -1, "T8.expenditure", Facet.Actual, ["T8.basic", "T8.project"], "基本支出与项目支出"),
            (8, -1, "T9.expenditure", Facet.Actual, ["T9.basic", "T9.project"], "基本支出与项目支出"),
            (12, -1, "S12.total", Facet.Actual, ["S12.goods", "S12.works", "S12.services"], "货物、工程、服务采购支出"),
            (14, -1, "T5.total", Facet.Actual, ["T5.basic", "T5.project"], "基本支出与项目支出"),
        };
        foreach (var sub in analysis.Document.Sentences.Where(s => s.Section == 9).Select(s => s.Subsection).Distinct())
            foreach (var facet in new[] { Facet.Budget, Facet.Actual })
            {
                lists.Add((9, sub, "T7.total", facet, ["T7.outboundTravel", "T7.reception", "T7.vehicles"], "“三公”经费各项"));
                lists.Add((9, sub, "T7.total", facet, ["T7.outboundTravel", "T7.reception", "T7.vehiclePurchase", "T7.vehicleOperation"], "“三公”经费各项"));
                lists.Add((9, sub, "T7.vehicles", facet, ["T7.vehiclePurchase", "T7.vehicleOperation"], "公务用车购置费与运行维护费"));
            }
        lists.Add((13, -1, "S13.vehicles", Facet.Actual, vehicleKindList.ToArray(), "各类车辆"));

        // The plain figures tied to something, by section, in reading order.
        var figures = new Dictionary<int, List<TiedClaim>>();
        foreach (var t in Claims)
        {
            if (t.Claim.Role != ClaimRole.Figure || t.Claim.Kind is not (ClaimKind.Amount or ClaimKind.Count) || t.Entity is null) continue;
            if (!figures.TryGetValue(t.Claim.Sentence.Section, out var ofSection)) figures[t.Claim.Sentence.Section] = ofSection = [];
            ofSection.Add(t);
        }
        var firstAfterTotal = new Dictionary<string, TiedClaim>(StringComparer.Ordinal);
        foreach (var (section, subsection, totalKey, facet, partKeys, what) in lists)
        {
            if (!figures.TryGetValue(section, out var inSection)) continue;
            bool InScope(TiedClaim t) => (subsection < 0 || t.Claim.Sentence.Subsection == subsection) && t.Facet == facet;
            TiedClaim? total = null;
            foreach (var t in inSection)
                if (InScope(t) && t.Entity!.Key == totalKey) { total = t; break; }
            if (total is null) continue;
            // The first figure of each entity after the total; the parts in the list's order.
            firstAfterTotal.Clear();
            foreach (var t in inSection)
                if (t.Claim.Start > total.Claim.Start && InScope(t)) firstAfterTotal.TryAdd(t.Entity!.Key, t);
            var parts = new List<TiedClaim>();
            foreach (var key in partKeys)
                if (firstAfterTotal.TryGetValue(key, out var part)) parts.Add(part);
            if (totalKey == "T1.income" && parts.Any(p => p.Entity!.Key == "T2.fiscal"))
                parts = parts.Where(p => !p.Entity!.Key.EndsWith("Appropriation", StringComparison.Ordinal)).ToList();
            if (partKeys.Contains("T7.vehicles") && !parts.Any(p => p.Entity!.Key == "T7.vehicles")) continue;
            // The list with 购置费 and 运行维护费 apart is not the list when the document states their 小计 instead.
            if (partKeys.Contains("T7.vehiclePurchase") && totalKey == "T7.total"
                && (firstAfterTotal.ContainsKey("T7.vehicles") || !parts.Exists(p => p.Entity!.Key is "T7.vehiclePurchase" or "T7.vehicleOperation"))) continue;
            if (parts.Count < 2) continue;
            // A list of 项 whose headings could not all be tied to the table is not a complete list: WZ-09/13 say which.
            if (partKeys == t5Items && analysis.Items.Any(i => i.Code is null && i.Sentence.Section == 5 && i.Sentence.Subsection == 3)) continue;
            long sum = 0, tolerance = 0;
            foreach (var p in parts)
            {
                sum = checked(sum + p.Claim.Value);
                tolerance = checked(tolerance + p.Claim.HalfStep);
            }
            Checked.Add(total.Claim);
            foreach (var p in parts) Checked.Add(p.Claim);
            if (Math.Abs(total.Claim.Value - sum) <= tolerance) continue;
            var count = total.Claim.Kind == ClaimKind.Count;
            string Show(long v) => count ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) + total.Claim.Unit : Amount(v);
            var listed = string.Join(" + ", parts.Select(p => p.Claim.Printed));
            var note = totalKey == "T5.total" && facet == Facet.Budget ? "（以此合计计算的“完成年初预算”百分比也随之有误）" : "";
            Add(NarrativeRules.ListedSum, Of(total.Claim.Sentence, total.Entity, facet), sum, total.Claim.Value, tolerance,
                $"{Quote(total.Claim.Sentence, total.Claim.Start)}：所述{total.Entity!.Name}{(facet == Facet.Budget ? "预算数" : facet == Facet.FullYearBudget ? "全年预算数" : "")} {total.Claim.Printed}，" +
                $"而所列{what}之和为 {listed} = {Show(sum)}，相差 {Show(total.Claim.Value - sum)}" +
                (count ? "。" : $"，超出 {parts.Count} 个分项的尾差 {Amount(tolerance)}。") + note + "请核对合计与所列各项。",
                count ? FindingQuantity.Count : FindingQuantity.Money);
        }
    }
}
