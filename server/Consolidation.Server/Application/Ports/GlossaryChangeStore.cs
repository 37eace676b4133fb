using Consolidation.Domain.Glossary;

namespace Consolidation.Server.Application.Ports;

/// <summary>A stored change and its number (the order changes were made in).</summary>
public sealed record StoredGlossaryChange(long Id, GlossaryChange Change);

/// <summary>The change record of the glossary (名词解释的修改记录): every 增补 and 更正, who, when, old and new text; append-only.</summary>
public interface IGlossaryChangeStore
{
    StoredGlossaryChange Add(GlossaryChange change);
    /// <summary>Every change, in the order made.</summary>
    IReadOnlyList<StoredGlossaryChange> All();
    /// <summary>The changes of one term (by its printed name, compared in its normal form <see cref="TermText.Normalize"/>), oldest first.</summary>
    IReadOnlyList<StoredGlossaryChange> ForTerm(string name);
}
