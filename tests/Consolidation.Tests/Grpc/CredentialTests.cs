using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Server.Application;
using Consolidation.Server.Application.Ports;
using Consolidation.Server.Storage.LiteDb;
using Consolidation.Tests.Support;
using Grpc.Core;
using Microsoft.Extensions.Time.Testing;
using static Consolidation.Tests.Support.Accounts;
using AccessRole = Consolidation.Server.Application.PrincipalRole;
using PrincipalRole = Consolidation.Contracts.PrincipalRole;

namespace Consolidation.Tests.Grpc;

/// <summary>Credentials (docs/access.md): issued shown once, stored as salted hashes, revoked at once, rotated with an overlap, expiring.</summary>
public sealed class CredentialTests : IDisposable
{
    private readonly InProcessServer _server = new("code,name,type\n431001,岳阳市人民政府口岸管理办公室,行政\n");

    public void Dispose() => _server.Dispose();

    private IssuedCredential IssueDepartment(string name = "口岸办报送员", int days = 0) =>
        _server.Bureau.Credentials.IssueCredential(new IssueCredentialRequest
            { Name = name, Role = PrincipalRole.Department, DepartmentCode = "431001", ValidDays = days });

    private StatusCode WhoAmI(string credential)
    {
        try { _server.As(credential).Credentials.WhoAmI(new WhoAmIRequest()); return StatusCode.OK; }
        catch (RpcException e) { return e.StatusCode; }
    }

    [Fact]
    public void Issue_ShowsTheSecretOnce_StoresOnlyASaltedHash_AndTheCredentialWorks()
    {
        var issued = IssueDepartment();
        Assert.Matches("^fa1\\.[0-9a-f]{12}\\.[0-9a-f]{64}$", issued.Secret);
        Assert.Equal(("口岸办报送员", "431001", "有效", "operator"), (issued.Credential.Name, issued.Credential.DepartmentCode, issued.Credential.State, issued.Credential.IssuedBy));
        Assert.Equal(StatusCode.OK, WhoAmI(issued.Secret));

        var listed = _server.Bureau.Credentials.ListCredentials(new ListCredentialsRequest { DepartmentCode = "431001" });
        Assert.Equal(issued.Credential.KeyId, Assert.Single(listed.Credentials).KeyId);
        Assert.DoesNotContain(issued.Secret.Split('.')[2], listed.ToString());

        // What LiteDB holds: a salt and a hash, never the secret.
        var stored = _server.Service<LiteDbStore>().Database.GetCollection("credentials").FindById(issued.Credential.KeyId);
        Assert.DoesNotContain(issued.Secret.Split('.')[2], stored.ToString());
        Assert.Equal(16, stored["Salt"].AsBinary.Length);
        Assert.Equal(32, stored["Hash"].AsBinary.Length);
    }

    [Fact]
    public void AWrongSecretForAKnownKey_AndAMalformedOne_AreUnauthenticated()
    {
        var issued = IssueDepartment();
        var parts = issued.Secret.Split('.');
        Assert.Equal(StatusCode.Unauthenticated, WhoAmI($"fa1.{parts[1]}.{new string('0', 64)}"));
        Assert.Equal(StatusCode.Unauthenticated, WhoAmI("not-a-credential"));
    }

    [Fact]
    public void Revoke_TakesEffectAtOnce_AndIsRecorded()
    {
        var issued = IssueDepartment();
        var revoked = _server.Bureau.Credentials.RevokeCredential(new RevokeCredentialRequest { KeyId = issued.Credential.KeyId, Reason = "离职" });
        Assert.Equal("已吊销", revoked.State);
        Assert.Equal(StatusCode.Unauthenticated, WhoAmI(issued.Secret));
        Assert.Contains(_server.Audit(kind: "credential"), e => e.Method == "CredentialService/RevokeCredential" && e.Reason.StartsWith("离职"));
        Assert.Equal(StatusCode.NotFound, Assert.Throws<RpcException>(() =>
            _server.Bureau.Credentials.RevokeCredential(new RevokeCredentialRequest { KeyId = "ffffffffffff" })).StatusCode);
    }

    [Fact]
    public void Rotate_BothWorkDuringTheOverlap_ThenTheOldOneCanBeRevoked_AndTheNewOneStillWorks()
    {
        var old = IssueDepartment();
        var rotated = _server.Bureau.Credentials.RotateCredential(new RotateCredentialRequest { KeyId = old.Credential.KeyId, OverlapDays = 2 });
        Assert.Equal(old.Credential.KeyId, rotated.Credential.RotatedFrom);
        Assert.Equal(StatusCode.OK, WhoAmI(old.Secret));
        Assert.Equal(StatusCode.OK, WhoAmI(rotated.Secret));
        var oldNow = _server.Bureau.Credentials.ListCredentials(new ListCredentialsRequest()).Credentials.Single(c => c.KeyId == old.Credential.KeyId);
        Assert.InRange((oldNow.ExpiresAt.ToDateTime() - DateTime.UtcNow).TotalDays, 1.9, 2.1);

        _server.Bureau.Credentials.RevokeCredential(new RevokeCredentialRequest { KeyId = old.Credential.KeyId });
        Assert.Equal(StatusCode.Unauthenticated, WhoAmI(old.Secret));
        Assert.Equal(StatusCode.OK, WhoAmI(rotated.Secret));
        // The same principal: what the new one submits is recorded under the same name.
        var record = _server.As(rotated.Secret).Submissions.Submit(new SubmitRequest { Accounts = AccountsMapper.ToProto(Seed()) });
        Assert.Equal("口岸办报送员", record.SubmittedBy);
        // A revoked credential is not rotated.
        Assert.Equal(StatusCode.InvalidArgument, Assert.Throws<RpcException>(() =>
            _server.Bureau.Credentials.RotateCredential(new RotateCredentialRequest { KeyId = old.Credential.KeyId })).StatusCode);
    }

    [Fact]
    public void Expiry_AnExpiredCredentialIsUnauthenticated_AndListedOnlyWithInactiveOnes()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var credentials = new Credentials(new LiteDbCredentialStore(_server.Service<LiteDbStore>()), _server.Service<RegistryBook>(), clock);
        var (issued, secret) = credentials.Issue("短期", AccessRole.Bureau, "", 1, "test");
        Assert.NotNull(credentials.Verify(secret).Principal);
        clock.Advance(TimeSpan.FromDays(1.01));
        Assert.Equal(CredentialFailure.Expired, credentials.Verify(secret).Failure);
        Assert.DoesNotContain(credentials.List("", includeInactive: false), c => c.Id == issued.Id);
        Assert.Contains(credentials.List("", includeInactive: true), c => c.Id == issued.Id);

        var expired = _server.BureauUserCredential("过期", expiresAt: DateTime.UtcNow.AddMinutes(-1));
        var e = Assert.Throws<RpcException>(() => _server.As(expired).Credentials.WhoAmI(new WhoAmIRequest()));
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Contains("凭据已过期", e.Status.Detail);
    }

    [Theory]
    [InlineData("", PrincipalRole.Department, "431001")]          // no holder
    [InlineData("张三", PrincipalRole.Department, "")]            // no department
    [InlineData("张三", PrincipalRole.Department, "499999")]      // not in the registry
    [InlineData("张三", PrincipalRole.Bureau, "431001")]          // a bureau credential names no department
    [InlineData("张三", PrincipalRole.Unspecified, "")]
    public void Issue_OfABadCredential_IsInvalidArgument(string name, PrincipalRole role, string code) =>
        Assert.Equal(StatusCode.InvalidArgument, Assert.Throws<RpcException>(() => _server.Bureau.Credentials.IssueCredential(
            new IssueCredentialRequest { Name = name, Role = role, DepartmentCode = code })).StatusCode);

    [Fact]
    public void ADepartment_CannotIssueListRevokeOrRotate()
    {
        var department = _server.As(IssueDepartment().Secret).Credentials;
        Assert.Equal(StatusCode.PermissionDenied, Assert.Throws<RpcException>(() => department.IssueCredential(
            new IssueCredentialRequest { Name = "自封", Role = PrincipalRole.Bureau })).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, Assert.Throws<RpcException>(() => department.ListCredentials(new ListCredentialsRequest())).StatusCode);
    }

    [Fact]
    public void TheFirstStart_WritesOneOwnerOnlyBureauCredential_AndNeverOverwritesTheFile()
    {
        var file = Path.Combine(_server.Directory, "bureau-credential.txt");
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        var first = _server.Service<Credentials>().List("", true).First();
        Assert.Equal(("operator", (int)AccessRole.Bureau), (first.Name, first.Role));
        // Credentials exist: nothing more is written.
        var other = Path.Combine(_server.Directory, "again.txt");
        Assert.Null(_server.Service<Credentials>().CreateFirstBureauCredential(other));
        Assert.False(File.Exists(other));

        // An empty credential book with the file already there: refused, the file left as it was.
        using var store = new LiteDbStore(Path.Combine(_server.Directory, "second.litedb"));
        var fresh = new Credentials(new LiteDbCredentialStore(store), new RegistryBook(new LiteDbRegistryStore(store), TimeProvider.System), TimeProvider.System);
        var before = File.ReadAllText(file);
        Assert.Throws<InvalidOperationException>(() => fresh.CreateFirstBureauCredential(file));
        Assert.Equal(before, File.ReadAllText(file));
    }
}

/// <summary>The per-principal rate limit: RESOURCE_EXHAUSTED for the caller over its rate, not for another.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly InProcessServer _server = new(settings: new Dictionary<string, string>
    {
        ["Consolidation:RateLimitPerSecond"] = "1", ["Consolidation:RateLimitBurst"] = "3",
    });

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task OverItsRate_ACallerIsRefusedWithResourceExhausted_AnotherIsNot()
    {
        var greedy = _server.As(_server.BureauUserCredential("急躁"));
        // 20 calls at once against a bucket of 3 refilled by 1 a second: however slow the machine, most are refused.
        var codes = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            try { await greedy.Credentials.WhoAmIAsync(new WhoAmIRequest()); return StatusCode.OK; }
            catch (RpcException e) { return e.StatusCode; }
        }));
        Assert.Contains(StatusCode.ResourceExhausted, codes);
        Assert.Contains(StatusCode.OK, codes);
        Assert.All(codes, c => Assert.True(c is StatusCode.OK or StatusCode.ResourceExhausted, c.ToString()));
        var other = _server.As(_server.BureauUserCredential("耐心"));
        Assert.NotNull(other.Credentials.WhoAmI(new WhoAmIRequest()));
        Assert.Contains(_server.Audit(kind: "refused"), e => e.Principal == "急躁" && e.Outcome == "ResourceExhausted");
    }
}
