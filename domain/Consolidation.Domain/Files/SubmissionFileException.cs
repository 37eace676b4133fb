using Consolidation.Domain.Validation;

namespace Consolidation.Domain.Files;

/// <summary>A submission file that cannot be read: the file and every field that is wrong, with what is wrong.</summary>
public sealed class SubmissionFileException(string file, IReadOnlyList<Violation> violations)
    : Exception($"{file}: " + string.Join("; ", violations.Select(v => v.ToString())))
{
    public string File { get; } = file;
    public IReadOnlyList<Violation> Violations { get; } = violations;
}
