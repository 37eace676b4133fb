namespace Consolidation.Server.Application;

/// <summary>The server's settings (section "Consolidation" of appsettings.json, or --Consolidation:Key=value).</summary>
public sealed class ServerOptions
{
    public const string Section = "Consolidation";

    /// <summary>Port; 0 picks a free one (logged as "Now listening on: …").</summary>
    public int Port { get; set; } = 5080;

    /// <summary>
    /// The address to listen on (an IP address; "0.0.0.0" or "::" for every interface). Loopback by default. A
    /// non-loopback address needs <see cref="CertificatePath"/> (TLS), or <see cref="AllowPlaintextNetwork"/>.
    /// </summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>The server's TLS certificate: a PEM file (with <see cref="CertificateKeyPath"/>) or a PFX/PKCS#12 file with its key. Empty = plain h2c.</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>The PEM private key of <see cref="CertificatePath"/>; empty for a PFX, or a PEM holding both.</summary>
    public string CertificateKeyPath { get; set; } = "";

    /// <summary>The PFX's password, or the PEM key's (encrypted PEM); empty = none.</summary>
    public string CertificatePassword { get; set; } = "";

    /// <summary>Listen on a non-loopback address without TLS anyway (credentials then cross the network in clear; logged as a warning).</summary>
    public bool AllowPlaintextNetwork { get; set; }

    /// <summary>
    /// Where the first start writes the first finance-bureau credential (created new, owner-only); relative paths are
    /// under the content root. Empty = <c>bureau-credential.txt</c> beside the data file.
    /// </summary>
    public string InitialCredentialPath { get; set; } = "";

    /// <summary>Calls per principal (anonymous callers: per address) per second, sustained; more are refused with RESOURCE_EXHAUSTED.</summary>
    public int RateLimitPerSecond { get; set; } = 100;

    /// <summary>Calls a principal may make at once above the sustained rate (the token bucket's size).</summary>
    public int RateLimitBurst { get; set; } = 400;

    /// <summary>Which storage adapter holds the data: "LiteDB" (the embedded default, at <see cref="DataPath"/>) or "PostgreSQL" (at <see cref="PostgreSqlConnection"/>); docs/storage.md.</summary>
    public string Storage { get; set; } = "LiteDB";

    /// <summary>
    /// LiteDB: flush every commit to the disk (fsync of its log) before acknowledging it, so that an acknowledged
    /// submission survives a power loss (docs/reliability.md, with its measured cost). PostgreSQL's own
    /// <c>synchronous_commit</c> does the same there.
    /// </summary>
    public bool FlushCommits { get; set; } = true;

    /// <summary>The LiteDB file; relative paths are under the content root. Its folder also takes the first bureau credential, whatever the storage.</summary>
    public string DataPath { get; set; } = "data/consolidation.litedb";

    /// <summary>The PostgreSQL database (an Npgsql connection string: Host, Port, Database, Username, Password…) when <see cref="Storage"/> is "PostgreSQL".</summary>
    public string PostgreSqlConnection { get; set; } = "";

    /// <summary>
    /// A backup (<c>fa backup</c>) to restore at start: verified (every version against its content hash), then made the
    /// data file at <see cref="DataPath"/>, which must not exist yet. Empty: no restore.
    /// </summary>
    public string RestoreFrom { get; set; } = "";

    /// <summary>A CSV (code,name[,parent],type) imported once into an empty registry at start-up (docs/consolidation.md); empty = none.</summary>
    public string RegistryPath { get; set; } = "";

    /// <summary>The document whose Part 4 is the glossary; empty = the seed disclosure shipped with the server.</summary>
    public string GlossarySourcePath { get; set; } = "";

    /// <summary>
    /// An identities file (审核公式, docs/identities.md) or a directory of them; each replaces the shipped identities of
    /// its year. Empty = the shipped ones. A file that does not parse stops the server at start, naming the line.
    /// </summary>
    public string IdentitiesPath { get; set; } = "";

    /// <summary>The 公开模板 a submission that names none is checked in (docs/templates.md): the region's, or national.</summary>
    public string DefaultTemplate { get; set; } = Consolidation.Domain.Templates.TemplateCatalogue.NationalId;

    /// <summary>
    /// The bureau's review (docs/access.md#review): only versions the bureau accepted (已受理) are consolidated. Off = the
    /// behaviour before the review existed: the latest version the checks passed is consolidated.
    /// </summary>
    public bool RequireReview { get; set; } = true;

    /// <summary>
    /// A submission for a code the registry does not list (once it lists any): "refuse" (the default) or "hold" — stored
    /// as 未登记, shown in coverage, kept out of every consolidation (docs/access.md#registry).
    /// </summary>
    public string UnregisteredSubmissions { get; set; } = "refuse";

    /// <summary>Largest request accepted, in bytes; a larger one is refused with RESOURCE_EXHAUSTED.</summary>
    public int MaxRequestBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>After SIGTERM, how long running calls may take before the server stops anyway (docs/reliability.md).</summary>
    public int ShutdownSeconds { get; set; } = 5;

    /// <summary>HTTP/2 streams one connection may have open at once (Kestrel's default is 100).</summary>
    public int MaxStreamsPerConnection { get; set; } = 100;

    /// <summary>A connection with no request for this long is closed (Kestrel's KeepAliveTimeout).</summary>
    public int IdleConnectionSeconds { get; set; } = 120;
}
