namespace Consolidation.Server.Application.Ports;

/// <summary>
/// One issued credential. The secret itself is never stored: only a random salt and SHA-256(salt ‖ secret). Revoking
/// sets <see cref="RevokedAt"/>; a rotation shortens the old one's <see cref="ExpiresAt"/> to the overlap's end.
/// </summary>
public sealed class CredentialRecord
{
    /// <summary>The key ID: the public part of the credential (fa1.KEYID.SECRET).</summary>
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>1 department, 2 bureau (<see cref="PrincipalRole"/>).</summary>
    public int Role { get; set; }
    public string DepartmentCode { get; set; } = "";
    public byte[] Salt { get; set; } = [];
    public byte[] Hash { get; set; } = [];
    public DateTime IssuedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string RevokeReason { get; set; } = "";
    public string IssuedBy { get; set; } = "";
    public string RotatedFrom { get; set; } = "";
}

/// <summary>The credentials. Small (one per person or department): read whole at start, written through.</summary>
public interface ICredentialStore
{
    IReadOnlyList<CredentialRecord> All();
    void Insert(CredentialRecord credential);
    void Update(CredentialRecord credential);
}
