using Consolidation.Domain.Classification;
using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;

namespace Consolidation.Domain.Consolidation;

/// <summary>The stored submission a consolidation was built from.</summary>
public sealed record SubmissionRef(string DepartmentCode, string DepartmentName, int Version, string ContentHash);

/// <summary>
/// A department's headline figures in the consolidated disclosure (分): its units' submissions summed, flows between its
/// own units eliminated. <see cref="Version"/> is the submission's version when the department is one submission, else 0.
/// </summary>
public sealed record DepartmentHeadline(
    string DepartmentCode, string DepartmentName, int Version,
    long IncomeTotal, long ExpenditureTotal, long FiscalAppropriation, long ThreePublicActual, int StaffActual, int Submissions = 1);

/// <summary>The sum of a set of accepted accounts, with what was eliminated and what could not be.</summary>
public sealed record ConsolidationResult(
    int FiscalYear, FinalAccounts Totals, IReadOnlyList<SubmissionRef> Included, IReadOnlyList<DepartmentHeadline> Headlines)
{
    public IReadOnlyList<EliminationPair> Eliminations { get; init; } = [];
    public IReadOnlyList<EliminationAdjustment> Adjustments { get; init; } = [];
    public IReadOnlyList<CoverageOverlap> Overlaps { get; init; } = [];
    /// <summary>Eliminations that could not be booked where declared (a function row missing from the totals).</summary>
    public IReadOnlyList<string> EliminationIssues { get; init; } = [];
    /// <summary>Every unit the set covers: each submission's own unit and the 下属单位 of its composition.</summary>
    public IReadOnlyList<Unit> Units { get; init; } = [];
    /// <summary>Unit code → the included submission whose composition names it as a 下属单位 (<see cref="CoverageReport.CoveredBy"/>).</summary>
    public IReadOnlyDictionary<string, string> CoveredBy { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// 汇总: sums the accepted accounts of a set table by table, exactly in 分, then eliminates the flows between units of the
/// set that both sides declared (<see cref="InternalTransfer"/>). Fixed rows add up column by column; coded rows are
/// merged by code (named from the catalogue when it knows the code, else by the lowest-coded submission that has it) and
/// ordered by code, so the result does not depend on the order of the inputs.
/// <para>
/// Streamed (issue 15): the inputs are read once, one at a time, and only a small digest of each is kept — its units,
/// declared flows, staffing, 补充资料 and headline figures — while its tables are added into running sums; so a
/// province-scale year (100,000 units) needs memory for its digests, not for its accounts. The sums are kept in 128 bits
/// and brought back to 分 in a <c>long</c> once, at the end (checked: a total beyond a long throws
/// <see cref="OverflowException"/>), so no order of the inputs can overflow on the way. Only when a submission has to be
/// left out because another's composition covers its unit are the inputs read a second time, to sum the rest alone.
/// </para>
/// </summary>
public static class Consolidator
{
    public const string CityName = "全市汇总";

    /// <param name="inputs">
    /// The accounts, read once (twice when a coverage overlap leaves a submission out): a lazy sequence over storage is
    /// read one item at a time.
    /// </param>
    public static ConsolidationResult Consolidate(int fiscalYear, IEnumerable<(SubmissionRef Ref, FinalAccounts Accounts)> inputs,
        ClassificationCatalogue? catalogue = null, UnitHierarchy? hierarchy = null, string scopeName = CityName)
    {
        catalogue ??= ClassificationCatalogue.Default;
        hierarchy ??= UnitHierarchy.Empty;
        var sums = new TableSums(catalogue);
        var digests = new List<Digest>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (r, a) in inputs)
        {
            if (a.FiscalYear != fiscalYear)
                throw new ArgumentException($"every input must be of fiscal year {fiscalYear}", nameof(inputs));
            if (!seen.Add(r.DepartmentCode))
                throw new ArgumentException("a department may be included once", nameof(inputs));
            digests.Add(Digest.Of(r, a));
            sums.Add(r.DepartmentCode, a);
        }
        digests.Sort((x, y) => string.CompareOrdinal(x.Ref.DepartmentCode, y.Ref.DepartmentCode));

        var overlaps = RemoveOverlaps(digests);
        if (digests.Count < seen.Count)
        {
            // A submission was left out: sum the tables again over the others alone (the rare case; a second read).
            var kept = digests.Select(d => d.Ref.DepartmentCode).ToHashSet(StringComparer.Ordinal);
            sums = new TableSums(catalogue);
            foreach (var (r, a) in inputs)
                if (kept.Contains(r.DepartmentCode)) sums.Add(r.DepartmentCode, a);
        }
        var tables = sums.ToTables();
        var units = digests.SelectMany(d => new[] { d.Self }.Concat(d.Subordinates))
            .GroupBy(u => u.Code).Select(g => g.First()).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();

        var unitToSubmission = UnitOwners(digests);
        var pairs = Pair(digests, unitToSubmission);
        var issues = new List<string>();
        var adjustments = Eliminate(tables, pairs, issues);

        var totals = new FinalAccounts
        {
            DepartmentCode = "",
            DepartmentName = scopeName,
            FiscalYear = fiscalYear,
            Precision = AmountPrecision.Yuan,
            Composition = new UnitComposition(new Unit("", scopeName, UnitType.Other), units),
            Staffing = new Staffing(
                digests.Sum(d => d.Staffing.Authorized),
                digests.Sum(d => d.Staffing.Actual),
                digests.Sum(d => d.Staffing.Retired)),
            Tables = tables,
            Supplementary = SumSupplementary(digests.Select(d => d.Supplementary)),
        };
        return new ConsolidationResult(fiscalYear, totals, digests.Select(d => d.Ref).ToList(), Headlines(digests, pairs, hierarchy))
        {
            Eliminations = pairs.Select(p => p.Pair).ToList(),
            Adjustments = adjustments,
            Overlaps = overlaps,
            EliminationIssues = issues,
            Units = units,
            CoveredBy = CoverageReport.CoveredBy(digests.Select(d => (d.Ref.DepartmentCode, (IEnumerable<Unit>)d.Subordinates))),
        };
    }

    /// <summary>What consolidation keeps of one submission once its tables are summed.</summary>
    private sealed record Digest(
        SubmissionRef Ref, Unit Self, IReadOnlyList<Unit> Subordinates, IReadOnlyList<InternalTransfer> Transfers,
        Staffing Staffing, SupplementaryFigures? Supplementary,
        long IncomeTotal, long ExpenditureTotal, long FiscalAppropriation, long ThreePublicActual)
    {
        public static Digest Of(SubmissionRef r, FinalAccounts a) => new(
            r, a.Composition.Self, a.Composition.Subordinates, a.InternalTransfers, a.Staffing, a.Supplementary,
            a["T1"].Fixed("incomeTotal", "amount"), a["T1"].Fixed("expenditureTotal", "amount"),
            a["T4"].Fixed("incomeCurrent", "total"), a["T7"].Fixed("total", "actual"));
    }

    /// <summary>
    /// A unit may be counted once. A submission whose own unit is already a 下属单位 in another submission's composition is
    /// left out (the department's submission covers it); the overlap is reported.
    /// </summary>
    private static List<CoverageOverlap> RemoveOverlaps(List<Digest> ordered)
    {
        var overlaps = new List<CoverageOverlap>();
        var coveredBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in ordered)
            foreach (var sub in d.Subordinates)
                if (sub.Code != d.Ref.DepartmentCode) coveredBy.TryAdd(sub.Code, d.Ref.DepartmentCode);
        ordered.RemoveAll(d =>
        {
            if (!coveredBy.TryGetValue(d.Ref.DepartmentCode, out var by) || by == d.Ref.DepartmentCode) return false;
            overlaps.Add(new CoverageOverlap(d.Ref.DepartmentCode, by, d.Ref.DepartmentCode));
            return true;
        });
        // Two compositions naming the same 下属单位: both stay (neither is the unit's own submission), reported.
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in ordered)
            foreach (var sub in d.Subordinates)
                if (!seen.TryAdd(sub.Code, d.Ref.DepartmentCode) && seen[sub.Code] != d.Ref.DepartmentCode)
                    overlaps.Add(new CoverageOverlap(sub.Code, seen[sub.Code], ""));
        return overlaps;
    }

    /// <summary>Unit code → the submission that covers it (its own unit, its 本级 and its 下属单位).</summary>
    private static Dictionary<string, string> UnitOwners(List<Digest> ordered)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in ordered)
        {
            owners.TryAdd(d.Ref.DepartmentCode, d.Ref.DepartmentCode);
            owners.TryAdd(d.Self.Code, d.Ref.DepartmentCode);
            foreach (var sub in d.Subordinates) owners.TryAdd(sub.Code, d.Ref.DepartmentCode);
        }
        return owners;
    }

    /// <summary>One side of a declared flow: the function 项 it is booked under and its amount.</summary>
    private sealed record Side(string FunctionCode, long Amount);

    private sealed record PairWork(EliminationPair Pair, List<Side> PayerSides, List<Side> ReceiverSides, string PayerSubmission, string ReceiverSubmission);

    /// <summary>Matches the declared flows whose two units are both in the set, by (flow, payer, receiver).</summary>
    private static List<PairWork> Pair(List<Digest> ordered, Dictionary<string, string> owners)
    {
        var payer = new SortedDictionary<(InternalFlow, string, string), List<Side>>();
        var receiver = new SortedDictionary<(InternalFlow, string, string), List<Side>>();
        foreach (var d in ordered)
        {
            foreach (var t in d.Transfers)
            {
                var unit = t.UnitCode.Length > 0 ? t.UnitCode : d.Ref.DepartmentCode;
                if (!owners.ContainsKey(t.CounterpartyCode)) continue; // outside the set: a real income or expense of the set
                var (flow, from, to, income) = t.Kind switch
                {
                    InternalTransferKind.SuperiorSubsidyReceived => (InternalFlow.Subsidy, t.CounterpartyCode, unit, true),
                    InternalTransferKind.SubsidyToSubsidiaryPaid => (InternalFlow.Subsidy, unit, t.CounterpartyCode, false),
                    InternalTransferKind.SubsidiaryRemittanceReceived => (InternalFlow.Remittance, t.CounterpartyCode, unit, true),
                    InternalTransferKind.RemittanceToSuperiorPaid => (InternalFlow.Remittance, unit, t.CounterpartyCode, false),
                    _ => (InternalFlow.Subsidy, "", "", false),
                };
                if (from.Length == 0) continue;
                var into = income ? receiver : payer;
                var key = (flow, from, to);
                if (!into.TryGetValue(key, out var list)) into[key] = list = [];
                list.Add(new Side(t.FunctionCode, t.Amount));
            }
        }
        var keys = payer.Keys.Union(receiver.Keys).Distinct().OrderBy(k => k.Item1).ThenBy(k => k.Item2, StringComparer.Ordinal)
            .ThenBy(k => k.Item3, StringComparer.Ordinal);
        var pairs = new List<PairWork>();
        foreach (var key in keys)
        {
            var p = Sorted(payer.GetValueOrDefault(key));
            var q = Sorted(receiver.GetValueOrDefault(key));
            pairs.Add(new PairWork(new EliminationPair(key.Item1, key.Item2, key.Item3, p.Sum(s => s.Amount), q.Sum(s => s.Amount)),
                p, q, owners[key.Item2], owners[key.Item3]));
        }
        return pairs;

        static List<Side> Sorted(List<Side>? sides) =>
            (sides ?? []).GroupBy(s => s.FunctionCode).Select(g => new Side(g.Key, g.Sum(s => s.Amount)))
                .OrderBy(s => s.FunctionCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>Subtracts each pair's eliminated amount from both sides' cells (T1, T2 / T3 at 类, 款 and 项, and the totals).</summary>
    private static List<EliminationAdjustment> Eliminate(Dictionary<string, Table> tables, List<PairWork> pairs, List<string> issues)
    {
        var adjustments = new List<EliminationAdjustment>();
        foreach (var work in pairs)
        {
            var pair = work.Pair;
            if (pair.Eliminated == 0) continue;
            var incomeColumn = pair.Flow == InternalFlow.Subsidy ? "superiorSubsidy" : "subsidiaryRemittance";
            var incomeRow = pair.Flow == InternalFlow.Subsidy ? "superiorSubsidy" : "subsidiaryRemittance";
            var spendColumn = pair.Flow == InternalFlow.Subsidy ? "subsidyToSubsidiaries" : "remittanceToSuperior";
            foreach (var (function, amount) in Allocate(work.ReceiverSides, pair.Eliminated))
            {
                Sub(tables["T2"], "total", incomeColumn, amount);
                Sub(tables["T2"], "total", "total", amount);
                foreach (var level in Levels(function))
                {
                    if (!Sub(tables["T2"], level, incomeColumn, amount))
                        issues.Add($"{pair.ReceiverCode} 的{pair.ReceiverKind}记在功能科目 {level}，汇总表 T2 无此行：只从合计中抵销");
                    Sub(tables["T2"], level, "total", amount);
                }
                Sub(tables["T1"], incomeRow, "amount", amount);
                Sub(tables["T1"], "incomeTotal", "amount", amount);
                Sub(tables["T1"], "incomeGrandTotal", "amount", amount);
            }
            foreach (var (function, amount) in Allocate(work.PayerSides, pair.Eliminated))
            {
                Sub(tables["T3"], "total", spendColumn, amount);
                Sub(tables["T3"], "total", "total", amount);
                foreach (var level in Levels(function))
                {
                    if (!Sub(tables["T3"], level, spendColumn, amount))
                        issues.Add($"{pair.PayerCode} 的{pair.PayerKind}记在功能科目 {level}，汇总表 T3 无此行：只从合计中抵销");
                    Sub(tables["T3"], level, "total", amount);
                }
                if (!Sub(tables["T1"], function[..3], "amount", amount))
                    issues.Add($"{pair.PayerCode} 的{pair.PayerKind}记在功能科目 {function[..3]}，汇总表 T1 无此类：只从合计中抵销");
                Sub(tables["T1"], "expenditureTotal", "amount", amount);
                Sub(tables["T1"], "expenditureGrandTotal", "amount", amount);
            }
        }
        return adjustments;

        bool Sub(Table table, string rowKey, string columnKey, long amount)
        {
            var row = table.FindRow(rowKey);
            if (row is null) return false;
            row[table.Layout.ColumnIndex(columnKey)] -= amount;
            adjustments.Add(new EliminationAdjustment(table.Id, rowKey, columnKey, amount));
            return true;
        }
    }

    /// <summary>Spreads <paramref name="eliminated"/> over the sides in function-code order, each up to its declared amount.</summary>
    private static IEnumerable<(string Function, long Amount)> Allocate(List<Side> sides, long eliminated)
    {
        var left = eliminated;
        foreach (var s in sides)
        {
            if (left == 0) yield break;
            var take = Math.Min(left, s.Amount);
            left -= take;
            if (take > 0) yield return (s.FunctionCode, take);
        }
    }

    private static IEnumerable<string> Levels(string function) => new[] { function[..3], function[..5], function }.Distinct();

    /// <summary>Headlines per department (the registry's top level): its submissions summed, flows inside it eliminated.</summary>
    private static List<DepartmentHeadline> Headlines(List<Digest> ordered, List<PairWork> pairs, UnitHierarchy hierarchy)
    {
        var inside = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var p in pairs)
        {
            var department = hierarchy.DepartmentOf(p.PayerSubmission);
            if (department == hierarchy.DepartmentOf(p.ReceiverSubmission))
                inside[department] = checked(inside.GetValueOrDefault(department) + p.Pair.Eliminated);
        }
        var byDepartment = ordered.GroupBy(d => hierarchy.DepartmentOf(d.Ref.DepartmentCode)).OrderBy(g => g.Key, StringComparer.Ordinal);
        var result = new List<DepartmentHeadline>();
        foreach (var g in byDepartment)
        {
            var items = g.ToList();
            var eliminated = inside.GetValueOrDefault(g.Key);
            var own = items.FirstOrDefault(d => d.Ref.DepartmentCode == g.Key);
            var name = hierarchy.NameOf(g.Key) ?? (own ?? items[0]).Ref.DepartmentName;
            result.Add(new DepartmentHeadline(g.Key, name, items.Count == 1 ? items[0].Ref.Version : 0,
                items.Sum(d => d.IncomeTotal) - eliminated,
                items.Sum(d => d.ExpenditureTotal) - eliminated,
                items.Sum(d => d.FiscalAppropriation),
                items.Sum(d => d.ThreePublicActual),
                items.Sum(d => d.Staffing.Actual),
                items.Count));
        }
        return result;
    }

    /// <summary>补充资料 summed over the departments that give them (vehicles, 机关运行经费, 政府采购 …); null when none does.</summary>
    private static SupplementaryFigures? SumSupplementary(IEnumerable<SupplementaryFigures?> figures)
    {
        var given = figures.OfType<SupplementaryFigures>().ToList();
        if (given.Count == 0) return null;
        var sum = new SupplementaryFigures { VehiclesHeld = given.Sum(g => g.VehiclesHeld) };
        foreach (var (key, _, get) in SupplementaryFigures.Amounts) sum = sum.With(key, given.Sum(get));
        return sum;
    }
}
