using System.Numerics;
using Consolidation.Domain.Model;
using Consolidation.Domain.Rules;
using static Consolidation.Domain.Narrative.NarrativeFindings;

namespace Consolidation.Domain.Narrative;

internal sealed partial class NarrativeChecker
{
    private readonly List<(TiedClaim Share, long ExpectedBp, long Part, long Whole)> _shares = [];
    private readonly List<Operand> _parts = [];
    private readonly List<Operand> _wholes = [];

    /// <summary>
    /// A number a ratio may honestly be computed from: a cell, or a stated amount ("所述{Name} 12.34万元"). How a finding
    /// names it is written only when there is a finding.
    /// </summary>
    private readonly record struct Operand(long Value, Figure? Cell, string? Name = null, Claim? Stated = null)
    {
        public static Operand Of(Figure cell) => new(cell.Value, cell);

        /// <summary>Half a printed unit of the number: the interval it stands for is Value ± Half.</summary>
        public long Half => Cell?.HalfStep ?? Stated?.HalfStep ?? 0;

        public static Operand Of(string name, Claim stated) => new(stated.Value, null, name, stated);

        public string How(AmountPrecision precision) =>
            Cell is not null ? $"{Cell.Location.Display} {Wan(Value, precision)}" : $"所述{Name} {Stated!.Printed}";
    }

    /// <summary>"part ÷ whole" as a finding shows it.</summary>
    private string How(Operand part, Operand whole) => $"{part.How(_accounts.Precision)} ÷ {whole.How(_accounts.Precision)}";

    private static long Bp(long tenThousandths) => tenThousandths / 100;

    // WZ-02: a share equals the recomputed ratio.
    private void CheckShares()
    {
        foreach (var t in Claims)
        {
            if (t.Claim.Role != ClaimRole.Share || t.Entity is null || t.Denominator is null) continue;
            _parts.Clear();
            if (t.Entity.Actual is { } pc) _parts.Add(Operand.Of(pc));
            if (t.Part is { } stated && ReferenceEquals(stated.Entity, t.Entity)) _parts.Add(Operand.Of(t.Entity.Name, stated.Claim));
            _wholes.Clear();
            if (t.Denominator.Actual is { } dc) _wholes.Add(Operand.Of(dc));
            if (StatedBefore(t.Denominator, Facet.Actual, t.Claim.Sentence.Section, t.Claim.Start) is { } sd) _wholes.Add(Operand.Of(t.Denominator.Name, sd.Claim));
            if (_parts.Count == 0 || _wholes.Count == 0) continue;
            Checked.Add(t.Claim);
            if (t.Part is not null) Checked.Add(t.Part.Claim);
            // The pairs (part, whole) in order, parts first: the first with a whole not 0 gives the expected share.
            (Operand Part, Operand Whole)? first = null;
            var matches = false;
            foreach (var p in _parts)
                foreach (var q in _wholes)
                {
                    if (q.Value == 0) continue;
                    first ??= (p, q);
                    matches = matches || Ratio.Reachable(t.Claim.Value, t.Claim.Decimals, p.Value, p.Half, q.Value, q.Half);
                }
            if (first is not { } usable)
            {
                if (t.Claim.Value == 0 && _parts.TrueForAll(p => p.Value == 0)) continue;
                Add(NarrativeRules.Share, Of(t.Claim.Sentence, t.Entity), 0, Bp(t.Claim.Value), 0,
                    $"{Quote(t.Claim.Sentence, t.Claim.Start)}：{t.Denominator.Name}为 0，占比 {t.Claim.Printed} 无从计算。请删去或改正该占比。", FindingQuantity.UndefinedRate);
                continue;
            }
            var expected = Ratio.Percent(usable.Part.Value, usable.Whole.Value, 2);
            _shares.Add((t, expected, usable.Part.Value, usable.Whole.Value));
            if (matches) continue;
            Add(NarrativeRules.Share, Of(t.Claim.Sentence, t.Entity), expected, Bp(t.Claim.Value), 0,
                $"{Quote(t.Claim.Sentence, t.Claim.Start)}：{t.Entity.Name}占{t.Denominator.Name}的比例写为 {t.Claim.Printed}，" +
                $"按 {How(usable.Part, usable.Whole)} 计算（四舍五入保留两位小数）应为 {Ratio.Format(expected * 100)}。请改正该占比。", FindingQuantity.BasisPoints);
        }
    }

    private static readonly (string Share, string Category)[] ProcurementPairs =
        [("S12.smeGoods", "S12.goods"), ("S12.smeWorks", "S12.works"), ("S12.smeServices", "S12.services")];

    // WZ-02 (十二): the per-category shares of the SME contracts reproduce the SME total.
    private void CheckProcurementShares()
    {
        // One pass: per category its first share of SME contracts and its first amount; the SME and overall totals.
        var shareOf = new TiedClaim?[ProcurementPairs.Length];
        var amountOf = new TiedClaim?[ProcurementPairs.Length];
        TiedClaim? sme = null, total = null;
        var categories = 0;
        foreach (var t in Claims)
        {
            if (t.Entity?.Key is not { } key || !key.StartsWith("S12.", StringComparison.Ordinal)) continue;
            for (var k = 0; k < ProcurementPairs.Length; k++)
            {
                var (smeKey, categoryKey) = ProcurementPairs[k];
                if (t.Claim.Role == ClaimRole.Share && shareOf[k] is null && key == smeKey && t.Denominator?.Key == categoryKey) shareOf[k] = t;
                if (t.Claim.Role == ClaimRole.Figure && amountOf[k] is null && key == categoryKey) amountOf[k] = t;
            }
            if (t.Claim.Role != ClaimRole.Figure) continue;
            if (key == "S12.sme") sme ??= t;
            if (key == "S12.total") total ??= t;
            if (key is "S12.goods" or "S12.works" or "S12.services") categories++;
        }
        var shares = new List<(TiedClaim? Share, TiedClaim? Category)>();
        for (var k = 0; k < ProcurementPairs.Length; k++)
            if (shareOf[k] is not null) shares.Add((shareOf[k], amountOf[k]));
        if (shares.Count == 0) return;
        if (sme is null || shares.Exists(s => s.Category is null)) return;
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

    [System.Text.RegularExpressions.GeneratedRegex(@"面向中小企业预留的?政府采购项目中[^；;。]*?(采购|合同)金额(为)?\s*$")]
    private static partial System.Text.RegularExpressions.Regex SmeReservedAwarded();

    [System.Text.RegularExpressions.GeneratedRegex(@"面向小微企业预留的?政府采购项目中[^；;。]*?(采购|合同)金额(为)?\s*$")]
    private static partial System.Text.RegularExpressions.Regex SmallReservedAwarded();

    [System.Text.RegularExpressions.GeneratedRegex(@"其他政府采购项目中[^；;。]*?中小企业[^；;。]*?(采购|合同)金额(为)?\s*$")]
    private static partial System.Text.RegularExpressions.Regex SmeOtherAwarded();

    // WZ-20: what SMEs were awarded, in reserved and in other projects, adds up to the SME total; within the procurement total.
    private void CheckSmallBusinesses()
    {
        Claim? reserved = null, other = null, small = null, sme = null, smallTotal = null, total = null;
        foreach (var c in analysis.Document.Claims)
        {
            if (c.Sentence.Section != (int)Templates.NarrativeTopic.Procurement || c.Kind != ClaimKind.Amount || c.Role != ClaimRole.Figure) continue;
            var before = c.Sentence.Text[..(c.Start - c.Sentence.Start)];
            var words = c.Subject;
            if (SmeReservedAwarded().IsMatch(before) && words.Contains("金额", StringComparison.Ordinal)) reserved ??= c;
            else if (SmallReservedAwarded().IsMatch(before) && words.Contains("金额", StringComparison.Ordinal)) small ??= c;
            else if (SmeOtherAwarded().IsMatch(before)) other ??= c;
            else if (words.Contains("授予中小企业合同金额", StringComparison.Ordinal)) sme ??= c;
            else if (words.Contains("授予小微企业合同金额", StringComparison.Ordinal)) smallTotal ??= c;
        }
        foreach (var t in Claims)
            if (t.Entity?.Key == "S12.total" && t.Claim.Role == ClaimRole.Figure) { total = t.Claim; break; }
        var smeEntity = Entities["S12.sme"]!;
        void Finding(Claim at, long expected, long actual, long tolerance, string what) =>
            Add(NarrativeRules.SmallBusinesses, Stated(at.Sentence, smeEntity), expected, actual, tolerance, $"{Quote(at.Sentence, at.Start)}：{what}请核对政府采购中小企业的各项金额。");
        foreach (var c in new[] { reserved, other, small, sme, smallTotal }) if (c is not null) Checked.Add(c);
        if (reserved is not null && other is not null && sme is not null)
        {
            var tolerance = reserved.HalfStep + other.HalfStep; // n × half a unit for n stated parts, as WZ-07
            var sum = reserved.Value + other.Value;
            if (Math.Abs(sum - sme.Value) > tolerance)
                Finding(sme, sum, sme.Value, tolerance, $"授予中小企业合同金额 {sme.Printed}，而预留项目 {reserved.Printed} 与其他项目 {other.Printed} 之和为 {Amount(sum)}。");
        }
        var awarded = sme?.Value ?? (reserved is not null && other is not null ? reserved.Value + other.Value : (long?)null);
        var awardedAt = sme ?? other ?? reserved;
        if (awarded is { } a && total is not null && a > total.Value + total.HalfStep + (awardedAt?.HalfStep ?? 0))
            Finding(awardedAt!, total.Value, a, 0, $"授予中小企业的金额 {Amount(a)} 超过政府采购总额 {total.Printed}。");
        var smallValue = smallTotal ?? small;
        var smeValue = sme ?? reserved;
        if (smallValue is not null && smeValue is not null && smallValue.Value > smeValue.Value + smallValue.HalfStep + smeValue.HalfStep)
            Finding(smallValue, smeValue.Value, smallValue.Value, 0, $"授予小微企业的金额 {smallValue.Printed} 超过授予中小企业的金额 {smeValue.Printed}（小微企业是中小企业的一部分）。");
    }

    // WZ-08: shares of one breakdown add to exactly 100% only when the honest ones do.
    private void CheckForcedHundred()
    {
        foreach (var group in _shares.GroupBy(s => (s.Share.Claim.Sentence.Section, s.Share.Claim.Sentence.Subsection, s.Share.Denominator!.Key)))
        {
            var list = group.ToList();
            if (list.Count < 2) continue;
            if (list.Sum(s => s.Share.Claim.Value) != 1_000_000) continue;
            // Honest shares at each one's own printed precision (1.1% where one decimal is printed).
            static long HonestAtItsPrecision((TiedClaim Share, long ExpectedBp, long Part, long Whole) s)
            {
                var d = Math.Clamp(s.Share.Claim.Decimals, 0, 2);
                return Ratio.Percent(s.Part, s.Whole, d) * Claim.Pow10(2 - d);
            }
            var honest = list.Sum(HonestAtItsPrecision);
            if (honest == 10_000) continue;
            var altered = list.Where(s => HonestAtItsPrecision(s) * 100 != s.Share.Claim.Value).ToList();
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
        foreach (var t in Claims)
        {
            var e = t.Entity;
            if (t.Claim.Role != ClaimRole.Completion || e is null) continue;
            var section = t.Claim.Sentence.Section;
            var statedActual = StatedBefore(e, Facet.Actual, section, t.Claim.Start);
            // The budget the sentence names: 完成全年预算的 / 调整预算 only against a stated adjusted budget (no table holds it);
            // 完成年初预算的 / 完成预算的 against the 年初预算数 cell or the stated budget.
            var fullYear = ClaimTies.NamesFullYearBudget(t.Claim.Subject);
            var statedFullYear = StatedBefore(e, Facet.FullYearBudget, section, t.Claim.Start);
            var statedBudget = fullYear ? statedFullYear : StatedBefore(e, Facet.Budget, section, t.Claim.Start) ?? statedFullYear;
            var budgetCell = fullYear || (statedBudget is not null && ReferenceEquals(statedBudget, statedFullYear)) ? e.FullYearBudget : e.Budget;
            var actuals = _parts;
            actuals.Clear();
            if (e.Actual is { } a) actuals.Add(Operand.Of(a));
            if (statedActual is not null) actuals.Add(Operand.Of("决算数", statedActual.Claim));
            var budgets = _wholes;
            budgets.Clear();
            if (budgetCell is { } b) budgets.Add(Operand.Of(b));
            if (statedBudget is not null) budgets.Add(Operand.Of(statedBudget.Facet == Facet.FullYearBudget ? "全年预算数" : "预算数", statedBudget.Claim));
            if (actuals.Count == 0 || budgets.Count == 0) continue;
            Checked.Add(t.Claim);
            if (statedActual is not null) Checked.Add(statedActual.Claim);
            if (statedBudget is not null) Checked.Add(statedBudget.Claim);
            var where = budgetCell is not null && ReferenceEquals(budgetCell, e.FullYearBudget) ? budgetCell.Location
                : Of(t.Claim.Sentence, e, budgetCell is not null ? Facet.Budget : Facet.Actual);
            if (budgets.Exists(x => x.Value == 0))
            {
                Add(NarrativeRules.CompletionOfZeroBudget, where, 0, Bp(t.Claim.Value), 0,
                    $"{Quote(t.Claim.Sentence, t.Claim.Start)}：{e.Name}的预算数为 0，“完成预算的 {t.Claim.Printed}”无从计算。请删去该百分比。", FindingQuantity.UndefinedRate);
                continue;
            }
            var matches = false;
            foreach (var p in actuals)
                foreach (var q in budgets)
                    matches = matches || Ratio.Reachable(t.Claim.Value, t.Claim.Decimals, p.Value, p.Half, q.Value, q.Half);
            if (matches) continue;
            var expected = Ratio.Percent(actuals[0].Value, budgets[0].Value, 2);
            Add(NarrativeRules.Completion, where, expected, Bp(t.Claim.Value), 0,
                $"{Quote(t.Claim.Sentence, t.Claim.Start)}：{e.Name}完成预算的百分比写为 {t.Claim.Printed}，按 {How(actuals[0], budgets[0])} 计算应为 {Ratio.Format(expected * 100)}。请改正该百分比。",
                FindingQuantity.BasisPoints);
        }
    }
}
