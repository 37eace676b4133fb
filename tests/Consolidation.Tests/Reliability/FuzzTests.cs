using Consolidation.Domain.Checking;
using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Rules;
using Consolidation.Domain.Validation;
using Consolidation.Tests.Support;
using CsCheck;
using Google.Protobuf;

namespace Consolidation.Tests.Reliability;

/// <summary>
/// Bounded fuzzing (CsCheck) of the request-parsing and checking path (issue 15): a good SubmitRequest's bytes with
/// random bytes overwritten, inserted or cut, and random bytes alone, go through what the server does with a request —
/// parse, map to the domain, validate, and check what is valid. The only exceptions allowed are the parser's refusals
/// (what the server answers INVALID_ARGUMENT naming `request`); anything else is a bug that would be UNKNOWN.
/// 2,000 cases in CI; FA_FUZZ_ITERATIONS=N for a longer run.
/// </summary>
public sealed class FuzzTests
{
    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("FA_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : 2_000;

    private static readonly byte[] GoodBytes =
        new SubmitRequest { RequestId = "fuzz-1", Accounts = AccountsMapper.ToProto(Accounts.Consistent()) }.ToByteArray();

    /// <summary>What the server does with the bytes of one request, up to storing: false when the parser refused them.</summary>
    private static bool Intake(byte[] bytes)
    {
        SubmitRequest request;
        try { request = SubmitRequest.Parser.ParseFrom(bytes); }
        catch (Exception e) when (e is InvalidProtocolBufferException or System.Text.DecoderFallbackException) { return false; }
        _ = InputLimits.RequestIdProblem(request.RequestId);
        if (request.Accounts is null) return true;
        var accounts = AccountsMapper.ToDomain(request.Accounts);
        if (AccountsValidator.Validate(accounts).Count == 0) AccountsChecker.Standard.Check(accounts);
        return true;
    }

    private static readonly Gen<byte[]> Mutated =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, GoodBytes.Length - 1], Gen.Byte.Array[1, 16], (kind, at, bytes) => kind switch
        {
            0 => Overwrite(at, bytes),
            1 => [.. GoodBytes[..at], .. bytes, .. GoodBytes[at..]],
            2 => GoodBytes[..at],
            _ => [.. GoodBytes[..at], .. GoodBytes[Math.Min(GoodBytes.Length, at + bytes.Length)..]],
        });

    private static byte[] Overwrite(int at, byte[] bytes)
    {
        var copy = (byte[])GoodBytes.Clone();
        for (var i = 0; i < bytes.Length && at + i < copy.Length; i++) copy[at + i] = bytes[i];
        return copy;
    }

    [Fact]
    public void GoodRequest_PassesTheWholePath() => Assert.True(Intake(GoodBytes));

    [Fact]
    public void MutatedRequests_NeverThrowBeyondTheParsersRefusal() =>
        Mutated.Sample(bytes => { Intake(bytes); }, iter: Iterations);

    [Fact]
    public void RandomBytes_NeverThrowBeyondTheParsersRefusal() =>
        Gen.Byte.Array[0, 512].Sample(bytes => { Intake(bytes); }, iter: Iterations * 5);
}
