using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Consolidation.Tests.Support;

namespace Consolidation.Tests.EndToEnd;

/// <summary>
/// The network settings (docs/access.md) with the real server and client processes: the listen address a setting
/// (still 127.0.0.1 here), TLS from a certificate the test makes (a private CA and a server certificate signed by it,
/// as PEM and as PFX), the client trusting the CA through FA_CA_FILE and calling with its credential from the
/// environment; a non-loopback address without TLS refused at start.
/// </summary>
[Collection("end-to-end")]
public sealed class TlsEndToEndTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("fa-e2e-tls").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private (string Ca, string Cert, string Key, string Pfx) MakeCertificates()
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=岳阳市财政局 测试 CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        using var serverKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=fa-server", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        using var signed = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), RandomNumberGenerator.GetBytes(8));
        using var withKey = signed.CopyWithPrivateKey(serverKey);

        var paths = (Ca: Path.Combine(_work, "ca.pem"), Cert: Path.Combine(_work, "server.pem"), Key: Path.Combine(_work, "server.key"), Pfx: Path.Combine(_work, "server.pfx"));
        File.WriteAllText(paths.Ca, ca.ExportCertificatePem());
        File.WriteAllText(paths.Cert, withKey.ExportCertificatePem());
        File.WriteAllText(paths.Key, serverKey.ExportPkcs8PrivateKeyPem());
        File.WriteAllBytes(paths.Pfx, withKey.Export(X509ContentType.Pfx, "pfx-password"));
        return paths;
    }

    [Fact]
    public void OverTls_WithAPemCertificate_TheClientTrustsThePrivateCa_AndCallsWithItsCredentialFromTheEnvironment()
    {
        var (ca, cert, key, _) = MakeCertificates();
        using var server = new ServerProcess(Path.Combine(Repo.Samples2023, "registry.csv"),
            "--Consolidation:ListenAddress=127.0.0.1", $"--Consolidation:CertificatePath={cert}", $"--Consolidation:CertificateKeyPath={key}");
        Assert.StartsWith("https://127.0.0.1:", server.Address);
        Assert.Contains("TLS with the certificate CN=fa-server", server.Log);

        var trusted = new Dictionary<string, string?> { ["FA_CA_FILE"] = ca, ["FA_CREDENTIAL"] = server.BureauCredential };
        var issued = Path.Combine(_work, "431001.credential");
        var issue = Client.RunWith(server.Address, trusted, "credential", "issue", "--name", "口岸办报送员", "--role", "department",
            "--department", "431001", "--out", issued);
        Assert.True(issue.ExitCode == 0, issue.ToString());
        Assert.DoesNotContain(File.ReadAllText(issued).Trim(), issue.Output); // written to the file, not shown

        var asDepartment = new Dictionary<string, string?> { ["FA_CA_FILE"] = ca, ["FA_CREDENTIAL"] = File.ReadAllText(issued).Trim() };
        var submit = Client.RunWith(server.Address, asDepartment, "submit", Repo.SeedSample);
        Assert.True(submit.ExitCode == 1, submit.ToString()); // the seed's real errors: 不通过, but stored
        Assert.Contains("口岸办报送员", submit.Stdout); // 报送人: the credential's holder
        var whoami = Client.RunWith(server.Address, asDepartment, "credential", "whoami");
        Assert.True(whoami.ExitCode == 0, whoami.ToString());
        Assert.Contains("部门 431001", whoami.Stdout);
        var notPermitted = Client.RunWith(server.Address, asDepartment, "coverage", "--year", "2023");
        Assert.True(notPermitted.ExitCode == 6, notPermitted.ToString());

        // Without the CA the client does not trust the certificate: it never sends the credential, and says it cannot connect.
        var untrusted = Client.RunWith(server.Address, new Dictionary<string, string?> { ["FA_CREDENTIAL"] = server.BureauCredential }, "coverage", "--year", "2023");
        Assert.True(untrusted.ExitCode == 5, untrusted.ToString());
        // Anonymous over TLS: glossary reads only.
        Assert.Equal(0, Client.RunWith(server.Address, new Dictionary<string, string?> { ["FA_CA_FILE"] = ca }, "glossary", "define", "基本支出").ExitCode);
        Assert.Equal(7, Client.RunWith(server.Address, new Dictionary<string, string?> { ["FA_CA_FILE"] = ca }, "status", "431001", "--year", "2023").ExitCode);
        Assert.DoesNotContain(server.BureauCredential, server.Log);
    }

    [Fact]
    public void OverTls_WithAPfxCertificate_Serves()
    {
        var (ca, _, _, pfx) = MakeCertificates();
        using var server = new ServerProcess(null, $"--Consolidation:CertificatePath={pfx}", "--Consolidation:CertificatePassword=pfx-password");
        Assert.StartsWith("https://127.0.0.1:", server.Address);
        var run = Client.RunWith(server.Address, new Dictionary<string, string?> { ["FA_CA_FILE"] = ca, ["FA_CREDENTIAL"] = server.BureauCredential },
            "credential", "list");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("operator", run.Stdout);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    public void ANonLoopbackAddress_WithoutTls_IsRefusedAtStart_SayingWhy(string address)
    {
        var e = Assert.Throws<ServerExitedException>(() => new ServerProcess(null, $"--Consolidation:ListenAddress={address}"));
        Assert.Equal(3, e.ExitCode);
        Assert.Contains("拒绝在非本机地址", e.Message);
        Assert.Contains("AllowPlaintextNetwork", e.Message);
    }

    [Fact]
    public void AnUnreadableCertificate_IsRefusedAtStart()
    {
        var bad = Path.Combine(_work, "bad.pem");
        File.WriteAllText(bad, "not a certificate");
        var e = Assert.Throws<ServerExitedException>(() => new ServerProcess(null, $"--Consolidation:CertificatePath={bad}"));
        Assert.Equal(3, e.ExitCode);
        Assert.Contains("读不出 TLS 证书", e.Message);
    }
}
