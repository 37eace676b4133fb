using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Checking;
using Consolidation.Server.Application.Ports;
using Google.Protobuf;
using D = Consolidation.Domain.Model;
using Disclosure = Consolidation.Domain.Consolidation.Disclosure;
using DomainFinding = Consolidation.Domain.Rules.Finding;

namespace Consolidation.Server.Services;

/// <summary>
/// The stored records in the contract's encoding: a version's accounts as the FinalAccounts message and its findings as
/// the ValidateReply message, serialized — the bytes the replies carry on without mapping again (<see cref="StoredFindings"/>);
/// a run's disclosure as the ConsolidatedDisclosure message.
/// </summary>
public sealed class ContractEncoding : IRecordEncoding
{
    public static ContractEncoding Instance { get; } = new();

    public EncodedAccounts EncodeAccounts(D.FinalAccounts accounts)
    {
        var bytes = ContentDigest.CanonicalBytes(accounts);
        return new EncodedAccounts(bytes, ContentDigest.Hex(bytes));
    }

    public D.FinalAccounts DecodeAccounts(byte[] bytes) => AccountsMapper.ToDomain(FinalAccounts.Parser.ParseFrom(bytes));

    public byte[] EncodeFindings(CheckResult check) => FindingMapper.ToReply(check).ToByteArray();

    public IReadOnlyList<DomainFinding> DecodeFindings(byte[] bytes) => StoredFindings(bytes).Findings.Select(FindingMapper.ToDomain).ToList();

    public byte[] EncodeDisclosure(Disclosure disclosure) => DisclosureMapper.ToProto(disclosure).ToByteArray();

    public Disclosure DecodeDisclosure(byte[] bytes) => DisclosureMapper.ToDomain(ConsolidatedDisclosure.Parser.ParseFrom(bytes));

    public string ContentHash(Disclosure disclosure) =>
        ContentDigest.Hex(EncodeDisclosure(disclosure with { RunNumber = 0, CreatedAt = null, RequestedBy = "", ContentHash = "" }));

    /// <summary>A version's stored findings as the contract's message, for a reply: parsed, never mapped.</summary>
    public static ValidateReply StoredFindings(byte[] bytes) => ValidateReply.Parser.ParseFrom(bytes);
}
