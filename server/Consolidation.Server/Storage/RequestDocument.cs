namespace Consolidation.Server.Storage;

/// <summary>
/// One decided submission request, keyed by the client's request ID: what content it carried and which version it
/// produced (stored) or pointed to (unchanged). Never updated once inserted; a retry reads it back.
/// </summary>
public sealed class RequestDocument
{
    /// <summary>The client's request ID (the collection's _id).</summary>
    public string Id { get; set; } = "";
    public string ContentHash { get; set; } = "";
    /// <summary>The version's key "{code}/{year}/{version}".</summary>
    public string SubmissionKey { get; set; } = "";
    /// <summary>Whether the request stored that version (true) or found it unchanged (false).</summary>
    public bool Stored { get; set; }
    public DateTime DecidedAt { get; set; }
}
