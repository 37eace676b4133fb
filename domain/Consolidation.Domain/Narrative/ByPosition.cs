namespace Consolidation.Domain.Narrative;

/// <summary>
/// Claims and sentences of one narrative as themselves (by reference), hashed by their offset in the narrative — no
/// two claims (or sentences) of a narrative start at the same character. Cheaper than the identity hash, which the
/// runtime makes up afresh for every object of every check.
/// </summary>
internal sealed class ByPosition : IEqualityComparer<Claim>, IEqualityComparer<NarrativeSentence>
{
    public static readonly ByPosition Instance = new();

    public bool Equals(Claim? x, Claim? y) => ReferenceEquals(x, y);

    public int GetHashCode(Claim claim) => claim.Start;

    public bool Equals(NarrativeSentence? x, NarrativeSentence? y) => ReferenceEquals(x, y);

    public int GetHashCode(NarrativeSentence sentence) => sentence.Start;
}
