using Consolidation.Client.Inputs.Pdf;
using Consolidation.Contracts;

namespace Consolidation.Client.Commands;

/// <summary>For validate and submit of a PDF: each finding with the page its figure and its quoted sentence are printed on.</summary>
internal static class FindingOrigins
{
    public static Func<Finding, string?>? Of(PdfOrigins? origins) =>
        origins is null ? null : f => origins.Of(f.Location?.Table ?? "", f.Location?.Row ?? "", f.Location?.Column ?? "", f.Message);
}
