using System.Security.Cryptography;
using Google.Protobuf;
using D = Consolidation.Domain.Model;

namespace Consolidation.Contracts.Mapping;

/// <summary>
/// Content hashes, one way everywhere: SHA-256 in lower-case hex. Accounts hash over their canonical bytes — mapped to
/// the contract's message and serialized — so equal content always hashes equal, whatever optional differences the
/// message they came in had.
/// </summary>
public static class ContentDigest
{
    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static byte[] CanonicalBytes(D.FinalAccounts accounts) => AccountsMapper.ToProto(accounts).ToByteArray();

    public static string Of(D.FinalAccounts accounts) => Hex(CanonicalBytes(accounts));
}
