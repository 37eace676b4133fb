namespace Consolidation.Domain.Glossary;

/// <summary>增补 (a new term) or 更正 (a new text for a term).</summary>
public enum ChangeKind { Add = 1, Correct = 2 }

/// <summary>
/// One change the finance bureau makes to the glossary: who, when, which term and fiscal year, the text before (""
/// for a new term) and after, and why. <see cref="Glossary.Apply"/> fills in the old text, the term's printed name and
/// the year a correction applies to.
/// </summary>
public sealed record GlossaryChange(
    ChangeKind Kind, string Term, int FiscalYear, string OldDefinition, string NewDefinition, string Category,
    string By, DateTime At, string Reason);

public enum GlossaryEditError
{
    /// <summary>Missing term or text, a bad year or category.</summary>
    Invalid = 1,
    /// <summary>增补 of a term the glossary already has (by name, alias or code).</summary>
    TermExists = 2,
    /// <summary>更正 of a term the glossary does not have.</summary>
    UnknownTerm = 3,
    /// <summary>更正 that gives the text already in force.</summary>
    Unchanged = 4,
}

/// <summary>A change the glossary refuses, with why (a message for the clerk).</summary>
public sealed class GlossaryEditException(GlossaryEditError error, string message, string field = "") : Exception(message)
{
    public GlossaryEditError Error { get; } = error;

    /// <summary>The request field at fault for <see cref="GlossaryEditError.Invalid"/>.</summary>
    public string Field { get; } = field;
}
