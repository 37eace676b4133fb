using Consolidation.Domain.Rules;

namespace Consolidation.Domain.Narrative;

/// <summary>
/// One reading of a submission's narrative: the document (sections, sentences, claims), the ties of every claim, the
/// findings of every WZ rule, and which claims were compared with a cell or figure. Made once per check run, by
/// <see cref="NarrativeCheck"/>.
/// </summary>
public sealed class NarrativeAnalysis
{
    public static NarrativeAnalysis Of(CheckContext context) => new(context);

    private NarrativeAnalysis(CheckContext context)
    {
        Document = NarrativeReader.Read(context.Accounts.Narrative, context.Template);
        Entities = new EntityCatalogue(context);
        var (claims, directions, items) = ClaimTies.Tie(Document, Entities);
        Claims = claims;
        Directions = directions;
        Items = items;
        var checker = new NarrativeChecker(context, this);
        Findings = checker.Run();
        Checked = checker.Checked;
        AwaitingLastYear = checker.AwaitingLastYear;
    }

    public NarrativeDocument Document { get; }
    public EntityCatalogue Entities { get; }
    public IReadOnlyList<TiedClaim> Claims { get; }
    public IReadOnlyList<TiedDirection> Directions { get; }
    public IReadOnlyList<ItemHeading> Items { get; }
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Claims compared with a table cell, a figure derived from cells, or other stated numbers.</summary>
    public IReadOnlySet<Claim> Checked { get; }

    /// <summary>Claims tied to what they speak of that only last year's accounts could check (none on file).</summary>
    public IReadOnlySet<Claim> AwaitingLastYear { get; }

    /// <summary>Claims tied to nothing.</summary>
    public IEnumerable<Claim> Untied => Document.Claims.Where(c => !Checked.Contains(c) && !AwaitingLastYear.Contains(c));

    /// <summary>How many numeric claims, and how many of them were tied (checked or awaiting last year), in sections <paramref name="from"/>–<paramref name="to"/>.</summary>
    public (int Claims, int Tied) Coverage(int from = 1, int to = 14)
    {
        var inRange = Document.Claims.Where(c => c.Sentence.Section >= from && c.Sentence.Section <= to).ToList();
        return (inRange.Count, inRange.Count(c => Checked.Contains(c) || AwaitingLastYear.Contains(c)));
    }
}
