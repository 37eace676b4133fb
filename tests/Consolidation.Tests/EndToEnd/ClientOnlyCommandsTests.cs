using Consolidation.Tests.Support;

namespace Consolidation.Tests.EndToEnd;

/// <summary>Issue 17, the commands that never talk to the server, through the real client process: their exit codes.</summary>
public sealed class ClientOnlyCommandsTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("fa-e2e-local").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static ClientRun Fa(params string[] args) => Client.Run(null, args);

    [Fact]
    public void ConvertToAnUnknownTarget_Exit3_AndWritesNothing()
    {
        var target = Path.Combine(_work, "out.docx");   // .pdf is a target now (the printed disclosure, docs/documents.md)
        var run = Fa("convert", Repo.SeedSample, target);
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("不认识的输出格式“.docx”", run.Stderr);
        Assert.False(Path.Exists(target));
    }

    [Fact]
    public void ConvertToJsonXlsxAndCsvFolder_Exit0_AnUnreadableInput_Exit3()
    {
        foreach (var target in new[] { "seed.json", "seed.xlsx", "seed-csv" })
        {
            var run = Fa("convert", Repo.SeedSample, Path.Combine(_work, target));
            Assert.True(run.ExitCode == 0, run.ToString());
        }
        Assert.True(File.Exists(Path.Combine(_work, "seed-csv", "info.csv")));
        Assert.Equal(3, Fa("convert", Path.Combine(_work, "missing.json"), Path.Combine(_work, "x.json")).ExitCode);
    }

    [Fact]
    public void TemplateWithAnExtensionThatIsNotXlsx_Exit3_NotAnUnexpectedError()
    {
        var run = Fa("template", Path.Combine(_work, "x.txt"));
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains(".xlsx", run.Stderr);
        Assert.DoesNotContain("ArgumentException", run.Output);
        Assert.Equal(0, Fa("template", Path.Combine(_work, "t.xlsx")).ExitCode);
        Assert.Equal(0, Fa("template", "--format", "csv", Path.Combine(_work, "t")).ExitCode);
        Assert.Equal(3, Fa("template", "--format", "csv", Path.Combine(_work, "t.xlsx")).ExitCode);
    }
}
