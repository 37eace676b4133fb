using Consolidation.Domain.Model;

namespace Consolidation.Synthetic;

/// <summary>
/// What synthetic accounts promise beyond the checker's within-table rules: the between-table equalities of the
/// reference (section 3), exact; T5 within T3 row by row; 年末结转和结余 ≥ 0; 三公 actuals within budget and equal to
/// T6 30217 / 30231; 人员经费 a plausible share of 基本支出. Returns one line per broken promise; empty when all hold.
/// </summary>
public static class Invariants
{
    public static IReadOnlyList<string> Check(FinalAccounts a)
    {
        var f = new List<string>();
        void Eq(string what, long left, long right)
        {
            if (left != right) f.Add($"{a.DepartmentCode} {what}: {Money.Format(left, AmountPrecision.Yuan)} ≠ {Money.Format(right, AmountPrecision.Yuan)} 元");
        }
        void True(string what, bool holds)
        {
            if (!holds) f.Add($"{a.DepartmentCode} {what}");
        }
        var (t1, t2, t3, t4, t5, t6, t7, t8, t9) = (a["T1"], a["T2"], a["T3"], a["T4"], a["T5"], a["T6"], a["T7"], a["T8"], a["T9"]);
        long T1(string key) => t1.Fixed(key, "amount");
        var fiscal = T1("generalBudgetAppropriation") + T1("governmentFundAppropriation") + T1("stateCapitalAppropriation");

        // 1. T2 ↔ T1 ↔ T4
        Eq("T2 合计 本年收入合计 = T1 本年收入合计", t2.Fixed("total", "total"), T1("incomeTotal"));
        Eq("T2 合计 财政拨款收入 = T1 三项财政拨款", t2.Fixed("total", "fiscal"), fiscal);
        Eq("T4 本年收入合计 = T1 三项财政拨款", t4.Fixed("incomeCurrent", "total"), fiscal);
        Eq("T4 一般公共预算 本年收入 = T1 一般公共预算财政拨款收入", t4.Fixed("incomeCurrent", "generalBudget"), T1("generalBudgetAppropriation"));
        Eq("T4 政府性基金 本年收入 = T1 政府性基金预算财政拨款收入", t4.Fixed("incomeCurrent", "governmentFund"), T1("governmentFundAppropriation"));

        // 2. T3 ↔ T1
        Eq("T3 合计 = T1 本年支出合计", t3.Fixed("total", "total"), T1("expenditureTotal"));
        var t1Classes = t1.Rows.ToDictionary(r => r.Code, r => r.Values[0]);
        var t3Classes = t3.Rows.Where(r => r.Code.Length == 3).ToDictionary(r => r.Code, r => r.Values[0]);
        foreach (var code in t1Classes.Keys.Union(t3Classes.Keys))
            Eq($"T3 类 {code} = T1 类 {code}", t3Classes.GetValueOrDefault(code), t1Classes.GetValueOrDefault(code));

        // 3. T4 ↔ T5 / T8 / T9, by fund and by 类
        Eq("T4 一般公共预算 本年支出 = T5 合计", t4.Fixed("expenditureTotal", "generalBudget"), t5.Fixed("total", "total"));
        Eq("T4 政府性基金 本年支出 = T8 本年支出合计", t4.Fixed("expenditureTotal", "governmentFund"), t8.Fixed("total", "expenditureTotal"));
        Eq("T4 政府性基金 年初 = T8 年初结转和结余", t4.Fixed("incomeOpening", "governmentFund"), t8.Fixed("total", "openingBalance"));
        Eq("T4 政府性基金 本年收入 = T8 本年收入", t4.Fixed("incomeCurrent", "governmentFund"), t8.Fixed("total", "income"));
        Eq("T4 政府性基金 年末 = T8 年末结转和结余", t4.Fixed("closingBalance", "governmentFund"), t8.Fixed("total", "closingBalance"));
        Eq("T4 国有资本经营 本年支出 = T9 本年支出合计", t4.Fixed("expenditureTotal", "stateCapital"), t9.Fixed("total", "expenditureTotal"));
        var t4Classes = t4.Rows.ToDictionary(r => r.Code, r => r.Values);
        var t5Classes = t5.Rows.Where(r => r.Code.Length == 3).ToDictionary(r => r.Code, r => r.Values[1]);
        var t8Classes = t8.Rows.Where(r => r.Code.Length == 3).ToDictionary(r => r.Code, r => r.Values[2]);
        foreach (var code in t4Classes.Keys.Union(t5Classes.Keys).Union(t8Classes.Keys))
        {
            var row = t4Classes.GetValueOrDefault(code) ?? new long[4];
            Eq($"T4 类 {code} 一般公共预算 = T5 类", row[1], t5Classes.GetValueOrDefault(code));
            Eq($"T4 类 {code} 政府性基金 = T8 类", row[2], t8Classes.GetValueOrDefault(code));
        }

        // 4. T5 基本支出 = T6 人员经费 + 公用经费
        Eq("T5 合计 基本支出 = T6 人员经费合计 + 公用经费合计", t5.Fixed("total", "basic"), t6.Fixed("personnelTotal", "amount") + t6.Fixed("publicTotal", "amount"));
        Eq("T6 合计 = T5 合计 基本支出", t6.Fixed("total", "amount"), t5.Fixed("total", "basic"));

        // 5. T5 ≤ T3 row by row
        var t3Rows = t3.Rows.ToDictionary(r => r.Code, r => r.Values);
        foreach (var row in t5.Rows.Where(r => r.Values[1] > 0))
        {
            var all = t3Rows.GetValueOrDefault(row.Code);
            True($"T5 {row.Code} 决算数 {row.Values[1]} 分 ≤ T3 本年支出合计", all is not null && row.Values[1] <= all[0]);
            True($"T5 {row.Code} 基本支出 ≤ T3 基本支出", all is not null && row.Values[2] <= all[1]);
        }

        // Balances
        True("T1 年末结转和结余 ≥ 0", T1("closingBalance") >= 0);
        True("T4 年末财政拨款结转和结余 ≥ 0", t4.FixedRows["closingBalance"].All(v => v >= 0));

        // 7. 三公 ↔ T6, within budget
        long T6(string code) => t6.FindRow(code)?[0] ?? 0;
        Eq("T7 公务接待费 决算 = T6 30217", t7.Fixed("reception", "actual"), T6("30217"));
        Eq("T7 公务用车运行维护费 决算 = T6 30231", t7.Fixed("vehicleOperation", "actual"), T6("30231"));
        foreach (var row in t7.Layout.FixedRows)
            True($"T7 {row.Name} 决算 ≤ 预算", t7.Fixed(row.Key, "actual") <= t7.Fixed(row.Key, "budget"));

        // 人员经费 share of 基本支出 (the generator draws 70–85 %).
        var basic = t6.Fixed("total", "amount");
        var personnel = t6.Fixed("personnelTotal", "amount");
        True($"T6 人员经费占基本支出 {Money.Percent(personnel, basic)} 不在 65%–90% 之间",
            basic == 0 || (personnel * 100 >= basic * 65 && personnel * 100 <= basic * 90));
        return f;
    }
}
