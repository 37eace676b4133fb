using Consolidation.Domain.Checking;
using Consolidation.Domain.Consolidation;
using Consolidation.Domain.Model;
using Consolidation.Domain.Rules;

namespace Consolidation.Server.Application.Ports;

/// <summary>
/// How the accounts and findings a version keeps, and the disclosure a consolidation run keeps, become bytes and back. The stored bytes are the contract's messages
/// (so that a reply can carry them without mapping again), and the contract is the API layer's to know: it implements
/// this port (<c>Services/ContractEncoding</c>), and this layer handles the bytes without ever naming a wire type.
/// </summary>
public interface IRecordEncoding
{
    /// <summary>
    /// The accounts' canonical bytes — equal content always gives equal bytes, whatever optional differences the
    /// message they came in had — and their content hash (SHA-256, lower-case hex), the one every version is known by.
    /// </summary>
    EncodedAccounts EncodeAccounts(FinalAccounts accounts);

    FinalAccounts DecodeAccounts(byte[] bytes);

    /// <summary>A check's findings with its status, counts and basis, as stored with the version and sent in its replies.</summary>
    byte[] EncodeFindings(CheckResult check);

    IReadOnlyList<Finding> DecodeFindings(byte[] bytes);

    /// <summary>A consolidated disclosure, run metadata and content hash included, as its run keeps it.</summary>
    byte[] EncodeDisclosure(Disclosure disclosure);

    Disclosure DecodeDisclosure(byte[] bytes);

    /// <summary>
    /// The disclosure's content hash: SHA-256 (hex) of its encoding with the run's number, time, who and the hash itself
    /// cleared, so that the same inputs always give the same hash.
    /// </summary>
    string ContentHash(Disclosure disclosure);
}

/// <summary>Canonical bytes of a department's accounts and their content hash.</summary>
public sealed record EncodedAccounts(byte[] Bytes, string ContentHash);
