namespace Consolidation.Domain.Glossary;

/// <summary>
/// A term with every fiscal year's version of its text (ascending by year), its categories, codes and aliases.
/// <see cref="At"/> gives the term as it reads in one year.
/// </summary>
/// <param name="ExistsFrom">The first fiscal year the term exists in: 0 for the terms of the source documents (their
/// first text also stands for the years before it, no earlier text being known), the year of a 增补 for an added term.</param>
public sealed record GlossaryEntry(
    string Name, IReadOnlyList<string> Categories, IReadOnlyList<TermVersion> Versions, IReadOnlyList<TermCode> Codes,
    IReadOnlyList<string> Aliases, int ExistsFrom = 0)
{
    public string Category => Categories.Count > 0 ? Categories[0] : "其他";

    /// <summary>
    /// The version in force in a fiscal year (0 = the latest): the latest version of that year or before; for a year
    /// before every version, the first one; null when the term does not exist yet that year (<see cref="ExistsFrom"/>).
    /// </summary>
    public TermVersion? VersionAt(int fiscalYear)
    {
        if (fiscalYear <= 0) return Versions[^1];
        if (fiscalYear < ExistsFrom) return null;
        for (var i = Versions.Count - 1; i >= 0; i--)
            if (Versions[i].FiscalYear <= fiscalYear) return Versions[i];
        return Versions[0];
    }

    public GlossaryTerm At(TermVersion version) => new(Name, version.Definition, version.OtherDefinitions, Category, version.Source)
    {
        FiscalYear = version.FiscalYear,
        Years = Versions.Select(v => v.FiscalYear).ToList(),
        Categories = Categories,
        Codes = Codes,
        Aliases = Aliases,
    };
}
