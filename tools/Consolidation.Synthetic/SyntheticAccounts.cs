using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;

namespace Consolidation.Synthetic;

/// <summary>
/// Makes realistic, internally consistent synthetic final accounts (部门决算) from a <see cref="DepartmentProfile"/> and
/// a seed. Everything is built from leaves — per function 项: 一般公共预算 basic/project, 年初预算, 财政拨款 balances,
/// non-fiscal basic/project and income by source, 政府性基金 activity; per economic 款: the T6 breakdown — and summed
/// upward, so every equality of the reference (sections 2 and 3) holds exactly, in 元 and in 万元 alike. Amounts are
/// <see cref="long"/> 分 throughout; the same profile, seed and year always give the same accounts.
/// </summary>
public static class SyntheticAccounts
{
    public const int DefaultFiscalYear = 2023;

    public static FinalAccounts Generate(DepartmentProfile profile, int seed, int fiscalYear = DefaultFiscalYear)
    {
        var problems = profile.Problems();
        if (problems.Count > 0)
            throw new ArgumentException($"profile {profile.Code} {profile.Name}: {string.Join("; ", problems)}", nameof(profile));
        return new Generator(profile, seed, fiscalYear).Run();
    }
}

/// <summary>One function 项 and everything the accounts say about it, in 分.</summary>
internal sealed class Leaf(string code)
{
    public string Code { get; } = code;
    // 一般公共预算财政拨款 (T5), its 年初预算 and the 财政拨款结转和结余 attached to it (T4).
    public long FiscalBasic, FiscalProject, Budget, FiscalOpening, FiscalClosing;
    // Non-fiscal money (T3 − T5 − T8).
    public long OtherBasic, OtherProject;
    // 政府性基金预算财政拨款 (T8): spent as project money.
    public long FundOpening, FundProject, FundClosing;
    // Non-fiscal income by source (T2). 经营收入 and 附属单位上缴收入 stay 0: the generator books no 经营 activity and no
    // money moving between the units of one set (it would appear twice unless eliminated).
    public long Superior, Business, Other;

    public long GeneralTotal => FiscalBasic + FiscalProject;
    public long GeneralIncome => GeneralTotal + FiscalClosing - FiscalOpening;
    public long FundIncome => FundProject + FundClosing - FundOpening;
    public long NonFiscalIncome => Superior + Business + Other;
    public long Basic => FiscalBasic + OtherBasic;
    public long Project => FiscalProject + OtherProject + FundProject;
    public long Spending => Basic + Project;
    public bool HasFund => FundOpening != 0 || FundProject != 0 || FundClosing != 0;
}

internal sealed class Generator
{
    private readonly DepartmentProfile _p;
    private readonly int _year;
    private readonly Amounts _a;
    private readonly SortedDictionary<string, Leaf> _leaves = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _economic = new(StringComparer.Ordinal);

    // T7 三公: actual and budget.
    private long _outbound, _vehiclePurchase, _vehicleOperation, _reception;
    private long _outboundBudget, _vehiclePurchaseBudget, _vehicleOperationBudget, _receptionBudget;
    // Non-fiscal balances, which T1 shows only in total.
    private long _nonFiscalOpening, _nonFiscalClosing, _nonFiscalBalanceUsed, _surplusDistribution;

    public Generator(DepartmentProfile profile, int seed, int fiscalYear)
    {
        _p = profile;
        _year = fiscalYear;
        _a = new Amounts(new Random(seed), Money.Granularity(profile.Precision));
    }

    private Leaf L(string code)
    {
        if (!_leaves.TryGetValue(code, out var leaf)) _leaves[code] = leaf = new Leaf(code);
        return leaf;
    }

    private void E(string code, long fen)
    {
        if (fen <= 0) return;
        _economic[code] = _economic.GetValueOrDefault(code) + fen;
    }

    public FinalAccounts Run()
    {
        var a = _a;
        var institution = _p.HasPublicInstitution;
        var selfAdministrative = _p.Type == UnitType.Administrative;

        // 1. How much, from which money.
        var spending = a.WithTail(a.Share(_p.ScaleWanYuan * Money.FenPerWanYuan, 950, 1050));
        var fund = _p.GovernmentFundItems.Count > 0 ? a.Share(spending, 250, 450) : 0;
        var general = a.Share(spending - fund, institution ? 650 : 840, institution ? 880 : 970);
        var nonFiscal = spending - fund - general;

        // 2. 基本支出 from the staff: pay per person a year, retirees' pay; 事业 staff are partly paid from 事业收入.
        var perPerson = selfAdministrative ? a.Between(15_000_000, 22_000_000) : a.Between(13_000_000, 19_000_000);
        var perRetiree = a.Between(2_000_000, 5_000_000);
        var staffCost = _p.Staffing.Actual * perPerson;
        if (institution) staffCost = a.Share(staffCost, 550, 800);
        var retireeCost = _p.Staffing.Retired * perRetiree;
        var generalBasic = a.Floor(Math.Min(staffCost + retireeCost, a.Share(general, 880)));
        var generalProject = general - generalBasic;

        // 3. T6: 人员经费 (301 + 303) 70–85 % of 基本支出, 公用经费 (302, sometimes 310) the rest; T7 inside 302.
        var personnel = a.Share(generalBasic, 700, 850);
        var publicFunds = generalBasic - personnel;
        var retirees = _p.Staffing.Retired == 0 ? 0 : Math.Min(a.Floor(retireeCost), a.Share(personnel, 200));
        SplitEconomic(retirees, [("30302", 850, 1000, 100), ("30305", 0, 150, 50)]);
        var wages = personnel - retirees;
        BuildWages(wages, selfAdministrative);
        BuildPublicFunds(publicFunds, generalProject, selfAdministrative);

        // 4. 基本支出 by function: contributions to their own 项, the rest to the running items.
        var contributions = 0L;
        void Contribution(string item, long fen) { if (fen <= 0) return; L(item).FiscalBasic += fen; contributions += fen; }
        Contribution("2080505", _economic.GetValueOrDefault("30108"));
        Contribution("2080506", _economic.GetValueOrDefault("30109"));
        var medical = _economic.GetValueOrDefault("30110");
        if (_p.HasAdministrativeUnit && institution)
        {
            var administrativeShare = a.Share(medical, 300, 700);
            Contribution("2101101", administrativeShare);
            Contribution("2101102", medical - administrativeShare);
        }
        else Contribution(institution ? "2101102" : "2101101", medical);
        Contribution("2210201", _economic.GetValueOrDefault("30113"));
        Contribution(selfAdministrative ? "2080501" : "2080502", retirees);
        var basicItems = new[] { _p.RunningItem }.Concat(_p.Subordinates.Select(s => s.BasicItem)).Distinct().ToArray();
        var running = generalBasic - contributions;
        var runningParts = a.Split(running, basicItems.Select((_, i) => i == 0 ? a.Next(400, 700) : a.Next(150, 500)).ToArray());
        for (var i = 0; i < basicItems.Length; i++) L(basicItems[i]).FiscalBasic += runningParts[i];

        // 5. 项目支出 over the project items.
        var projectParts = a.Split(generalProject, a.Weights(_p.ProjectItems.Count, 100, 1000));
        for (var i = 0; i < projectParts.Length; i++) L(_p.ProjectItems[i]).FiscalProject += projectParts[i];

        // 6. 年初预算: near the actual for basic items; projects often budgeted low, or not at all (年初未纳入预算).
        foreach (var leaf in _leaves.Values)
        {
            if (leaf.GeneralTotal == 0) continue;
            leaf.Budget = leaf.FiscalProject == 0 ? a.Share(leaf.GeneralTotal, 930, 1050)
                : leaf.FiscalBasic > 0 ? a.Share(leaf.GeneralTotal, 850, 1100)
                : a.Chance(25) ? 0 : a.Share(leaf.GeneralTotal, 600, 1150);
        }
        if (selfAdministrative && a.Chance(20))
            L("2101103").Budget = a.Share(medical, 20, 120); // 公务员医疗补助 budgeted, not drawn

        // 7. 财政拨款结转和结余 (一般公共预算) on project items, for some departments.
        if (a.Chance(40))
        {
            foreach (var item in _p.ProjectItems)
            {
                var leaf = L(item);
                leaf.FiscalOpening = a.Share(leaf.FiscalProject, 0, 200);
                leaf.FiscalClosing = a.Share(leaf.FiscalProject, 0, 150);
            }
        }

        // 8. 政府性基金: project spending, with balances carried in and out.
        if (fund > 0)
        {
            var fundParts = a.Split(fund, a.Weights(_p.GovernmentFundItems.Count, 200, 1000));
            for (var i = 0; i < fundParts.Length; i++)
            {
                var leaf = L(_p.GovernmentFundItems[i]);
                leaf.FundProject = fundParts[i];
                leaf.FundOpening = a.Share(fundParts[i], 0, 300);
                leaf.FundClosing = a.Share(fundParts[i], 0, 250);
            }
        }

        // 9. Non-fiscal money: spending, income by source, balances.
        BuildNonFiscal(nonFiscal, basicItems, institution);

        return Assemble();
    }

    private void SplitEconomic(long total, (string Code, int Lo, int Hi, int Percent)[] parts)
    {
        if (total <= 0) return;
        var weights = parts.Select((p, i) => i == 0 || _a.Chance(p.Percent) ? _a.Next(Math.Max(p.Lo, 1), Math.Max(p.Hi, 1)) : 0).ToArray();
        var amounts = _a.Split(total, weights);
        for (var i = 0; i < parts.Length; i++) E(parts[i].Code, amounts[i]);
    }

    /// <summary>301 工资福利支出: a wage base and the contributions on it (养老 16 %, 职业年金 8 %, 医保, 公积金 12 %).</summary>
    private void BuildWages(long wages, bool selfAdministrative)
    {
        var a = _a;
        (string Code, int Rate)[] rates =
        [
            ("30108", a.Next(150, 160)), ("30109", a.Next(70, 80)), ("30110", a.Next(80, 95)),
            ("30112", a.Next(5, 12)), ("30113", a.Next(100, 120)),
        ];
        var baseWage = a.Floor((long)((Int128)wages * 1000 / (1000 + rates.Sum(r => r.Rate))));
        var contributions = 0L;
        foreach (var (code, rate) in rates)
        {
            var fen = a.Share(baseWage, rate);
            E(code, fen);
            contributions += fen;
        }
        SplitEconomic(wages - contributions,
        [
            ("30102", 300, 400, 100), ("30101", 250, 320, 100), ("30107", 150, 250, 100), ("30103", 30, 80, 70),
            ("30106", 10, 30, selfAdministrative ? 90 : 0), ("30199", 10, 40, 40),
        ]);
    }

    /// <summary>302 商品和服务支出 (with 三公 inside it, equal to T7's actuals) and sometimes 310 资本性支出.</summary>
    private void BuildPublicFunds(long publicFunds, long generalProject, bool selfAdministrative)
    {
        var a = _a;
        _reception = a.Share(publicFunds, 15, 50);
        _vehicleOperation = a.Share(publicFunds, 15, 50);
        _outbound = a.Chance(15) ? a.Share(publicFunds, 5, 25) : 0;
        var meeting = a.Share(publicFunds, 3, 15);
        var training = a.Share(publicFunds, 5, 20);
        var capital = a.Chance(30) ? a.Share(publicFunds, 20, 80) : 0;
        var rest = publicFunds - _reception - _vehicleOperation - _outbound - meeting - training - capital;
        E("30217", _reception);
        E("30231", _vehicleOperation);
        E("30212", _outbound);
        E("30215", meeting);
        E("30216", training);
        SplitEconomic(rest,
        [
            ("30201", 80, 160, 100), ("30211", 60, 140, 100), ("30299", 50, 150, 100), ("30228", 30, 60, 100),
            ("30229", 20, 50, 100), ("30239", 60, 150, selfAdministrative ? 100 : 50), ("30202", 5, 25, 60),
            ("30205", 5, 15, 60), ("30206", 20, 60, 80), ("30207", 10, 30, 80), ("30209", 30, 120, 60),
            ("30213", 20, 80, 70), ("30214", 10, 60, 20), ("30218", 10, 50, 30), ("30226", 20, 90, 60), ("30227", 10, 60, 30),
        ]);
        SplitEconomic(capital, [("31002", 400, 1000, 100), ("31007", 200, 600, 50)]);

        // A car bought from project money now and then (T7 only: T6 holds 基本支出).
        if (a.Chance(10) && generalProject >= 100 * Money.FenPerWanYuan)
            _vehiclePurchase = Math.Min(a.Between(12_000_000, 30_000_000), a.Share(generalProject, 300));

        // Budgets at or above the actuals: 三公 are tightly controlled, so the actual never exceeds the budget here.
        long Budget(long actual, int unbudgetedChance, long unbudgeted) =>
            actual > 0 ? actual + a.Share(actual, 0, 300) : a.Chance(unbudgetedChance) ? unbudgeted : 0;
        _receptionBudget = Budget(_reception, 100, a.Share(publicFunds, 5, 20));
        _vehicleOperationBudget = Budget(_vehicleOperation, 100, a.Share(publicFunds, 5, 20));
        _outboundBudget = Budget(_outbound, 10, a.Share(publicFunds, 5, 15));
        _vehiclePurchaseBudget = Budget(_vehiclePurchase, 0, 0);
    }

    private void BuildNonFiscal(long nonFiscal, string[] basicItems, bool institution)
    {
        var a = _a;
        var otherBasic = a.Share(nonFiscal, institution ? 400 : 50, institution ? 700 : 300);
        var otherProject = nonFiscal - otherBasic;
        var basicParts = a.Split(otherBasic, basicItems.Select((_, i) => i == 0 ? a.Next(100, 500) : a.Next(300, 900)).ToArray());
        for (var i = 0; i < basicItems.Length; i++) L(basicItems[i]).OtherBasic += basicParts[i];
        var projectWeights = _p.ProjectItems.Select(_ => a.Chance(60) ? a.Next(100, 1000) : 0).ToArray();
        if (projectWeights.All(w => w == 0)) projectWeights[0] = 1;
        var projectParts = a.Split(otherProject, projectWeights);
        for (var i = 0; i < projectParts.Length; i++) L(_p.ProjectItems[i]).OtherProject += projectParts[i];

        // Income by source, booked on the items the money is spent on.
        var income = a.Share(nonFiscal, 880, 1120);
        var business = institution ? a.Share(income, 500, 850) : 0;
        var superior = a.Chance(20) ? a.Share(income, 30, 150) : 0;
        var other = income - business - superior;
        var targets = _leaves.Values.Where(l => l.OtherBasic + l.OtherProject > 0).ToList();
        if (targets.Count == 0) targets.Add(L(_p.RunningItem));
        void Book(long total, Action<Leaf, long> add)
        {
            var parts = a.Split(total, a.Weights(targets.Count, 100, 1000));
            for (var i = 0; i < parts.Length; i++) add(targets[i], parts[i]);
        }
        Book(business, (l, v) => l.Business += v);
        Book(superior, (l, v) => l.Superior += v);
        Book(other, (l, v) => l.Other += v);

        // Balances: the opening balance covers any spending above the year's income; the closing one is what is left.
        var extra = a.Share(nonFiscal, 20, 400);
        _nonFiscalOpening = Math.Max(0, nonFiscal - income) + extra;
        _nonFiscalBalanceUsed = institution && a.Chance(30) ? a.Share(nonFiscal, 5, 40) : 0;
        _surplusDistribution = institution && a.Chance(30) ? Math.Min(a.Share(nonFiscal, 5, 30), extra) : 0;
        _nonFiscalClosing = income + _nonFiscalBalanceUsed + _nonFiscalOpening - nonFiscal - _surplusDistribution;
    }

    private FinalAccounts Assemble()
    {
        var leaves = _leaves.Values.ToList();
        var t2 = FunctionTable(StandardLayouts.T2, leaves.Where(l => l.NonFiscalIncome + l.GeneralIncome + l.FundIncome > 0),
            l => [l.NonFiscalIncome + l.GeneralIncome + l.FundIncome, l.GeneralIncome + l.FundIncome, l.Superior, l.Business, 0, 0, l.Other]);
        var t3 = FunctionTable(StandardLayouts.T3, leaves.Where(l => l.Spending > 0), l => [l.Spending, l.Basic, l.Project, 0, 0, 0]);
        var t5 = FunctionTable(StandardLayouts.T5, leaves.Where(l => l.GeneralTotal > 0 || l.Budget > 0),
            l => [l.Budget, l.GeneralTotal, l.FiscalBasic, l.FiscalProject]);
        var t8 = FunctionTable(StandardLayouts.T8, leaves.Where(l => l.HasFund),
            l => [l.FundOpening, l.FundIncome, l.FundProject, 0, l.FundProject, l.FundClosing]);

        var generalIncome = leaves.Sum(l => l.GeneralIncome);
        var fundIncome = leaves.Sum(l => l.FundIncome);
        var fiscalOpening = leaves.Sum(l => l.FiscalOpening);
        var fiscalClosing = leaves.Sum(l => l.FiscalClosing);
        var fundOpening = leaves.Sum(l => l.FundOpening);
        var fundClosing = leaves.Sum(l => l.FundClosing);

        // T1 收入支出决算总表
        var classes = t3.Rows.Where(r => r.Code.Length == 3).ToList();
        long[] One(long v) => [v];
        var superior = leaves.Sum(l => l.Superior);
        var business = leaves.Sum(l => l.Business);
        var other = leaves.Sum(l => l.Other);
        var incomeTotal = generalIncome + fundIncome + superior + business + other;
        var opening = fiscalOpening + fundOpening + _nonFiscalOpening;
        var expenditure = leaves.Sum(l => l.Spending);
        var closing = fiscalClosing + fundClosing + _nonFiscalClosing;
        var t1 = new Table(StandardLayouts.T1, new Dictionary<string, long[]>
        {
            ["generalBudgetAppropriation"] = One(generalIncome),
            ["governmentFundAppropriation"] = One(fundIncome),
            ["stateCapitalAppropriation"] = One(0),
            ["superiorSubsidy"] = One(superior),
            ["businessIncome"] = One(business),
            ["operatingIncome"] = One(0),
            ["subsidiaryRemittance"] = One(0),
            ["otherIncome"] = One(other),
            ["incomeTotal"] = One(incomeTotal),
            ["nonFiscalBalanceUsed"] = One(_nonFiscalBalanceUsed),
            ["openingBalance"] = One(opening),
            ["incomeGrandTotal"] = One(incomeTotal + _nonFiscalBalanceUsed + opening),
            ["expenditureTotal"] = One(expenditure),
            ["surplusDistribution"] = One(_surplusDistribution),
            ["closingBalance"] = One(closing),
            ["expenditureGrandTotal"] = One(expenditure + _surplusDistribution + closing),
        }, classes.Select(r => new TableRow(r.Code, r.Name, [r.Values[0]])).ToList());

        // T4 财政拨款收入支出决算总表: 一般公共预算 from T5, 政府性基金 from T8, by 类.
        var t4Classes = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        // Columns by their layout keys, never by position.
        var (t5Actual, t8Spent) = (StandardLayouts.T5.ColumnIndex("total"), StandardLayouts.T8.ColumnIndex("expenditureTotal"));
        var (t4Total, t4General, t4Fund, t4Capital) = (StandardLayouts.T4.ColumnIndex("total"), StandardLayouts.T4.ColumnIndex("generalBudget"),
            StandardLayouts.T4.ColumnIndex("governmentFund"), StandardLayouts.T4.ColumnIndex("stateCapital"));
        foreach (var r in t5.Rows.Where(r => r.Code.Length == 3 && r[t5Actual] > 0)) Add(t4Classes, r.Code, t4General, r[t5Actual]);
        foreach (var r in t8.Rows.Where(r => r.Code.Length == 3 && r[t8Spent] > 0)) Add(t4Classes, r.Code, t4Fund, r[t8Spent]);
        foreach (var v in t4Classes.Values) v[t4Total] = v[t4General] + v[t4Fund] + v[t4Capital];
        long[] Funds(long generalBudget, long governmentFund) => [generalBudget + governmentFund, generalBudget, governmentFund, 0];
        var generalSpent = t5.Fixed("total", "total");
        var fundSpent = t8.Fixed("total", "expenditureTotal");
        var t4 = new Table(StandardLayouts.T4, new Dictionary<string, long[]>
        {
            ["incomeCurrent"] = Funds(generalIncome, fundIncome),
            ["incomeOpening"] = Funds(fiscalOpening, fundOpening),
            ["incomeGrandTotal"] = Funds(generalIncome + fiscalOpening, fundIncome + fundOpening),
            ["expenditureTotal"] = Funds(generalSpent, fundSpent),
            ["closingBalance"] = Funds(fiscalClosing, fundClosing),
            ["expenditureGrandTotal"] = Funds(generalSpent + fiscalClosing, fundSpent + fundClosing),
        }, t4Classes.Select(kv => new TableRow(kv.Key, FunctionNames.Function(kv.Key), kv.Value)).ToList());

        // T6 基本支出明细: 款 rows and their 类.
        var t6Rows = new SortedDictionary<string, long>(_economic, StringComparer.Ordinal);
        foreach (var (code, fen) in _economic) t6Rows[code[..3]] = t6Rows.GetValueOrDefault(code[..3]) + fen;
        var personnel = t6Rows.GetValueOrDefault("301") + t6Rows.GetValueOrDefault("303");
        var publicFunds = t6Rows.GetValueOrDefault("302") + t6Rows.GetValueOrDefault("310");
        var t6 = new Table(StandardLayouts.T6, new Dictionary<string, long[]>
        {
            ["personnelTotal"] = One(personnel),
            ["publicTotal"] = One(publicFunds),
            ["total"] = One(personnel + publicFunds),
        }, t6Rows.Select(kv => new TableRow(kv.Key, FunctionNames.Economic(kv.Key), [kv.Value])).ToList());

        // T7 三公
        var t7 = new Table(StandardLayouts.T7, new Dictionary<string, long[]>
        {
            ["total"] = [_outboundBudget + _vehiclePurchaseBudget + _vehicleOperationBudget + _receptionBudget,
                         _outbound + _vehiclePurchase + _vehicleOperation + _reception],
            ["outboundTravel"] = [_outboundBudget, _outbound],
            ["vehicles"] = [_vehiclePurchaseBudget + _vehicleOperationBudget, _vehiclePurchase + _vehicleOperation],
            ["vehiclePurchase"] = [_vehiclePurchaseBudget, _vehiclePurchase],
            ["vehicleOperation"] = [_vehicleOperationBudget, _vehicleOperation],
            ["reception"] = [_receptionBudget, _reception],
        }, []);

        var tables = new Dictionary<string, Table>
        {
            ["T1"] = t1, ["T2"] = t2, ["T3"] = t3, ["T4"] = t4, ["T5"] = t5, ["T6"] = t6, ["T7"] = t7, ["T8"] = t8,
            ["T9"] = Table.Empty(StandardLayouts.T9),
        };
        var accounts = new FinalAccounts
        {
            DepartmentCode = _p.Code,
            DepartmentName = _p.Name,
            FiscalYear = _year,
            Precision = _p.Precision,
            Composition = new UnitComposition(new Unit(_p.Code, _p.Name, _p.Type), _p.Subordinates.Select(s => s.Unit).ToList()),
            Staffing = _p.Staffing,
            Tables = tables,
            Supplementary = Supplementary(publicFunds, expenditure),
        };
        return accounts with { Narrative = Narrative.Write(accounts) };
    }

    /// <summary>
    /// 补充资料, drawn after the tables (so the tables do not depend on it): a vehicle per 2–4 万元 of running costs,
    /// 机关运行经费 = 公用经费 for a 行政 department (as its narrative states; 0 for a 事业 one), 会议费 / 培训费 as T6
    /// 30215 / 30216 with budgets at or above them, and 政府采购 whose total is the sum of its parts.
    /// </summary>
    private SupplementaryFigures Supplementary(long publicFunds, long expenditure)
    {
        var a = _a;
        var vehicles = _vehicleOperation == 0 ? 0 : (int)Math.Max(1, _vehicleOperation / a.Between(2 * Money.FenPerWanYuan, 4 * Money.FenPerWanYuan));
        var operating = _p.Type == UnitType.Administrative ? publicFunds : 0;
        var meeting = _economic.GetValueOrDefault("30215");
        var training = _economic.GetValueOrDefault("30216");
        var goods = a.Share(expenditure, 10, 60);
        var works = a.Chance(40) ? a.Share(expenditure, 0, 80) : 0;
        var services = a.Share(expenditure, 20, 150);
        return new SupplementaryFigures
        {
            VehiclesHeld = vehicles,
            OperatingCostActual = operating,
            OperatingCostBudget = a.Share(operating, 900, 1100),
            MeetingActual = meeting,
            MeetingBudget = meeting + a.Share(meeting, 0, 500),
            TrainingActual = training,
            TrainingBudget = training + a.Share(training, 0, 500),
            ProcurementGoods = goods,
            ProcurementWorks = works,
            ProcurementServices = services,
            ProcurementTotal = goods + works + services,
        };
    }

    private static void Add(SortedDictionary<string, long[]> rows, string code, int column, long fen)
    {
        if (!rows.TryGetValue(code, out var values)) rows[code] = values = new long[StandardLayouts.T4.Columns.Count];
        values[column] += fen;
    }

    /// <summary>A function-coded table: the leaves' 项 rows, their 款 and 类 rows summed from them, and 合计 = Σ 类.</summary>
    private static Table FunctionTable(TableLayout layout, IEnumerable<Leaf> leaves, Func<Leaf, long[]> values)
    {
        var n = layout.Columns.Count;
        var rows = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        var total = new long[n];
        foreach (var leaf in leaves)
        {
            var v = values(leaf);
            foreach (var code in new[] { leaf.Code, leaf.Code[..5], leaf.Code[..3] })
            {
                if (!rows.TryGetValue(code, out var sum)) rows[code] = sum = new long[n];
                for (var c = 0; c < n; c++) sum[c] += v[c];
            }
            for (var c = 0; c < n; c++) total[c] += v[c];
        }
        return new Table(layout, new Dictionary<string, long[]> { ["total"] = total },
            rows.Select(kv => new TableRow(kv.Key, FunctionNames.Function(kv.Key), kv.Value)).ToList());
    }
}
