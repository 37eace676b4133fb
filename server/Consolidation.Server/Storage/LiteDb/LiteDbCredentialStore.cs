using Consolidation.Server.Application.Ports;
using LiteDB;

namespace Consolidation.Server.Storage.LiteDb;

/// <summary>The credentials collection. Small (one per person or department): read whole at start, written through.</summary>
public sealed class LiteDbCredentialStore(LiteDbStore store) : ICredentialStore
{
    private readonly ILiteCollection<CredentialRecord> _credentials = store.Database.GetCollection<CredentialRecord>("credentials");

    public IReadOnlyList<CredentialRecord> All() => _credentials.FindAll().ToList();

    public void Insert(CredentialRecord credential) => _credentials.Insert(credential);

    public void Update(CredentialRecord credential) => _credentials.Update(credential);
}
