using Consolidation.Domain.Rules;
using static Consolidation.Domain.Narrative.NarrativeFindings;

namespace Consolidation.Domain.Narrative;

internal sealed partial class NarrativeChecker
{
    private static string Word(int sign) => sign > 0 ? "增加" : sign < 0 ? "减少" : "持平";

    private static string Against(ChangeBase b) => b == ChangeBase.Budget ? "年初预算数" : "上年";

    private static string BaseFigure(ChangeBase b) => b == ChangeBase.Budget ? "年初预算数" : "上年数";

    // WZ-03 / WZ-06 / WZ-14: 与上年相比 (or 比年初预算数) 增加/减少 X, 增长/减少 Y%.
    private void CheckChanges()
    {
        foreach (var t in Claims.Where(t => t.Claim.Role is ClaimRole.Change or ClaimRole.Rate))
        {
            var c = t.Claim;
            var e = t.Entity;
            if (e is null) continue;
            if (c.Kind == ClaimKind.Count) { CheckStaffChange(t); continue; } // a change of staff is against last year
            if (c.Base == ChangeBase.None) continue;
            var section = c.Sentence.Section;
            var thisCell = e.Actual;
            var statedThis = StatedBefore(e, Facet.Actual, section, c.Start);
            long? baseCell = c.Base == ChangeBase.LastYear ? e.LastActual?.Value : e.Budget?.Value;
            if (baseCell is { } last && thisCell is not null)
            {
                Checked.Add(c);
                var expected = thisCell.Value - last;
                if (c.Role == ClaimRole.Change)
                {
                    var tolerance = c.HalfStep + 2 * thisCell.HalfStep;
                    if (Math.Abs(c.Value - Math.Abs(expected)) > tolerance)
                        Add(NarrativeRules.Change, thisCell.Location, Math.Abs(expected), c.Value, tolerance,
                            $"{Quote(c.Sentence, c.Start)}：{e.Name}与{Against(c.Base)}相比的变动额写为 {c.Printed}，按本年 {Amount(thisCell.Value)} 与{Against(c.Base)} {Amount(last)} 计算应为" +
                            $"{Word(Math.Sign(expected))} {Amount(Math.Abs(expected))}。请改正。");
                    else if (expected != 0 && Math.Sign(expected) != c.Sign) DirectionFinding(t, Math.Sign(expected), thisCell.Location);
                }
                else
                {
                    if (last == 0)
                    {
                        Add(NarrativeRules.Change, thisCell.Location, 0, Bp(c.Value), 0,
                            $"{Quote(c.Sentence, c.Start)}：{e.Name}的{BaseFigure(c.Base)}为 0，增减率 {c.Printed} 无从计算。请删去该百分比（可写“基数为0，不可比”）。", FindingQuantity.UndefinedRate);
                        continue;
                    }
                    var lastHalf = c.Base == ChangeBase.LastYear ? e.LastActual!.HalfStep : e.Budget!.HalfStep;
                    var candidates = new List<(long Part, long PartHalf, long Whole)> { (Math.Abs(expected), thisCell.HalfStep + lastHalf, last) };
                    if (t.Change is { } ch) candidates.Add((ch.Claim.Value, ch.Claim.HalfStep, last));
                    if (!candidates.Any(p => Ratio.Reachable(c.Value, c.Decimals, p.Part, p.PartHalf, p.Whole, lastHalf)))
                    {
                        var rate = Ratio.Percent(Math.Abs(expected), last, 2);
                        Add(NarrativeRules.Change, thisCell.Location, rate, Bp(c.Value), 0,
                            $"{Quote(c.Sentence, c.Start)}：{e.Name}与{Against(c.Base)}相比的增减率写为 {c.Printed}，按（{Amount(thisCell.Value)} − {Amount(last)}）÷ {Amount(last)} 计算应为 {Ratio.Format(rate * 100)}。请改正。",
                            FindingQuantity.BasisPoints);
                    }
                    else if (expected != 0 && Math.Sign(expected) != c.Sign) DirectionFinding(t, Math.Sign(expected), thisCell.Location);
                }
                continue;
            }
            if (c.Role == ClaimRole.Change)
            {
                // Checked with its rate, below; alone it needs last year's accounts.
                if (!Claims.Any(r => ReferenceEquals(r.Change, t))) (c.Base == ChangeBase.LastYear ? AwaitingLastYear : Checked).Add(c);
                continue;
            }
            if (t.Change is null)
            {
                if (c.Base == ChangeBase.LastYear) AwaitingLastYear.Add(c);
                continue;
            }
            // No last year on file: the claim's own numbers. last = this − change; rate = change / last.
            var change = t.Change.Claim;
            var signed = change.Sign * change.Value;
            var thisValues = new List<(long Value, long Half, string How)>();
            if (thisCell is not null) thisValues.Add((thisCell.Value, thisCell.HalfStep, $"{thisCell.Location.Display} {Amount(thisCell.Value)}"));
            if (statedThis is not null) thisValues.Add((statedThis.Claim.Value, statedThis.Claim.HalfStep, $"所述{e.Name} {statedThis.Claim.Printed}"));
            if (thisValues.Count == 0) continue;
            Checked.Add(c);
            Checked.Add(change);
            if (statedThis is not null) Checked.Add(statedThis.Claim);
            if (change.Sign != 0 && c.Sign != 0 && change.Sign != c.Sign)
            {
                DirectionFinding(t, change.Sign, thisCell?.Location ?? Stated(c.Sentence, e));
                continue;
            }
            var bases = thisValues.Select(v => (Last: v.Value - signed, Half: v.Half + change.HalfStep, v.How)).ToList();
            if (bases.All(b => b.Last <= 0))
            {
                Add(NarrativeRules.Change, thisCell?.Location ?? Stated(c.Sentence, e), 0, change.Value, 0,
                    $"{Quote(c.Sentence, c.Start)}：{e.Name}本年数减去所述增加额 {change.Printed} 后{BaseFigure(c.Base)}不为正，增减率无从计算。请核对。");
                continue;
            }
            if (bases.Where(b => b.Last > 0).Any(b => Ratio.Reachable(c.Value, c.Decimals, change.Value, change.HalfStep, b.Last, b.Half))) continue;
            var (lastValue, _, how) = bases.First(b => b.Last > 0);
            var expectedRate = Ratio.Percent(change.Value, lastValue, 2);
            Add(NarrativeRules.Change, thisCell?.Location ?? Stated(c.Sentence, e), expectedRate, Bp(c.Value), 0,
                $"{Quote(c.Sentence, c.Start)}：{e.Name}{(c.Sign > 0 ? "增长" : "减少")}率写为 {c.Printed}；按所述变动额 {change.Printed} 与 {how} 推得{BaseFigure(c.Base)} {Amount(lastValue)}，" +
                $"{change.Printed} ÷ {Amount(lastValue)} = {Ratio.Format(expectedRate * 100)}（四舍五入保留两位小数）。请改正该百分比。", FindingQuantity.BasisPoints);
        }
    }

    private void DirectionFinding(TiedClaim t, int actualSign, CellLocation where)
    {
        var c = t.Claim;
        Add(NarrativeRules.Direction, where, actualSign, c.Sign, 0,
            $"{Quote(c.Sentence, c.Start)}：用词为“{(c.Sign > 0 ? "增加/增长" : "减少/下降")}”，而{t.Entity!.Name}与{Against(c.Base)}相比实为{(actualSign > 0 ? "增加" : "减少")}。请改正用词。",
            FindingQuantity.Count);
    }

    private void CheckStaffChange(TiedClaim t)
    {
        var c = t.Claim;
        if (t.Entity?.Key != "Staff" || c.Base == ChangeBase.Budget) return;
        if (_lastYear is null) { AwaitingLastYear.Add(c); return; }
        Checked.Add(c);
        var expected = _accounts.Staffing.Actual - _lastYear.Staffing.Actual;
        if (c.Sign * c.Value == expected) return;
        Add(NarrativeRules.Count, Wording(c.Sentence, "staff"), expected, c.Sign * c.Value, 0,
            $"{Quote(c.Sentence, c.Start)}：所述人员{(c.Sign > 0 ? "增加" : "减少")} {c.Printed}，而实有人数本年 {_accounts.Staffing.Actual} 人、上年 {_lastYear.Staffing.Actual} 人，" +
            $"{(expected >= 0 ? "增加" : "减少")} {Math.Abs(expected)} 人。请核对。", FindingQuantity.Count);
    }

    // WZ-06: 决算数大于/小于/等于预算数; 与上年一致.
    private void CheckDirections()
    {
        foreach (var d in analysis.Directions)
        {
            var e = d.Entity;
            if (e is null) continue;
            var p = d.Phrase;
            if (p.Base == ChangeBase.LastYear)
            {
                if (e.LastActual is not { } last || e.Actual is not { } now || now.Value == last.Value) continue;
                Add(NarrativeRules.Direction, now.Location, last.Value, now.Value, 0,
                    $"{Quote(p.Sentence, p.Start)}：写“{p.Printed}”，而{e.Name}本年 {Amount(now.Value)}、上年 {Amount(last.Value)}。请改正用词。");
                continue;
            }
            long actual, budget;
            bool exact;
            CellLocation where;
            // "决算数大于全年预算数": the adjusted budget, stated only; never the 年初预算数 cell.
            var fullYear = ClaimTies.NamesFullYearBudget(p.Printed);
            if ((fullYear ? e.FullYearBudget : e.Budget) is { } b && e.Actual is { } a)
            {
                (actual, budget, where, exact) = (a.Value, b.Value, a.Location, a.HalfStep == 0);
            }
            else
            {
                var sa = StatedBefore(e, Facet.Actual, p.Sentence.Section, p.Start);
                var sb = StatedBefore(e, fullYear ? Facet.FullYearBudget : Facet.Budget, p.Sentence.Section, p.Start);
                if (sa is null || sb is null) continue;
                (actual, budget, where, exact) = (sa.Claim.Value, sb.Claim.Value, Of(p.Sentence, e), false);
            }
            var sign = Math.Sign(actual - budget);
            if (sign == p.Sign) continue;
            // In 元, amounts that print alike in 万元 may be called equal.
            if (exact && p.Sign == 0 && Math.Abs(actual - budget) < 5_000) continue;
            Add(NarrativeRules.Direction, where, budget, actual, 0,
                $"{Quote(p.Sentence, p.Start)}：写“{p.Printed}”，但{e.Name}决算数 {Amount(actual)}{(sign > 0 ? "大于" : sign < 0 ? "小于" : "等于")}{(fullYear ? "全年预算数" : "预算数")} {Amount(budget)}。" +
                "请改正用词（大于/小于/等于）及其原因说明。", FindingQuantity.BudgetMoney);
        }
    }

    // WZ-11: a count goes with spending (团组, 人次, 人数, 车辆, 项目个数).
    private void CheckCounts()
    {
        foreach (var t in Claims.Where(t => t.Claim is { Kind: ClaimKind.Count, Role: ClaimRole.Figure }))
        {
            var e = t.Entity;
            if (e is null || e.Key.StartsWith("S13", StringComparison.Ordinal) || e.Key == "Staff") continue;
            // "其中：接待外宾 0 批次": a count of a part may be 0 while the whole has spending.
            if (t.Claim.Subject.Contains("其中", StringComparison.Ordinal) || t.Claim.Subject.Contains("外宾", StringComparison.Ordinal)) continue;
            var spent = e.Actual?.Value ?? StatedBefore(e, Facet.Actual, t.Claim.Sentence.Section, t.Claim.Start)?.Claim.Value;
            if (spent is null) continue;
            Checked.Add(t.Claim);
            if (t.Claim.Value > 0 == spent > 0) continue;
            Add(NarrativeRules.Count, e.Actual?.Location ?? Stated(t.Claim.Sentence, e), spent.Value, t.Claim.Value, 0,
                $"{Quote(t.Claim.Sentence, t.Claim.Start)}：所述数量 {t.Claim.Printed}，而{e.Name}支出为 {Amount(spent.Value)}" +
                $"（{(t.Claim.Value > 0 ? "有数量却无支出" : "无数量却有支出")}）。请核对。", FindingQuantity.Count);
        }
    }
}
