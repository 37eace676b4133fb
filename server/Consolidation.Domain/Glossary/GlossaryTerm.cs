namespace Consolidation.Domain.Glossary;

/// <summary>
/// A term (名词) with its current definition and any other text the source gives for it (nothing dropped), its category
/// (收入 / 支出 / 功能分类 / 经济分类 / 三公 / 其他) and where it comes from.
/// </summary>
public sealed record GlossaryTerm(string Name, string Definition, IReadOnlyList<string> OtherDefinitions, string Category, string Source);

public enum MatchKind { Exact = 1, TermPrefix = 2, TermContains = 3, DefinitionContains = 4 }

/// <summary>A search result: the term, how it matched, and the matching part in context (the match in 【】).</summary>
public sealed record GlossaryHit(GlossaryTerm Term, MatchKind Match, string Snippet);
