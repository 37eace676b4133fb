using Consolidation.Contracts;
using Consolidation.Tests.Support;
using Google.Protobuf;

namespace Consolidation.Tests.EndToEnd;

/// <summary>Credentials, refusals and the audit trail through the real client: the exit codes that tell refusals from outages.</summary>
[Collection("end-to-end")]
public sealed class AccessEndToEndTests : IDisposable
{
    private readonly ServerProcess _server = new(Path.Combine(Repo.Samples2023, "registry.csv"));
    private readonly string _work = Directory.CreateTempSubdirectory("fa-e2e-access").FullName;

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    private ClientRun Fa(params string[] args) => Client.Run(_server.Address, args);

    private ClientRun FaWith(string? credential, params string[] args) =>
        Client.RunWith(_server.Address, new Dictionary<string, string?> { ["FA_CREDENTIAL"] = credential }, args);

    private static string Sample(string code) => Directory.GetFiles(Repo.Samples2023, $"{code}-*.json").Single();

    [Fact]
    public void ExitCodes_TellRefusalsFromOutages()
    {
        // Nothing accepted yet: nothing to consolidate (9), not "server unavailable" (5).
        var nothing = Fa("consolidate", "--year", "2023");
        Assert.True(nothing.ExitCode == 9, nothing.ToString());
        // No credential: 7; a credential the server does not know: 7.
        Assert.Equal(7, FaWith(null, "coverage", "--year", "2023").ExitCode);
        var unknown = FaWith("fa1.000000000000." + new string('0', 64), "coverage", "--year", "2023");
        Assert.True(unknown.ExitCode == 7, unknown.ToString());
        Assert.Contains("凭据无效", unknown.Stderr);
        // A credential file that is not there: a usage error (3), nothing sent.
        Assert.Equal(3, Client.RunWith(_server.Address, new Dictionary<string, string?> { ["FA_CREDENTIAL_FILE"] = Path.Combine(_work, "none") },
            "coverage", "--year", "2023").ExitCode);
        // The credential is never taken from the command line (where ps shows it): there is no option for it.
        // fa parses strictly: the unknown option is a usage error (3), nothing sent.
        Assert.Equal(3, FaWith(null, "coverage", "--year", "2023", "--credential", _server.BureauCredential).ExitCode);
    }

    [Fact]
    public void Review_ThroughTheClient_ListShowReturnAccept_TheDepartmentSeesTheReason()
    {
        var file = Path.Combine(_work, "410001.credential");
        Assert.Equal(0, Fa("credential", "issue", "--name", "卫健委报送员", "--role", "department", "--department", "410001", "--out", file).ExitCode);
        var clerk = new Dictionary<string, string?> { ["FA_CREDENTIAL_FILE"] = file };
        Assert.Equal(0, Client.RunWith(_server.Address, clerk, "submit", Sample("410001")).ExitCode);

        var list = Fa("review", "list", "--year", "2023", "--state", "待审核");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("410001", list.Stdout);
        Assert.Contains("卫健委报送员", list.Stdout);
        var show = Fa("review", "show", "410001", "--year", "2023");
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains("待审核", show.Stdout);

        Assert.Equal(3, Fa("review", "return", "410001", "--year", "2023").ExitCode); // a reason is required
        var returned = Fa("review", "return", "410001", "--year", "2023", "--reason", "人员经费变动未说明");
        Assert.True(returned.ExitCode == 0, returned.ToString());
        var seen = Client.RunWith(_server.Address, clerk, "status", "410001", "--year", "2023");
        Assert.Contains("已退回", seen.Stdout);
        Assert.Contains("人员经费变动未说明", seen.Stdout);
        Assert.Contains("按退回原因修改后重新报送", seen.Stdout);
        var refused = Fa("review", "accept", "410001", "--year", "2023");
        Assert.True(refused.ExitCode == 8, refused.ToString()); // a move the state does not allow: FAILED_PRECONDITION
        Assert.Equal(6, Client.RunWith(_server.Address, clerk, "review", "list", "--year", "2023").ExitCode);
    }

    [Fact]
    public void CredentialCommands_IssueListRotateRevoke_AndTheAuditShowsEachAct()
    {
        var file = Path.Combine(_work, "405001.credential");
        Assert.Equal(0, Fa("credential", "issue", "--name", "教育局报送员", "--role", "department", "--department", "405001", "--out", file).ExitCode);
        var secret = File.ReadAllText(file).Trim();
        var asEducation = Client.RunWith(_server.Address, new Dictionary<string, string?> { ["FA_CREDENTIAL_FILE"] = file }, "submit", Sample("405001"));
        Assert.True(asEducation.ExitCode == 0, asEducation.ToString());
        // Another department's data: exit 4 exactly as for a code with nothing on file.
        var other = FaWith(secret, "status", "410001", "--year", "2023");
        var nobody = FaWith(secret, "status", "419999", "--year", "2023");
        Assert.Equal((4, 4), (other.ExitCode, nobody.ExitCode));
        Assert.Equal(nobody.Stderr.Replace("419999", "CODE"), other.Stderr.Replace("410001", "CODE"));

        var list = Fa("credential", "list", "--department", "405001", "--json");
        var keyId = JsonParser.Default.Parse<ListCredentialsReply>(list.Stdout).Credentials.Single().KeyId;
        Assert.DoesNotContain(secret.Split('.')[2], list.Output);

        var rotated = Fa("credential", "rotate", keyId, "--overlap-days", "1", "--json");
        Assert.True(rotated.ExitCode == 0, rotated.ToString());
        var fresh = JsonParser.Default.Parse<IssuedCredential>(rotated.Stdout).Secret;
        Assert.Equal(0, FaWith(secret, "versions", "405001").ExitCode);   // the old one during the overlap
        Assert.Equal(0, Fa("credential", "revoke", keyId, "--reason", "轮换完成").ExitCode);
        Assert.Equal(7, FaWith(secret, "versions", "405001").ExitCode);
        Assert.Equal(0, FaWith(fresh, "versions", "405001").ExitCode);

        var audit = Fa("audit", "--kind", "credential", "--json");
        var acts = JsonParser.Default.Parse<ListAuditReply>(audit.Stdout).Entries;
        Assert.Equal(["RevokeCredential", "RotateCredential", "IssueCredential"], acts.Select(a => a.Method.Split('/')[1]));
        Assert.All(acts, a => Assert.Equal("operator", a.Principal));
        var submissions = JsonParser.Default.Parse<ListAuditReply>(Fa("audit", "--department", "405001", "--year", "2023", "--kind", "submit", "--json").Stdout).Entries;
        Assert.Equal("教育局报送员", Assert.Single(submissions).Principal);
        var refused = JsonParser.Default.Parse<ListAuditReply>(Fa("audit", "--kind", "refused", "--json").Stdout).Entries;
        Assert.Contains(refused, e => e.DepartmentCode == "410001" && e.Principal == "教育局报送员");
        Assert.Contains(refused, e => e.Reason.Contains("凭据已吊销"));
        Assert.Equal(6, FaWith(fresh, "audit").ExitCode); // the bureau's only
        Assert.DoesNotContain(secret, _server.Log);
        Assert.DoesNotContain(fresh, _server.Log);
    }
}
