using System.Net;
using System.Security.Cryptography.X509Certificates;
using Consolidation.Server.Application;

namespace Consolidation.Server.Security;

/// <summary>Where and how the server listens: an address and port from the settings, TLS from a certificate file.</summary>
public static class Network
{
    /// <summary>The settings refuse to start: a non-loopback address without TLS, a bad address, an unreadable certificate.</summary>
    public sealed class RefusedException(string message) : Exception(message);

    public static IPAddress Address(ServerOptions options) => options.ListenAddress.Trim() switch
    {
        "" or "localhost" => IPAddress.Loopback,
        "*" => IPAddress.Any,
        var text when IPAddress.TryParse(text, out var ip) => ip,
        var text => throw new RefusedException($"监听地址“{text}”无效：应为 IP 地址（如 127.0.0.1、0.0.0.0、::）（设置 Consolidation:ListenAddress）"),
    };

    /// <summary>The certificate, or null for plain h2c; refuses plain h2c on a non-loopback address unless allowed.</summary>
    public static X509Certificate2? Certificate(ServerOptions options, IPAddress address, Func<string, string> resolve)
    {
        if (options.CertificatePath.Length == 0)
        {
            if (!IPAddress.IsLoopback(address) && !options.AllowPlaintextNetwork)
                throw new RefusedException($"拒绝在非本机地址 {address} 上不加密监听：请设置 TLS 证书（Consolidation:CertificatePath，PEM 或 PFX），" +
                                           "或明确设置 Consolidation:AllowPlaintextNetwork=true（凭据将以明文传输）");
            return null;
        }
        var path = resolve(options.CertificatePath);
        try
        {
            if (IsPfx(path))
                return X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword.Length > 0 ? options.CertificatePassword : null);
            var key = options.CertificateKeyPath.Length > 0 ? resolve(options.CertificateKeyPath) : null;
            var pem = options.CertificatePassword.Length > 0
                ? X509Certificate2.CreateFromEncryptedPemFile(path, options.CertificatePassword, key)
                : X509Certificate2.CreateFromPemFile(path, key);
            if (!pem.HasPrivateKey) throw new RefusedException($"证书 {path} 没有私钥（设置 Consolidation:CertificateKeyPath）");
            return pem;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException or ArgumentException)
        {
            throw new RefusedException($"读不出 TLS 证书 {path}：{e.Message}（PEM 证书须同时给出私钥 Consolidation:CertificateKeyPath；PFX 须含私钥）");
        }
    }

    private static bool IsPfx(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".pfx" or ".p12";
}
