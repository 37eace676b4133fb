namespace Consolidation.Domain.Templates;

/// <summary>
/// 公开模板: how one region family prints its 部门决算 in a span of fiscal years — which cells its nine tables leave out
/// (Shanghai's T5 prints no 年初预算数, its T6 no 合计) and which words name the topics of its 情况说明's headings. Read
/// from a data file (Templates/Data/template-*.txt, docs/templates.md); adding a template is adding a file and a test.
/// </summary>
public sealed class Template
{
    private readonly HashSet<(string Table, string Row, string Column)> _omitted;

    public Template(string id, string name, string region, int firstYear, int lastYear,
        IEnumerable<(string Table, string Row, string Column)> omitted, IReadOnlyList<(NarrativeTopic Topic, string Words)> headings,
        bool numberedLikeSeed, string source)
    {
        Id = id;
        Name = name;
        Region = region;
        FirstYear = firstYear;
        LastYear = lastYear;
        _omitted = omitted.ToHashSet();
        Headings = headings;
        NumberedLikeSeed = numberedLikeSeed;
        Source = source;
    }

    /// <summary>"shanghai-2024": what a submission names in its <c>template</c> field.</summary>
    public string Id { get; }
    public string Name { get; }
    /// <summary>The region family: 湖南, 上海, 全国.</summary>
    public string Region { get; }
    public int FirstYear { get; }
    /// <summary><see cref="int.MaxValue"/> when open-ended.</summary>
    public int LastYear { get; }
    /// <summary>Heading words → topic, in the order they are tried (the first match wins).</summary>
    public IReadOnlyList<(NarrativeTopic Topic, string Words)> Headings { get; }
    /// <summary>Whether a heading whose words name no topic takes the topic of the seed's numbering (一 … 十四).</summary>
    public bool NumberedLikeSeed { get; }
    public string Source { get; }

    /// <summary>The cells the template leaves out, as the file names them (T5.*.budget).</summary>
    public IEnumerable<string> Omitted => _omitted.Select(o => $"{o.Table}.{o.Row}.{o.Column}");

    /// <summary>Whether the template prints a cell: a row key (fixed key or code; "*" = any row) and a column key.</summary>
    public bool Prints(string table, string row, string column) =>
        _omitted.Count == 0 || !(_omitted.Contains((table, "*", column)) || _omitted.Contains((table, row, column)) || _omitted.Contains((table, row, "*")));

    /// <summary>Whether the template prints a column at all (not left out for every row).</summary>
    public bool PrintsColumn(string table, string column) => _omitted.Count == 0 || !_omitted.Contains((table, "*", column));

    /// <summary>Whether the template prints a fixed row at all (not left out in every column).</summary>
    public bool PrintsRow(string table, string row) => _omitted.Count == 0 || !_omitted.Contains((table, row, "*"));

    /// <summary>The topic a heading's words name, or null.</summary>
    public NarrativeTopic? TopicOf(string heading)
    {
        foreach (var (topic, words) in Headings)
            if (heading.Contains(words, StringComparison.Ordinal)) return topic;
        return null;
    }

    public bool Covers(int fiscalYear) => fiscalYear >= FirstYear && fiscalYear <= LastYear;

    public override string ToString() => $"{Id} {Name}";
}

/// <summary>
/// What a section of 情况说明 is about, whatever its number in a template: the reference order of the seed (1 = 收入支出
/// 决算总体 … 14 = 预算绩效) so that the checks speak of topics, never of a document's numerals.
/// </summary>
public enum NarrativeTopic
{
    Unknown = 0,
    Overview = 1,             // 收入支出决算总体情况
    Income = 2,               // 收入决算情况
    Expenditure = 3,          // 支出决算情况
    FiscalOverview = 4,       // 财政拨款收入支出决算总体情况
    GeneralBudget = 5,        // 一般公共预算财政拨款支出决算情况
    BasicExpenditure = 6,     // 一般公共预算财政拨款基本支出决算情况
    GovernmentFund = 7,       // 政府性基金预算财政拨款收入支出决算情况
    StateCapital = 8,         // 国有资本经营预算财政拨款收入支出决算情况
    ThreePublic = 9,          // 财政拨款“三公”经费支出决算情况
    OperatingCost = 10,       // 机关运行经费
    GeneralExpenses = 11,     // 一般性支出（会议费、培训费）
    Procurement = 12,         // 政府采购
    StateAssets = 13,         // 国有资产占有使用
    Performance = 14,         // 预算绩效
    OtherMatters = 15,        // 其他重要事项 (a part whose subsections carry the topics)
}
