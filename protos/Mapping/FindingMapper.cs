using D = Consolidation.Domain.Rules;

namespace Consolidation.Contracts.Mapping;

/// <summary>Maps findings and statuses between the domain and the contract.</summary>
public static class FindingMapper
{
    public static Finding ToProto(D.Finding f) => new()
    {
        RuleId = f.RuleId,
        Severity = (Severity)(int)f.Severity,
        Category = f.Category,
        Location = new CellLocation
        {
            Table = f.Location.Table, Row = f.Location.Row, Column = f.Location.Column,
            TableName = f.Location.TableName, RowName = f.Location.RowName, ColumnName = f.Location.ColumnName,
        },
        LocationText = f.Location.Text,
        Expected = f.Expected,
        Actual = f.Actual,
        Difference = f.Difference,
        Tolerance = f.Tolerance,
        Message = f.Message,
        Explained = f.Explained,
        Explanation = f.Explanation ?? "",
        Quantity = (FindingQuantity)(int)f.Quantity,
    };

    public static D.Finding ToDomain(Finding f) => new(
        f.RuleId, (D.Severity)(int)f.Severity, f.Category,
        new D.CellLocation(f.Location.Table, f.Location.Row, f.Location.Column, f.Location.TableName, f.Location.RowName, f.Location.ColumnName),
        f.Expected, f.Actual, f.Tolerance, f.Message)
    {
        Explanation = f.Explained ? f.Explanation : null,
        Quantity = (D.FindingQuantity)(int)f.Quantity,
    };

    public static SubmissionStatus ToProto(D.SubmissionStatus s) => (SubmissionStatus)(int)s;

    public static D.SubmissionStatus ToDomain(SubmissionStatus s) => (D.SubmissionStatus)(int)s;

    /// <summary>A check's status and findings as the contract's reply (the form a stored version keeps them in).</summary>
    public static ValidateReply ToReply(Consolidation.Domain.Checking.CheckResult check)
    {
        var reply = new ValidateReply
        {
            Status = ToProto(check.Status),
            Basis = new CheckBasis
            {
                Template = check.Template, CatalogueYear = check.CatalogueYear, CatalogueOfOwnYear = check.CatalogueOfOwnYear, TailCount = check.TailCount,
            },
        };
        reply.Findings.AddRange(check.Findings.Select(ToProto));
        return reply;
    }
}
