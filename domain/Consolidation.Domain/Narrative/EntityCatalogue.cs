using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Consolidation.Domain.Classification;
using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;
using Consolidation.Domain.Rules;

namespace Consolidation.Domain.Narrative;

/// <summary>
/// The entities the narrative speaks of and the words that name them, section by section (reference section 5), built
/// from the accounts being checked (and last year's when on file). A claim is tied to the entity whose words end
/// nearest before it (the longest on a tie); class and item names come from T5's own rows.
/// </summary>
public sealed class EntityCatalogue
{
    // An entity read from the tables is listed (in the catalogue's order) when the catalogue is built and its cells are
    // read when it is first asked for: most of them no claim speaks of.
    private readonly Dictionary<string, Entity?> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Source> _cells = new(StringComparer.Ordinal);
    private int _unread;
    /// <summary>The words of T3's and T5's own rows, per section (after the section's fixed words in the catalogue's order).</summary>
    private readonly Dictionary<int, List<(string Words, string Key)>> _rowWords = [];

    /// <summary>
    /// The fixed words of every section (the same for every catalogue): the first catalogue built records them, the
    /// later ones skip them. Read only once published.
    /// </summary>
    private static FixedWordLists? s_fixedWords;
    private FixedWordLists? _recording;

    private sealed class FixedWordLists
    {
        public readonly Dictionary<int, List<(string Words, string Key)>> Lists = [];
        public readonly Dictionary<int, FirstCharIndex> Index = [];

        public void Publish()
        {
            foreach (var (section, list) in Lists) Index[section] = FirstCharIndex.Of(list)!; // fixed words are never empty
            Interlocked.CompareExchange(ref s_fixedWords, this, null);
        }
    }
    private readonly Dictionary<int, string> _defaultDenominator = [];
    private readonly FinalAccounts _accounts;
    private readonly FinalAccounts? _lastYear;
    private readonly CheckContext _context;
    private Dictionary<string, string>? _t5Names;
    private ILookup<string, TableRow>? _t5ItemsByName;

    public EntityCatalogue(CheckContext context)
    {
        _context = context;
        _accounts = context.Accounts;
        _lastYear = context.LastYear;
    }

    private bool _built;

    /// <summary>The entities and their words, built on first use (a narrative without numbers never asks).</summary>
    private Dictionary<string, Entity?> Entities
    {
        get
        {
            if (!_built)
            {
                _built = true;
                Build();
            }
            return _entities;
        }
    }

    private FixedWordLists FixedWords
    {
        get
        {
            _ = Entities;
            return s_fixedWords!;
        }
    }

    public FinalAccounts Accounts => _accounts;

    public Entity? this[string key] => Entities.TryGetValue(key, out var e) ? e ?? Read(key) : null;

    public IEnumerable<Entity> All
    {
        get
        {
            if (Entities.Count > 0 && _unread > 0)
                foreach (var key in _entities.Keys.ToArray())
                    _ = this[key];
            return _entities.Values!;
        }
    }

    /// <summary>The keys of the entities, in the catalogue's order (their cells not read).</summary>
    public IEnumerable<string> Keys => Entities.Keys;

    /// <summary>Where an entity's figures are: its table, row, actual column and budget column (and row).</summary>
    private readonly record struct Source(string Name, string Table, string Row, string Column, string? BudgetColumn, string? BudgetRow);

    private Entity Read(string key)
    {
        var (name, table, row, column, budgetColumn, budgetRow) = _cells[key];
        var actual = Cell(_accounts, table, row, column);
        var budget = budgetColumn is null ? null : Cell(_accounts, table, budgetRow ?? row, budgetColumn);
        var last = _lastYear is null ? null : Cell(_lastYear, table, row, column);
        _unread--;
        return _entities[key] = new Entity(key, name, actual, budget, last) { FullYearBudget = table == "T5" && column == "total" ? FullYear(row) : null };
    }

    /// <summary>The entity a share is of when its words name no denominator (二: 本年收入合计; 三: 本年支出合计; …).</summary>
    public Entity? DefaultDenominator(int section)
    {
        _ = Entities;
        return _defaultDenominator.TryGetValue(section, out var key) ? this[key] : null;
    }

    /// <summary>The entity named nearest the end of <paramref name="words"/> in <paramref name="section"/>, or null.</summary>
    public Entity? Find(int section, string words)
    {
        // The same words come back claim after claim: each is looked up once per section.
        if (_found.TryGetValue((section, words), out var known)) return known;
        var entity = FindUncached(section, words);
        _found[(section, words)] = entity;
        return entity;
    }

    private readonly Dictionary<(int Section, string Words), Entity?> _found = [];

    private Entity? FindUncached(int section, string words)
    {
        var text = Normalise(words);
        var fixedWords = FixedWords;
        var fixedList = fixedWords.Lists.GetValueOrDefault(section);
        var rowList = _rowWords.GetValueOrDefault(section);
        if (fixedList is null && rowList is null) return null;
        var fixedIndex = fixedList is null ? null : fixedWords.Index[section];
        var rowIndex = rowList is null ? null : RowWordsByFirstChar(section, rowList);
        if (rowList is null || rowIndex is not null)
        {
            // Each place of the words, the section's words that start with its character: the same choice as below
            // (the latest end, then the longest, then the first listed), without searching the words for every word.
            // The fixed words come first in the section's list, then the rows' words.
            // From the end back: once no word starting here can reach the best end found, nothing earlier can either.
            (int End, int Length, int Order, string Key)? found = null;
            var rowsFrom = fixedList?.Count ?? 0;
            var longest = Math.Max(fixedIndex?.Longest ?? 0, rowIndex?.Longest ?? 0);
            for (var i = text.Length - 1; i >= 0; i--)
            {
                if (found is { } sofar && i + longest < sofar.End) break;
                var c = text[i];
                if (fixedIndex is not null && fixedIndex.MayStart(c) && fixedIndex.Words.TryGetValue(c, out var starting)) Consider(starting, 0);
                if (rowIndex is not null && rowIndex.MayStart(c) && rowIndex.Words.TryGetValue(c, out starting)) Consider(starting, rowsFrom);

                void Consider(List<(string Word, string Key, int Order)> candidates, int orderFrom)
                {
                    foreach (var (w, key, listed) in candidates)
                    {
                        if (!text.AsSpan(i).StartsWith(w)) continue;
                        var end = i + w.Length;
                        var order = orderFrom + listed;
                        if (found is not { } f || end > f.End || (end == f.End && (w.Length > f.Length || (w.Length == f.Length && order < f.Order))))
                            found = (end, w.Length, order, key);
                    }
                }
            }
            return found is null ? null : this[found.Value.Key];
        }
        // A row with no name: every word searched for, in the section's order.
        var list = (fixedList ?? []).Concat(rowList);
        (int End, int Length, string Key)? best = null;
        foreach (var (w, key) in list)
        {
            var at = text.LastIndexOf(w, StringComparison.Ordinal);
            if (at < 0) continue;
            var candidate = (End: at + w.Length, w.Length, key);
            if (best is null || candidate.End > best.Value.End || (candidate.End == best.Value.End && candidate.Length > best.Value.Length))
                best = candidate;
        }
        return best is null ? null : this[best.Value.Key];
    }

    private readonly Dictionary<int, FirstCharIndex?> _rowWordsByFirstChar = [];

    /// <summary>
    /// A section's words by their first character, with their place in the list, and a 1,024-bit filter of those first
    /// characters (most characters of a text start no word: one bit test skips them).
    /// </summary>
    private sealed class FirstCharIndex
    {
        public readonly Dictionary<char, List<(string Word, string Key, int Order)>> Words = [];
        private readonly ulong[] _filter = new ulong[16];

        public void Add(char first) => _filter[(first >> 6) & 15] |= 1UL << (first & 63);

        /// <summary>The length of the longest word.</summary>
        public int Longest { get; private set; }

        /// <summary>The index of a list of words; null when a word is empty.</summary>
        public static FirstCharIndex? Of(List<(string Words, string Key)> list)
        {
            var index = new FirstCharIndex();
            for (var order = 0; order < list.Count; order++)
            {
                var (w, key) = list[order];
                if (w.Length == 0) return null;
                if (!index.Words.TryGetValue(w[0], out var starting)) index.Words[w[0]] = starting = [];
                starting.Add((w, key, order));
                index.Add(w[0]);
                index.Longest = Math.Max(index.Longest, w.Length);
            }
            return index;
        }

        public bool MayStart(char c) => (_filter[(c >> 6) & 15] & (1UL << (c & 63))) != 0;
    }

    /// <summary>The rows' words of a section by their first character; null when a row has no name.</summary>
    private FirstCharIndex? RowWordsByFirstChar(int section, List<(string Words, string Key)> list)
    {
        if (!_rowWordsByFirstChar.TryGetValue(section, out var index)) _rowWordsByFirstChar[section] = index = FirstCharIndex.Of(list);
        return index;
    }

    /// <summary>Drops the level markers （类）（款）（项） so "一般公共服务（类）支出" reads as the catalogue's name.</summary>
    public static string Normalise(string words) =>
        words.AsSpan().IndexOfAny("（(“”\"") < 0 ? words :
        words.Replace("（类）", "").Replace("（款）", "").Replace("（项）", "").Replace("(类)", "").Replace("(款)", "").Replace("(项)", "")
             .Replace("“", "").Replace("”", "").Replace("\"", "");

    /// <summary>Adds an entity known only from the narrative (an S13 vehicle kind) and returns it.</summary>
    public Entity AddStated(string key, string name)
    {
        if (this[key] is not { } e) _entities[key] = e = new Entity(key, name);
        return e;
    }

    private long Half => Money.HalfStep(_accounts.Precision);

    /// <summary>The 全年预算数 the submission gives for a T5 row (or its 合计), as a figure of the submission's precision.</summary>
    private Figure? FullYear(string row)
    {
        foreach (var b in _accounts.FullYearBudgets)
            if (b.Code == row)
            {
                var t5 = _accounts["T5"];
                var name = row == RowAmount.Total ? "合计" : t5.Rows.FirstOrDefault(x => x.Code == row)?.Name ?? row;
                return new Figure(new CellLocation("T5", row, "fullYearBudget", t5.Layout.Name, row == RowAmount.Total ? name : $"{row} {name}", "全年预算数"),
                    b.Amount, Money.HalfStep(_accounts.Precision));
            }
        return null;
    }

    private Figure? Cell(FinalAccounts a, string table, string row, string column)
    {
        if (!a.Tables.TryGetValue(table, out var t)) return null;
        // A cell the template does not print holds nothing to compare with (Shanghai's T5 has no 年初预算数).
        if (!_context.Template.Prints(table, row, column)) return null;
        var values = _context.Index(t).Find(row);
        if (values is null) return null;
        int index;
        try { index = t.Layout.ColumnIndex(column); }
        catch (ArgumentException) { return null; }
        return new Figure(Locate(t, row, column), values[index], Money.HalfStep(a.Precision));
    }

    /// <summary>Where a fixed row's cell is depends on the layout alone: found once per layout, row and column.</summary>
    private static readonly ConditionalWeakTable<TableLayout, ConcurrentDictionary<(string Row, string Column), CellLocation>> FixedRowCells = new();

    private CellLocation Locate(Table t, string row, string column)
    {
        // A coded row (most entities: T3's and T5's rows) is told from a fixed one by the layout's few fixed rows.
        if (!IsFixedRow(t.Layout, row)) return LocateCoded(t, row, column);
        var cells = FixedRowCells.GetValue(t.Layout, _ => new());
        if (cells.TryGetValue((row, column), out var where)) return where;
        where = Cells.Locate(t, row, column);
        cells.TryAdd((row, column), where);
        return where;
    }

    private static bool IsFixedRow(TableLayout layout, string row)
    {
        var rows = layout.FixedRows;
        for (var i = 0; i < rows.Count; i++)
            if (rows[i].Key == row) return true;
        return false;
    }

    /// <summary>The first coded row of each code, per table (what <see cref="Cells.Locate"/> finds by scanning).</summary>
    private readonly Dictionary<Table, Dictionary<string, TableRow>> _firstRowByCode = new(ReferenceEqualityComparer.Instance);

    /// <summary>The same location as <see cref="Cells.Locate"/> gives a coded row (or an absent row), its row found by code.</summary>
    private CellLocation LocateCoded(Table t, string row, string column)
    {
        if (!_firstRowByCode.TryGetValue(t, out var byCode))
        {
            _firstRowByCode[t] = byCode = new Dictionary<string, TableRow>(t.Rows.Count, StringComparer.Ordinal);
            foreach (var r in t.Rows) byCode.TryAdd(r.Code, r);
        }
        var layout = t.Layout;
        var rowName = byCode.TryGetValue(row, out var found) ? $"{found.Code} {found.Name}" : row;
        return new CellLocation(layout.Id, row, column, layout.Name, rowName, layout.ColumnName(column));
    }

    private void Add(string key, string name, string table, string row, string column, string? budgetColumn = null, string? budgetRow = null)
    {
        if (!_entities.TryGetValue(key, out var listed) || listed is not null) _unread++;
        _entities[key] = null;
        _cells[key] = new Source(name, table, row, column, budgetColumn, budgetRow);
    }

    /// <summary>Fixed words of a section: recorded by the first catalogue built only.</summary>
    private void Words(int section, string key, params ReadOnlySpan<string> words)
    {
        if (_recording is null) return;
        if (!_recording.Lists.TryGetValue(section, out var list)) _recording.Lists[section] = list = [];
        foreach (var w in words) list.Add((w, key));
    }

    /// <summary>The words of a table's own row (a 类 or 项 name): every catalogue its own.</summary>
    private void RowWords(int section, string key, string words)
    {
        if (!_rowWords.TryGetValue(section, out var list)) _rowWords[section] = list = [];
        list.Add((words, key));
    }

    private void Build()
    {
        if (s_fixedWords is null) _recording = new FixedWordLists();
        _entities.EnsureCapacity(128); // about a hundred entities and the tables' rows
        _cells.EnsureCapacity(128);
        // 一 收入支出决算总体情况
        Add("T1.grand", "收支总计", "T1", "incomeGrandTotal", "amount");
        Add("T1.grandExpenditure", "支出总计", "T1", "expenditureGrandTotal", "amount");
        _entities["Staff"] = new Entity("Staff", "实有人数");
        Words(1, "T1.grand", "收、支总计", "收支总计", "收入总计", "收、支总额", "收支总额", "收入支出总计", "收入支出总额");
        Words(1, "T1.grandExpenditure", "支出总计");
        Words(1, "Staff", "工作人员", "在职人员", "实有人数", "人员");

        // 二 收入决算
        Add("T1.income", "本年收入合计", "T1", "incomeTotal", "amount");
        Add("T2.fiscal", "财政拨款收入", "T2", "total", "fiscal");
        Add("T1.generalBudgetAppropriation", "一般公共预算财政拨款收入", "T1", "generalBudgetAppropriation", "amount");
        Add("T1.governmentFundAppropriation", "政府性基金预算财政拨款收入", "T1", "governmentFundAppropriation", "amount");
        Add("T1.stateCapitalAppropriation", "国有资本经营预算财政拨款收入", "T1", "stateCapitalAppropriation", "amount");
        Add("T1.superiorSubsidy", "上级补助收入", "T1", "superiorSubsidy", "amount");
        Add("T1.businessIncome", "事业收入", "T1", "businessIncome", "amount");
        Add("T1.operatingIncome", "经营收入", "T1", "operatingIncome", "amount");
        Add("T1.subsidiaryRemittance", "附属单位上缴收入", "T1", "subsidiaryRemittance", "amount");
        Add("T1.otherIncome", "其他收入", "T1", "otherIncome", "amount");
        Words(2, "T1.income", "收入合计", "本年收入合计", "收入总额");
        Words(2, "T2.fiscal", "财政拨款收入");
        Words(2, "T1.generalBudgetAppropriation", "一般公共预算财政拨款收入", "一般公共预算拨款收入");
        Words(2, "T1.governmentFundAppropriation", "政府性基金预算财政拨款收入", "政府性基金预算拨款收入");
        Words(2, "T1.stateCapitalAppropriation", "国有资本经营预算财政拨款收入", "国有资本经营预算拨款收入");
        Words(2, "T1.superiorSubsidy", "上级补助收入");
        Words(2, "T1.businessIncome", "事业收入");
        Words(2, "T1.operatingIncome", "经营收入");
        Words(2, "T1.subsidiaryRemittance", "附属单位上缴收入");
        Words(2, "T1.otherIncome", "其他收入");
        _defaultDenominator[2] = "T1.income";

        // 三 支出决算
        Add("T1.expenditure", "本年支出合计", "T1", "expenditureTotal", "amount");
        Add("T3.basic", "基本支出", "T3", "total", "basic");
        Add("T3.project", "项目支出", "T3", "total", "project");
        Add("T3.remittanceToSuperior", "上缴上级支出", "T3", "total", "remittanceToSuperior");
        Add("T3.operating", "经营支出", "T3", "total", "operating");
        Add("T3.subsidyToSubsidiaries", "对附属单位补助支出", "T3", "total", "subsidyToSubsidiaries");
        Words(3, "T1.expenditure", "支出合计", "本年支出合计", "支出总额");
        Words(3, "T3.basic", "基本支出");
        Words(3, "T3.project", "项目支出");
        Words(3, "T3.remittanceToSuperior", "上缴上级支出");
        Words(3, "T3.operating", "经营支出");
        Words(3, "T3.subsidyToSubsidiaries", "对附属单位补助支出");
        if (_accounts.Tables.TryGetValue("T3", out var t3))
            foreach (var row in t3.Rows.Where(r => r.Code.Length == 3))
            {
                Add("T3:" + row.Code, row.Name, "T3", row.Code, "total");
                RowWords(3, "T3:" + row.Code, row.Name);
            }
        _defaultDenominator[3] = "T1.expenditure";

        // 四 财政拨款收入支出决算总体情况
        Add("T4.grand", "财政拨款收支总计", "T4", "incomeGrandTotal", "total");
        Add("T4.income", "财政拨款本年收入合计", "T4", "incomeCurrent", "total");
        Add("T4.expenditure", "财政拨款本年支出合计", "T4", "expenditureTotal", "total");
        Words(4, "T4.grand", "收、支总计", "收支总计", "收入总计", "支出总计", "收、支总额", "收入支出总计");
        Words(4, "T4.income", "财政拨款收入", "本年收入");
        Words(4, "T4.expenditure", "财政拨款支出", "本年支出");

        // 五 一般公共预算财政拨款支出 (T5): totals, 类 and 项 rows by their printed names
        Add("T5.total", "一般公共预算财政拨款支出", "T5", "total", "total", "budget");
        Words(5, "T5.total", "财政拨款支出", "一般公共预算财政拨款支出", "一般公共预算支出", "支出决算数", "决算数", "年初预算数");
        Words(5, "T1.expenditure", "本年支出合计", "支出合计");
        if (_accounts.Tables.TryGetValue("T5", out var t5))
        {
            foreach (var row in t5.Rows.Where(r => r.Code.Length is 3 or 7))
            {
                Add("T5:" + row.Code, row.Name, "T5", row.Code, "total", "budget");
                if (row.Code.Length == 3)
                {
                    RowWords(5, "T5:" + row.Code, row.Name);
                    if (row.Name.EndsWith("支出", StringComparison.Ordinal) && row.Name.Length > 4) RowWords(5, "T5:" + row.Code, row.Name[..^2]);
                }
            }
        }
        _defaultDenominator[5] = "T5.total";

        // 六 基本支出 = 人员经费 + 公用经费 (T6)
        // 基本支出 = T6 合计; a template whose T6 prints no 合计 has it as T5's 合计 基本支出 (BJ-09: the same figure).
        if (_context.Template.Prints("T6", "total", "amount")) Add("T6.total", "基本支出", "T6", "total", "amount");
        else Add("T6.total", "基本支出", "T5", "total", "basic");
        Add("T6.personnel", "人员经费", "T6", "personnelTotal", "amount");
        Add("T6.public", "公用经费", "T6", "publicTotal", "amount");
        Words(6, "T6.total", "基本支出");
        Words(6, "T6.personnel", "人员经费");
        Words(6, "T6.public", "公用经费");
        _defaultDenominator[6] = "T6.total";

        // 七 / 八 政府性基金 (T8), 国有资本经营 (T9)
        foreach (var (section, table) in new[] { (7, "T8"), (8, "T9") })
        {
            Add(table + ".income", "本年收入", table, "total", "income");
            Add(table + ".opening", "年初结转和结余", table, "total", "openingBalance");
            Add(table + ".expenditure", "本年支出合计", table, "total", "expenditureTotal");
            Add(table + ".basic", "基本支出", table, "total", "basic");
            Add(table + ".project", "项目支出", table, "total", "project");
            Add(table + ".closing", "年末结转和结余", table, "total", "closingBalance");
            Words(section, table + ".income", "收入");
            Words(section, table + ".opening", "年初结转和结余", "年初结转结余");
            Words(section, table + ".expenditure", "支出");
            Words(section, table + ".basic", "基本支出");
            Words(section, table + ".project", "项目支出");
            Words(section, table + ".closing", "年末结转和结余", "年末结转结余");
        }

        // 九 三公 (T7)
        foreach (var (row, name) in new[]
                 {
                     ("total", "“三公”经费"), ("outboundTravel", "因公出国（境）费"), ("reception", "公务接待费"),
                     ("vehicles", "公务用车购置及运行维护费"), ("vehiclePurchase", "公务用车购置费"), ("vehicleOperation", "公务用车运行维护费"),
                 })
            Add("T7." + row, name, "T7", row, "actual", "budget");
        Words(9, "T7.total", "三公");
        Words(9, "T7.outboundTravel", "因公出国（境）", "因公出国(境)", "出国（境）", "因公出国");
        Words(9, "T7.reception", "公务接待费", "公务接待");
        Words(9, "T7.vehicles", "公务用车购置及运行维护费", "公务用车购置费及运行维护费", "公务用车购置及运行费", "公务用车费");
        Words(9, "T7.vehiclePurchase", "公务用车购置费", "购置公务用车", "公务用车购置支出");
        Words(9, "T7.vehicleOperation", "公务用车运行维护费", "公务用车运行费", "公务用车保有量", "保有量", "公务用车运行维护支出");
        _defaultDenominator[9] = "T7.total";

        // 十 机关运行经费 = T6 公用经费 (for 行政单位; reference section 3, item 6)
        // Only where every unit is 行政: a 事业 unit's 公用经费 is not 机关运行经费, so a mixed department's T6 says nothing of it.
        var administrative = _accounts.Composition.Self.Type is UnitType.Administrative or UnitType.Unspecified
            && _accounts.Composition.Subordinates.All(u => u.Type is UnitType.Administrative or UnitType.Unspecified);
        if (administrative) Add("S10.running", "机关运行经费", "T6", "publicTotal", "amount");
        else if (_accounts.Supplementary is { } sup)
            _entities["S10.running"] = new Entity("S10.running", "机关运行经费",
                new Figure(Supplementary.Locate("operatingCostActual", "机关运行经费 决算数"), sup.OperatingCostActual, Half),
                new Figure(Supplementary.Locate("operatingCostBudget", "机关运行经费 年初预算数"), sup.OperatingCostBudget, Half),
                _lastYear?.Supplementary is { } lastSup
                    ? new Figure(Supplementary.Locate("operatingCostActual", "机关运行经费 决算数"), lastSup.OperatingCostActual, Money.HalfStep(_lastYear.Precision))
                    : null);
        else _entities["S10.running"] = new Entity("S10.running", "机关运行经费");
        Words(10, "S10.running", "机关运行经费");

        // 十一 会议费, 培训费 (T6 30215, 30216 when the rows are there)
        foreach (var (code, name, key) in new[] { ("30215", "会议费", "S11.meeting"), ("30216", "培训费", "S11.training") })
        {
            Add(key, name, "T6", code, "amount");
            Words(11, key, name);
        }

        // 十二 政府采购 (the narrative only)
        foreach (var (key, name, words) in new[]
                 {
                     ("S12.total", "政府采购支出总额", new[] { "政府采购支出总额", "采购支出总额", "政府采购支出", "政府采购金额", "政府采购总额" }),
                     ("S12.goods", "政府采购货物支出", new[] { "货物支出", "货物采购支出", "货物采购金额" }),
                     ("S12.works", "政府采购工程支出", new[] { "工程支出", "工程采购支出", "工程采购金额" }),
                     ("S12.services", "政府采购服务支出", new[] { "服务支出", "服务采购支出", "服务采购金额" }),
                     ("S12.sme", "授予中小企业合同金额", new[] { "授予中小企业合同金额", "中小企业合同金额" }),
                     ("S12.small", "授予小微企业合同金额", new[] { "授予小微企业合同金额", "小微企业合同金额" }),
                     ("S12.smeGoods", "货物采购授予中小企业合同金额", new[] { "货物采购授予中小企业合同金额" }),
                     ("S12.smeWorks", "工程采购授予中小企业合同金额", new[] { "工程采购授予中小企业合同金额" }),
                     ("S12.smeServices", "服务采购授予中小企业合同金额", new[] { "服务采购授予中小企业合同金额" }),
                 })
        {
            _entities[key] = new Entity(key, name);
            Words(12, key, words);
        }
        Words(12, "S12.goods", "货物支出金额");
        Words(12, "S12.works", "工程支出金额");
        Words(12, "S12.services", "服务支出金额");
        _defaultDenominator[12] = "S12.total";

        // 十三 车辆 (the narrative only; kinds are added as they are read)
        _entities["S13.vehicles"] = new Entity("S13.vehicles", "车辆总数");
        Words(13, "S13.vehicles", "车辆", "共有车辆", "公务用车");

        // 十四 绩效: 整体支出 = T5 合计 (基本 + 项目); 项目支出 per fund
        Add("T5.basic", "一般公共预算财政拨款基本支出", "T5", "total", "basic");
        Add("T5.project", "一般公共预算财政拨款项目支出", "T5", "total", "project");
        _entities["S14.overall"] = this["T5.total"]! with { Key = "S14.overall", Name = "整体支出", Budget = null, FullYearBudget = null };
        Words(14, "T5.total", "一般公共预算支出", "整体支出");
        Words(14, "T8.expenditure", "政府性基金预算支出");
        Words(14, "T9.expenditure", "国有资本经营预算支出");
        Words(14, "T5.basic", "基本支出");
        Words(14, "T5.project", "项目支出", "一般公共预算项目支出");
        Words(14, "T8.project", "政府性基金预算项目支出");
        Words(14, "T9.project", "国有资本经营预算项目支出");
        Words(14, "S14.overall", "全年预算数", "执行数", "预算执行数");

        _recording?.Publish();
        _recording = null;
    }

    /// <summary>The T5 项 row an item heading "A（类）B（款）C（项）" names: by 项 and 款 name, else by 项 name alone when unique.</summary>
    public TableRow? FindItem(string className, string sectionName, string itemName)
    {
        if (!_accounts.Tables.TryGetValue("T5", out var t5)) return null;
        var names = _t5Names ??= t5.Rows.GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.First().Name);
        var items = (_t5ItemsByName ??= t5.Rows.Where(r => r.Code.Length == 7).ToLookup(r => r.Name, StringComparer.Ordinal))[itemName].ToList();
        var bySection = items.Where(r => names.GetValueOrDefault(r.Code[..5]) == sectionName).ToList();
        if (bySection.Count > 1) bySection = bySection.Where(r => names.GetValueOrDefault(r.Code[..3]) == className).DefaultIfEmpty(bySection[0]).ToList();
        if (bySection.Count >= 1) return bySection[0];
        var byClass = items.Where(r => names.GetValueOrDefault(r.Code[..3]) == className).ToList();
        if (byClass.Count >= 1) return byClass[0];
        return items.Count == 1 ? items[0] : null;
    }

    /// <summary>
    /// The one T5 项 of the 款 a heading names (by 类 and 款 names) that no other heading names; null when there is not
    /// exactly one.
    /// </summary>
    public TableRow? FindRemainingItem(string className, string sectionName, IReadOnlySet<string> namedCodes)
    {
        if (!_accounts.Tables.TryGetValue("T5", out var t5)) return null;
        var names = _t5Names ??= t5.Rows.GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.First().Name);
        var candidates = t5.Rows.Where(r => r.Code.Length == 7 && !namedCodes.Contains(r.Code)
            && names.GetValueOrDefault(r.Code[..5]) == sectionName && names.GetValueOrDefault(r.Code[..3]) is { } c && SameClass(c, className)).ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    private static bool SameClass(string table, string written) =>
        table == written || table == written + "支出" || table + "支出" == written;

    /// <summary>The printed name of a T5 row (类, 款 or 项) by code, or the catalogue's.</summary>
    public string? NameOf(string code)
    {
        if (_firstT5Names is null)
        {
            _firstT5Names = new Dictionary<string, string>(StringComparer.Ordinal);
            if (_accounts.Tables.TryGetValue("T5", out var t5))
                foreach (var r in t5.Rows) _firstT5Names.TryAdd(r.Code, r.Name); // the first row of a code, as a scan finds it
        }
        return _firstT5Names.GetValueOrDefault(code) ?? ClassificationCatalogue.Default.Function(code)?.Name;
    }

    private Dictionary<string, string>? _firstT5Names;
}
