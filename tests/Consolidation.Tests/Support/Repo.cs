namespace Consolidation.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Samples2023 => Path.Combine(Root, "samples", "2023");

    public static string SeedSample => Path.Combine(Samples2023, "431001-yueyang-port-office.json");

    /// <summary>The real Shanghai 2024 disclosure (shared/real/putuo-planning-2024.pdf) entered as printed.</summary>
    public static string PutuoSample => Path.Combine(Root, "samples", "2024", "310107101-putuo-planning.json");

    /// <summary>The seed disclosure: shared/ beside the repo when there, else the copy the server ships.</summary>
    public static string SeedDocument
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared", "seed", "yueyang-port-office-2023.txt"));
            return File.Exists(shared) ? shared : Path.Combine(Root, "server", "Consolidation.Server", "Data", "yueyang-port-office-2023.txt");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Consolidation.sln"))) return dir.FullName;
        throw new InvalidOperationException("Consolidation.sln not found above " + AppContext.BaseDirectory);
    }
}
