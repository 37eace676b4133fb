namespace Consolidation.Domain.Narrative;

/// <summary>Whether a figure claim gives the actual (决算数, 执行数) or the budget (预算数).</summary>
public enum Facet
{
    Actual,
    /// <summary>年初预算 (T5's 年初预算数, T7's 预算数), or 预算 alone.</summary>
    Budget,
    /// <summary>全年预算 / 调整预算 (调整后预算数): the adjusted budget, which no table holds — never compared with a 年初预算数 cell.</summary>
    FullYearBudget,
}

/// <summary>
/// A claim and what it was tied to: the entity it speaks of (and which of its figures), for a share the entity of its
/// denominator and the stated part, for a completion or change the figure claims of the same entity it goes with.
/// </summary>
public sealed record TiedClaim(Claim Claim, Entity? Entity, Facet Facet)
{
    /// <summary>A share: what it is a share of.</summary>
    public Entity? Denominator { get; init; }

    /// <summary>A share: the stated part it is the share of (the amount before it), when there is one.</summary>
    public TiedClaim? Part { get; init; }

    /// <summary>A rate: the stated change it goes with ("减少367.99万元，减少27.93%").</summary>
    public TiedClaim? Change { get; init; }
}

/// <summary>A direction phrase and the entity it speaks of (the item or part of its sentence).</summary>
public sealed record TiedDirection(DirectionPhrase Phrase, Entity? Entity);

/// <summary>An item heading of 五（三） "8、A（类）B（款）C（项）" and the T5 row it names.</summary>
public sealed record ItemHeading(NarrativeSentence Sentence, string ClassName, string SectionName, string ItemName, string? Code);
