namespace Consolidation.Domain.Glossary;

/// <summary>
/// A term (名词) as it reads in one fiscal year: its current definition and any other text the source gives for it
/// (nothing dropped; the source printed those earlier, the current one last), its category (收入 / 支出 / 功能分类 /
/// 经济分类 / 三公 / 其他) and where the text comes from.
/// </summary>
public sealed record GlossaryTerm(string Name, string Definition, IReadOnlyList<string> OtherDefinitions, string Category, string Source)
{
    /// <summary>The fiscal year of the version shown (its text applies from this year on until a later version).</summary>
    public int FiscalYear { get; init; }

    /// <summary>Every fiscal year the term has a version for, ascending.</summary>
    public IReadOnlyList<int> Years { get; init; } = [];

    /// <summary>Every category the term is listed under; the first is <see cref="Category"/>.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>The classification codes of this name (a name such as 行政运行 can have many).</summary>
    public IReadOnlyList<TermCode> Codes { get; init; } = [];

    /// <summary>Other names the term is found by (机关运行费 for 机关运行经费).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The alias the lookup matched, "" when it matched the name itself.</summary>
    public string MatchedAlias { get; init; } = "";

    /// <summary>The classification code the lookup matched, "" when it matched a name.</summary>
    public string MatchedCode { get; init; } = "";

    /// <summary>Every text of the term in printed order, the current one flagged: what "defined twice" keeps.</summary>
    public IReadOnlyList<DefinitionText> Texts =>
        [.. OtherDefinitions.Select(d => new DefinitionText(d, false)), new DefinitionText(Definition, true)];
}

/// <summary>One text of a term, and whether it is the one in force.</summary>
public sealed record DefinitionText(string Text, bool Current);

/// <summary>
/// A classification code a term carries: 支出功能分类 (类 3 digits, 款 5, 项 7) or 支出经济分类 (类 3, 款 5), with the
/// path of names from its 类 down, e.g. "2010301 一般公共服务支出 > 政府办公厅（室）及相关机构事务 > 行政运行".
/// </summary>
public sealed record TermCode(string Code, string Classification, string Level, string Path)
{
    public const string Function = "功能分类";
    public const string Economic = "经济分类";
}

/// <summary>One fiscal year's text of a term; it applies from that year on until a later version.</summary>
public sealed record TermVersion(int FiscalYear, string Definition, IReadOnlyList<string> OtherDefinitions, string Source);

public enum MatchKind { Exact = 1, TermPrefix = 2, TermContains = 3, DefinitionContains = 4 }

/// <summary>A search result: the term, how it matched, and the matching part in context (the match in 【】).</summary>
public sealed record GlossaryHit(GlossaryTerm Term, MatchKind Match, string Snippet);
