using System.Numerics;
using Consolidation.Domain.Rules;
using static Consolidation.Domain.Narrative.NarrativeFindings;

namespace Consolidation.Domain.Narrative;

internal sealed partial class NarrativeChecker
{
    private readonly List<(TiedClaim Share, long ExpectedBp)> _shares = [];

    /// <summary>The candidates a ratio may honestly be computed from: the cells, the stated amounts, or one of each.</summary>
    private static IEnumerable<(long Part, long Whole, string How)> Pairs(IEnumerable<(long Value, string How)> parts, IEnumerable<(long Value, string How)> wholes)
    {
        var w = wholes.ToList();
        foreach (var p in parts)
            foreach (var q in w)
                yield return (p.Value, q.Value, $"{p.How} ÷ {q.How}");
    }

    private static long Bp(long tenThousandths) => tenThousandths / 100;

    // WZ-02: a share equals the recomputed ratio.
    private void CheckShares()
    {
        foreach (var t in Claims.Where(t => t.Claim.Role == ClaimRole.Share))
        {
            if (t.Entity is null || t.Denominator is null) continue;
            var parts = new List<(long, string)>();
            if (t.Entity.Actual is { } pc) parts.Add((pc.Value, $"{pc.Location.Display} {Wan(pc.Value, _accounts.Precision)}"));
            if (t.Part is { } stated && ReferenceEquals(stated.Entity, t.Entity)) parts.Add((stated.Claim.Value, $"所述{t.Entity.Name} {stated.Claim.Printed}"));
            var wholes = new List<(long, string)>();
            if (t.Denominator.Actual is { } dc) wholes.Add((dc.Value, $"{dc.Location.Display} {Wan(dc.Value, _accounts.Precision)}"));
            if (StatedBefore(t.Denominator, Facet.Actual, t.Claim.Sentence.Section, t.Claim.Start) is { } sd) wholes.Add((sd.Claim.Value, $"所述{t.Denominator.Name} {sd.Claim.Printed}"));
            if (parts.Count == 0 || wholes.Count == 0) continue;
            Checked.Add(t.Claim);
            if (t.Part is not null) Checked.Add(t.Part.Claim);
            var pairs = Pairs(parts, wholes).ToList();
            if (pairs.All(p => p.Whole == 0))
            {
                if (t.Claim.Value == 0 && pairs.All(p => p.Part == 0)) continue;
                Add(NarrativeRules.Share, Of(t.Claim.Sentence, t.Entity), 0, Bp(t.Claim.Value), 0,
                    $"{Quote(t.Claim.Sentence, t.Claim.Start)}：{t.Denominator.Name}为 0，占比 {t.Claim.Printed} 无从计算。请删去或改正该占比。", FindingQuantity.BasisPoints);
                continue;
            }
            var usable = pairs.Where(p => p.Whole != 0).ToList();
            var expected = Ratio.Percent(usable[0].Part, usable[0].Whole, 2);
            _shares.Add((t, expected));
            if (usable.Any(p => Ratio.Matches(t.Claim.Value, t.Claim.Decimals, p.Part, p.Whole))) continue;
            Add(NarrativeRules.Share, Of(t.Claim.Sentence, t.Entity), expected, Bp(t.Claim.Value), 0,
                $"{Quote(t.Claim.Sentence, t.Claim.Start)}：{t.Entity.Name}占{t.Denominator.Name}的比例写为 {t.Claim.Printed}，" +
                $"按 {usable[0].How} 计算（四舍五入保留两位小数）应为 {Ratio.Format(expected * 100)}。请改正该占比。", FindingQuantity.BasisPoints);
        }
    }

    // WZ-02 (十二): the per-category shares of the SME contracts reproduce the SME total.
    private void CheckProcurementShares()
    {
        var pairs = new[] { ("S12.smeGoods", "S12.goods"), ("S12.smeWorks", "S12.works"), ("S12.smeServices", "S12.services") };
        var shares = pairs.Select(p => (Share: Claims.FirstOrDefault(t => t.Claim.Role == ClaimRole.Share && t.Entity?.Key == p.Item1 && t.Denominator?.Key == p.Item2),
                                        Category: Claims.FirstOrDefault(t => t.Claim.Role == ClaimRole.Figure && t.Entity?.Key == p.Item2)))
            .Where(x => x.Share is not null).ToList();
        if (shares.Count == 0) return;
        var sme = Claims.FirstOrDefault(t => t.Claim.Role == ClaimRole.Figure && t.Entity?.Key == "S12.sme");
        var total = Claims.FirstOrDefault(t => t.Claim.Role == ClaimRole.Figure && t.Entity?.Key == "S12.total");
        if (sme is null || shares.Any(s => s.Category is null)) return;
        var categories = Claims.Count(t => t.Claim.Role == ClaimRole.Figure && t.Entity?.Key is "S12.goods" or "S12.works" or "S12.services");
        if (categories != shares.Count && total is null) return;
        BigInteger implied = 0, slack = sme.Claim.HalfStep;
        foreach (var (share, category) in shares)
        {
            implied += (BigInteger)share!.Claim.Value * category!.Claim.Value;
            slack += (BigInteger)category.Claim.Value * 5 * Claim.Pow10(3 - Math.Min(share.Claim.Decimals, 3)) + (BigInteger)share.Claim.Value * category.Claim.HalfStep;
            Checked.Add(share.Claim);
            Checked.Add(category.Claim);
        }
        Checked.Add(sme.Claim);
        var impliedFen = (long)(implied / 1_000_000);
        var tolerance = (long)(slack / 1_000_000) + 1;
        if (Math.Abs(impliedFen - sme.Claim.Value) <= tolerance) return;
        var first = shares[0].Share!;
        Add(NarrativeRules.Share, Stated(first.Claim.Sentence, Entities["S12.sme"]!), impliedFen, sme.Claim.Value, tolerance,
            $"{Quote(first.Claim.Sentence, first.Claim.Start)}：按所述货物、工程、服务采购授予中小企业的比例，授予中小企业合同金额应约为 {Amount(impliedFen)}，" +
            $"而所述为 {sme.Claim.Printed}，相差 {Amount(sme.Claim.Value - impliedFen)}。请核对各项比例与授予中小企业合同金额。");
    }

    // WZ-08: shares of one breakdown add to exactly 100% only when the honest ones do.
    private void CheckForcedHundred()
    {
        foreach (var group in _shares.GroupBy(s => (s.Share.Claim.Sentence.Section, s.Share.Claim.Sentence.Subsection, s.Share.Denominator!.Key)))
        {
            var list = group.ToList();
            if (list.Count < 2) continue;
            if (list.Sum(s => s.Share.Claim.Value) != 1_000_000) continue;
            var honest = list.Sum(s => s.ExpectedBp);
            if (honest == 10_000) continue;
            var altered = list.Where(s => s.ExpectedBp * 100 != s.Share.Claim.Value).ToList();
            if (altered.Count == 0) continue;
            var first = altered[0].Share;
            var names = string.Join("、", altered.Select(a => $"{a.Share.Entity!.Name} {a.Share.Claim.Printed}（应为 {Ratio.Format(a.ExpectedBp * 100)}）"));
            Add(NarrativeRules.ForcedHundred,
                new CellLocation(NarrativeTable, Places.Key(group.Key.Section, group.Key.Subsection, 0), "shares:" + group.Key.Key, NarrativeTableName,
                    Places.Of(group.Key.Section, group.Key.Subsection, 0), "占" + list[0].Share.Denominator!.Name + "的比例之和"),
                honest, 10_000, 0,
                $"{Quote(first.Claim.Sentence, first.Claim.Start)}：各项占{list[0].Share.Denominator!.Name}的比例之和写成恰好 100%，" +
                $"但按表中数据如实计算（各自四舍五入）之和为 {Ratio.Format(honest * 100)}；{names}疑为凑足 100% 而改动。" +
                "占比之和因四舍五入不等于 100% 是正常的，请如实填写各项占比。", FindingQuantity.BasisPoints);
        }
    }

    // WZ-04 / WZ-05: 完成预算的 Z% = actual / budget; none where the budget is 0.
    private void CheckCompletions()
    {
        foreach (var t in Claims.Where(t => t.Claim.Role == ClaimRole.Completion))
        {
            var e = t.Entity;
            if (e is null) continue;
            var section = t.Claim.Sentence.Section;
            var statedActual = StatedBefore(e, Facet.Actual, section, t.Claim.Start);
            var statedBudget = StatedBefore(e, Facet.Budget, section, t.Claim.Start);
            var actuals = new List<(long, string)>();
            if (e.Actual is { } a) actuals.Add((a.Value, $"{a.Location.Display} {Wan(a.Value, _accounts.Precision)}"));
            if (statedActual is not null) actuals.Add((statedActual.Claim.Value, $"所述决算数 {statedActual.Claim.Printed}"));
            var budgets = new List<(long, string)>();
            if (e.Budget is { } b) budgets.Add((b.Value, $"{b.Location.Display} {Wan(b.Value, _accounts.Precision)}"));
            if (statedBudget is not null) budgets.Add((statedBudget.Claim.Value, $"所述预算数 {statedBudget.Claim.Printed}"));
            if (actuals.Count == 0 || budgets.Count == 0) continue;
            Checked.Add(t.Claim);
            if (statedActual is not null) Checked.Add(statedActual.Claim);
            if (statedBudget is not null) Checked.Add(statedBudget.Claim);
            var where = Of(t.Claim.Sentence, e, e.Budget is not null ? Facet.Budget : Facet.Actual);
            if (budgets.Any(x => x.Item1 == 0))
            {
                Add(NarrativeRules.CompletionOfZeroBudget, where, 0, Bp(t.Claim.Value), 0,
                    $"{Quote(t.Claim.Sentence, t.Claim.Start)}：{e.Name}的预算数为 0，“完成预算的 {t.Claim.Printed}”无从计算。请删去该百分比。", FindingQuantity.BasisPoints);
                continue;
            }
            var pairs = Pairs(actuals, budgets).ToList();
            if (pairs.Any(p => Ratio.Matches(t.Claim.Value, t.Claim.Decimals, p.Part, p.Whole))) continue;
            var expected = Ratio.Percent(pairs[0].Part, pairs[0].Whole, 2);
            Add(NarrativeRules.Completion, where, expected, Bp(t.Claim.Value), 0,
                $"{Quote(t.Claim.Sentence, t.Claim.Start)}：{e.Name}完成预算的百分比写为 {t.Claim.Printed}，按 {pairs[0].How} 计算应为 {Ratio.Format(expected * 100)}。请改正该百分比。",
                FindingQuantity.BasisPoints);
        }
    }
}
