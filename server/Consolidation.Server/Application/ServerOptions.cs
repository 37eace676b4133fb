namespace Consolidation.Server.Application;

/// <summary>The server's settings (section "Consolidation" of appsettings.json, or --Consolidation:Key=value).</summary>
public sealed class ServerOptions
{
    public const string Section = "Consolidation";

    /// <summary>Port on 127.0.0.1; 0 picks a free one (logged as "Now listening on: …").</summary>
    public int Port { get; set; } = 5080;

    /// <summary>The LiteDB file; relative paths are under the content root.</summary>
    public string DataPath { get; set; } = "data/consolidation.litedb";

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

    /// <summary>Largest request accepted, in bytes; a larger one is refused with RESOURCE_EXHAUSTED.</summary>
    public int MaxRequestBytes { get; set; } = 16 * 1024 * 1024;
}
