using Consolidation.Domain.Classification;
using Consolidation.Domain.Glossary;
using Finding = Consolidation.Contracts.Finding;

namespace Consolidation.Server.Services;

/// <summary>
/// Names on each finding the 名词解释 terms it mentions — in its message, its row and column names, and the term of
/// its row's classification code — so a clerk can ask for their definitions (fa status/validate --define).
/// </summary>
public static class FindingTerms
{
    public static void Annotate(IEnumerable<Finding> findings, Glossary glossary, int fiscalYear)
    {
        foreach (var finding in findings)
        {
            var location = finding.Location;
            var text = string.Join("\n", finding.Message, location?.RowName ?? "", location?.ColumnName ?? "");
            var names = glossary.TermsMentionedIn(text, fiscalYear).Select(t => t.Name).ToList();
            if (location is not null && Codes.IsDigits(location.Row) && glossary.Define(location.Row, fiscalYear) is { } coded
                && !names.Contains(coded.Name))
                names.Add(coded.Name);
            finding.GlossaryTerms.Clear();
            finding.GlossaryTerms.AddRange(names);
        }
    }
}
