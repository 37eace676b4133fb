using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Consolidation.Server.Application.Ports;

namespace Consolidation.Server.Application;

/// <summary>What a principal may do (docs/access.md).</summary>
public enum PrincipalRole { Department = 1, Bureau = 2 }

/// <summary>An authenticated caller: the credential's key ID, the name it was issued to, its role and department.</summary>
public sealed record Principal(string KeyId, string Name, PrincipalRole Role, string DepartmentCode)
{
    public bool IsBureau => Role == PrincipalRole.Bureau;

    /// <summary>How the principal is recorded as having acted: "李四" or "431001 报送员"; the key ID is in the audit trail.</summary>
    public string Recorded => Name;
}

/// <summary>Why a presented credential was not accepted. The message never contains the credential.</summary>
public enum CredentialFailure { None, Malformed, Unknown, Revoked, Expired }

/// <summary>A credential refused (NOT_FOUND for an unknown key ID, INVALID_ARGUMENT otherwise).</summary>
public sealed class CredentialRefusedException(string message, bool notFound = false) : Exception(message)
{
    public bool NotFound { get; } = notFound;
}

/// <summary>
/// 凭据: credentials per department and per finance-bureau user, issued by the bureau. A credential reads
/// <c>fa1.KEYID.SECRET</c>; the server keeps a random salt and SHA-256(salt ‖ SECRET) under KEYID, never the secret.
/// All credentials are held in memory (read at start) and written through to the store (ICredentialStore).
/// </summary>
public sealed class Credentials
{
    public const string Prefix = "fa1";
    public const int DefaultValidDays = 365;
    public const int DefaultOverlapDays = 7;
    public const int FirstCredentialValidDays = 90;

    private readonly ICredentialStore _store;
    private readonly RegistryBook _registry;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, CredentialRecord> _byKey = new(StringComparer.Ordinal);
    private readonly object _write = new();

    public Credentials(ICredentialStore store, RegistryBook registry, TimeProvider clock)
    {
        _store = store;
        _registry = registry;
        _clock = clock;
        foreach (var c in store.All()) _byKey[c.Id] = c;
    }

    public bool IsEmpty => _byKey.IsEmpty;

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>A new credential; the returned secret (the whole credential text) is shown once and kept nowhere.</summary>
    public (CredentialRecord Credential, string Secret) Issue(string name, PrincipalRole role, string departmentCode, int validDays,
        string issuedBy, string rotatedFrom = "", DateTime? expiresAt = null)
    {
        name = name.Trim();
        if (name.Length == 0) throw new CredentialRefusedException("须写明凭据发给谁（姓名或岗位）");
        if (name.Length > 100) throw new CredentialRefusedException("凭据持有人名称过长（最多 100 个字符）");
        if (validDays < 0 || validDays > 3660) throw new CredentialRefusedException("有效天数应为 1–3660（0 表示默认 365 天）");
        switch (role)
        {
            case PrincipalRole.Department:
                if (string.IsNullOrWhiteSpace(departmentCode)) throw new CredentialRefusedException("部门凭据须写明部门编码");
                var unit = _registry.Hierarchy().Find(departmentCode)
                    ?? throw new CredentialRefusedException($"预算单位名录中没有 {departmentCode}：请先登记该部门");
                if (unit.Parent.Length > 0) throw new CredentialRefusedException($"{departmentCode} 是下属单位，凭据应发给其部门 {unit.Parent}");
                break;
            case PrincipalRole.Bureau:
                if (departmentCode.Length > 0) throw new CredentialRefusedException("财政局凭据不属于任何部门：不要写部门编码");
                break;
            default:
                throw new CredentialRefusedException("凭据角色应为 department（部门）或 bureau（财政局）");
        }
        var secret = RandomNumberGenerator.GetHexString(64, lowercase: true);
        var salt = RandomNumberGenerator.GetBytes(16);
        var now = Now;
        var credential = new CredentialRecord
        {
            Id = RandomNumberGenerator.GetHexString(12, lowercase: true),
            Name = name,
            Role = (int)role,
            DepartmentCode = departmentCode,
            Salt = salt,
            Hash = HashOf(salt, secret),
            IssuedAt = now,
            ExpiresAt = expiresAt ?? now.AddDays(validDays == 0 ? DefaultValidDays : validDays),
            IssuedBy = issuedBy,
            RotatedFrom = rotatedFrom,
        };
        lock (_write)
        {
            _store.Insert(credential);
            _byKey[credential.Id] = credential;
        }
        return (credential, $"{Prefix}.{credential.Id}.{secret}");
    }

    /// <summary>The principal a presented credential stands for, or why it is refused.</summary>
    public (Principal? Principal, CredentialFailure Failure) Verify(string presented)
    {
        var parts = presented.Trim().Split('.');
        if (parts.Length != 3 || parts[0] != Prefix || parts[1].Length == 0 || parts[2].Length != 64) return (null, CredentialFailure.Malformed);
        if (!_byKey.TryGetValue(parts[1], out var c)) return (null, CredentialFailure.Unknown);
        if (!CryptographicOperations.FixedTimeEquals(HashOf(c.Salt, parts[2]), c.Hash)) return (null, CredentialFailure.Unknown);
        if (c.RevokedAt is not null) return (null, CredentialFailure.Revoked);
        if (c.ExpiresAt <= Now) return (null, CredentialFailure.Expired);
        return (ToPrincipal(c), CredentialFailure.None);
    }

    public static Principal ToPrincipal(CredentialRecord c) => new(c.Id, c.Name, (PrincipalRole)c.Role, c.DepartmentCode);

    public CredentialRecord? Find(string keyId) => _byKey.GetValueOrDefault(keyId);

    public IReadOnlyList<CredentialRecord> List(string departmentCode, bool includeInactive) =>
        _byKey.Values
            .Where(c => departmentCode.Length == 0 || c.DepartmentCode == departmentCode)
            .Where(c => includeInactive || StateOf(c) == CredentialState.Active)
            .OrderBy(c => c.IssuedAt).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();

    public enum CredentialState { Active, Revoked, Expired }

    public CredentialState StateOf(CredentialRecord c) =>
        c.RevokedAt is not null ? CredentialState.Revoked : c.ExpiresAt <= Now ? CredentialState.Expired : CredentialState.Active;

    public CredentialRecord Revoke(string keyId, string reason, string by)
    {
        lock (_write)
        {
            var c = Find(keyId) ?? throw new CredentialRefusedException($"没有凭据 {keyId}", notFound: true);
            if (c.RevokedAt is not null) return c;
            var revoked = Copy(c);
            revoked.RevokedAt = Now;
            revoked.RevokeReason = reason.Length > 0 ? $"{reason}（{by}）" : $"（{by}）";
            _store.Update(revoked);
            _byKey[keyId] = revoked;
            return revoked;
        }
    }

    /// <summary>A new credential for the same principal; the old one works until the overlap ends (or it is revoked).</summary>
    public (CredentialRecord Credential, string Secret, CredentialRecord Old) Rotate(string keyId, int overlapDays, int validDays, string by)
    {
        var old = Find(keyId) ?? throw new CredentialRefusedException($"没有凭据 {keyId}", notFound: true);
        if (StateOf(old) != CredentialState.Active) throw new CredentialRefusedException($"凭据 {keyId} 已吊销或已过期，不能轮换；请重新签发");
        if (overlapDays < 0 || overlapDays > 90) throw new CredentialRefusedException("新旧凭据并用天数应为 0–90（0 表示默认 7 天）");
        var (issued, secret) = Issue(old.Name, (PrincipalRole)old.Role, old.DepartmentCode, validDays, by, rotatedFrom: keyId);
        lock (_write)
        {
            var shortened = Copy(Find(keyId)!);
            var end = Now.AddDays(overlapDays == 0 ? DefaultOverlapDays : overlapDays);
            if (shortened.ExpiresAt > end) shortened.ExpiresAt = end;
            _store.Update(shortened);
            _byKey[keyId] = shortened;
            return (issued, secret, shortened);
        }
    }

    /// <summary>
    /// The first start: no credential at all. A bureau credential named "operator" is issued and written to
    /// <paramref name="path"/>, created new (an existing file is never overwritten) and readable by its owner only.
    /// </summary>
    /// <returns>The key ID written, or null when credentials already exist.</returns>
    public string? CreateFirstBureauCredential(string path)
    {
        if (!IsEmpty) return null;
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        FileStream file;
        try { file = new FileStream(full, options); }
        catch (IOException e) when (File.Exists(full))
        {
            throw new InvalidOperationException(
                $"首个财政局凭据文件 {full} 已存在，但数据文件中没有任何凭据：不会覆盖它。请删除或移走该文件后再启动（{e.Message}）", e);
        }
        using (file)
        {
            var (credential, secret) = Issue("operator", PrincipalRole.Bureau, "", FirstCredentialValidDays, "(首次启动)");
            var bytes = Encoding.UTF8.GetBytes(secret + "\n");
            file.Write(bytes);
            file.Flush(flushToDisk: true);
            return credential.Id;
        }
    }

    private static byte[] HashOf(byte[] salt, string secret)
    {
        var input = new byte[salt.Length + Encoding.ASCII.GetByteCount(secret)];
        salt.CopyTo(input, 0);
        Encoding.ASCII.GetBytes(secret, 0, secret.Length, input, salt.Length);
        return SHA256.HashData(input);
    }

    private static CredentialRecord Copy(CredentialRecord c) => new()
    {
        Id = c.Id, Name = c.Name, Role = c.Role, DepartmentCode = c.DepartmentCode, Salt = c.Salt, Hash = c.Hash, IssuedAt = c.IssuedAt,
        ExpiresAt = c.ExpiresAt, RevokedAt = c.RevokedAt, RevokeReason = c.RevokeReason, IssuedBy = c.IssuedBy, RotatedFrom = c.RotatedFrom,
    };
}
