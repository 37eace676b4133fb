using System.Diagnostics;
using System.Text.RegularExpressions;
using Consolidation.Tests.Support;

namespace Consolidation.Tests.EndToEnd;

/// <summary>
/// Issue 17, the conventions of `fa` through the real client process: --version, help, a branch alone, the exit
/// codes on each help page, shell completion, one language per help line, library errors in Chinese, and the golden
/// text of `fa --help`.
/// </summary>
public sealed partial class ConventionsTests
{
    private static ClientRun Fa(params string[] args) => Client.Run(null, args);

    private static string GoldenHelp => Path.Combine(Repo.Root, "tests", "Consolidation.Tests", "EndToEnd", "Golden", "fa-help.txt");

    [Fact]
    public void Help_IsTheGoldenText()
    {
        var run = Fa("--help");
        Assert.True(run.ExitCode == 0, run.ToString());
        // To accept a deliberate change: dotnet client/Consolidation.Client/bin/Debug/net10.0/fa.dll --help > tests/Consolidation.Tests/EndToEnd/Golden/fa-help.txt
        Assert.Equal(File.ReadAllText(GoldenHelp).ReplaceLineEndings("\n"), run.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Version_PrintsTheVersion_Exit0()
    {
        foreach (var flag in new[] { "--version", "-v" })
        {
            var run = Fa(flag);
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Matches(@"^fa \d+\.\d+\.\d+\S*\n$", run.Stdout.ReplaceLineEndings("\n"));
        }
    }

    [Fact]
    public void HelpCommand_IsTheHelpPage_Exit0()
    {
        var help = Fa("help");
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Equal(Fa("--help").Stdout, help.Stdout);
        var change = Fa("help", "registry", "change");
        Assert.Equal(0, change.ExitCode);
        Assert.Equal(Fa("registry", "change", "--help").Stdout, change.Stdout);
        Assert.Equal(3, Fa("help", "nosuch").ExitCode);
    }

    [Theory]
    [InlineData("glossary")]
    [InlineData("registry")]
    [InlineData("year")]
    public void BranchWithoutSubcommand_ShowsItsHelp_Exit0_Not1(string branch)
    {
        var run = Fa(branch);
        Assert.True(run.ExitCode == 0, run.ToString()); // 1 means 不通过
        Assert.Contains($"fa {branch} [选项] <命令>", run.Stdout);
    }

    [Fact]
    public void NoArguments_ShowsTheHelp_Exit0()
    {
        var run = Fa();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("命令列表", run.Stdout);
    }

    /// <summary>The exit codes each command's help lists: only those it returns.</summary>
    public static TheoryData<string, string> ExitCodesByCommand => new()
    {
        // A call to the server may also be refused for its credential (7) or rate (10); the bureau's commands for the
        // caller's role (6) or the state of the year or version (8).
        { "submit", "0 1 2 3 5 6 7 8 10" }, { "validate", "0 1 2 3 5 6 7 8 10" }, { "batch", "0 1 2 3 5 6 7 8 10" },
        { "template", "0 3 5" }, { "convert", "0 3 5" }, { "import", "0 3 5" },
        { "status", "0 1 2 3 4 5 7 10" }, { "versions", "0 3 4 5 7 10" },
        { "consolidate", "0 3 4 5 6 7 8 10 9" }, { "consolidation", "0 3 4 5 7 10" }, { "coverage", "0 3 4 5 6 7 8 10" },
        { "registry list", "0 3 4 5 7 10" }, { "registry add", "0 3 4 5 6 7 8 10" }, { "registry change", "0 3 4 5 6 7 8 10" },
        { "registry import", "0 3 4 5 6 7 8 10" }, { "registry history", "0 3 5 7 10" },
        { "year publish", "0 3 4 5 6 7 8 10" }, { "year reopen", "0 3 4 5 6 7 8 10" }, { "year status", "0 3 5 7 10" },
        { "glossary define", "0 3 4 5 7 10" }, { "glossary search", "0 3 5 7 10" }, { "glossary list", "0 3 4 5 7 10" },
        { "glossary add", "0 3 4 5 6 7 8 10" }, { "glossary correct", "0 3 4 5 6 7 8 10" }, { "glossary history", "0 3 4 5 7 10" },
        { "credential issue", "0 3 4 5 6 7 8 10" }, { "credential whoami", "0 3 5 7 10" },
        { "review list", "0 3 4 5 6 7 8 10" }, { "review accept", "0 3 4 5 6 7 8 10" }, { "audit", "0 3 4 5 6 7 8 10" },
        { "backup", "0 3 4 5 6 7 8 10" },
        { "glossary", "0 3" }, { "registry", "0 3" }, { "year", "0 3" }, { "credential", "0 3" }, { "review", "0 3" },
        { "help", "0 3" }, { "completion", "0 3" },
    };

    [Theory]
    [MemberData(nameof(ExitCodesByCommand))]
    public void EachCommandsHelp_ListsTheExitCodesItReturns(string command, string codes)
    {
        var run = Fa([.. command.Split(' '), "--help"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var footer = run.Stdout[run.Stdout.IndexOf("退出码：", StringComparison.Ordinal)..];
        var listed = ExitCodeLine().Matches(footer).Select(m => m.Groups[1].Value);
        Assert.Equal(codes, string.Join(' ', listed));
    }

    [GeneratedRegex(@"(?m)^ {3,4}(\d{1,2})  ")]
    private static partial Regex ExitCodeLine();

    [Theory]
    [InlineData("template")]
    [InlineData("convert")]
    public void LocalCommandsHelp_SaysNothingOfTheServer(string command)
    {
        var run = Fa(command, "--help");
        Assert.DoesNotContain("服务器：", run.Stdout);
        Assert.DoesNotContain("--server", run.Stdout);
        Assert.DoesNotContain("不通过", run.Stdout);
    }

    [Fact]
    public void EveryHelpLine_IsInOneLanguage()
    {
        // A line holding Chinese may keep names (options, formats, codes) but no English words of prose.
        var pages = new[] { "" }.Concat(ExitCodesByCommand.Select(row => (string)row[0]));
        foreach (var page in pages)
        {
            var run = Fa([.. page.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);
            foreach (var line in run.Stdout.Split('\n'))
            {
                if (!HasChinese().IsMatch(line) || line.Contains("--role")) continue; // --role of credential issue: its values are names
                var prose = EnglishWords().Matches(IgnoredNames().Replace(line, " ")).Select(m => m.Value).Where(w => !CommandWords.Contains(w)).ToList();
                Assert.True(prose.Count == 0, $"fa {page} --help: English beside Chinese: “{line.Trim()}” ({string.Join(", ", prose)})");
            }
        }
    }

    private static readonly HashSet<string> CommandWords =
        [.. ExitCodesByCommand.SelectMany(row => ((string)row[0]).Split(' ')), "list", "add", "change", "import", "history",
            "revoke", "rotate", "show", "return"];

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HasChinese();

    // Options, arguments, commands, examples, file names, URLs, environment variables and format names are names.
    [GeneratedRegex(@"--?[a-z][\w-]*|<[A-Z]+>|\[[A-Z]+\]|\bfa( [a-z]+)*\b|\S+\.(json|xlsx|csv|html|txt|pdf)\b|https?://\S+|\b[A-Z_]{2,}\b|\b(json|xlsx|csv|bash|zsh|code|name|parent|type|proto|JSON|XLSX|CSV|PDF|pdf|official|text|html|bureau|department|auto|all|problems|none|true|false)\b|\$\S+|~/\S+")]
    private static partial Regex IgnoredNames();

    [GeneratedRegex(@"\b[A-Za-z]{3,}\b")]
    private static partial Regex EnglishWords();

    [Fact]
    public void LibraryParseErrors_AreSaidInChinese_Exit3()
    {
        foreach (var (args, chinese) in new (string[], string)[]
                 {
                     (["submit"], "命令“submit”缺少参数 FILE"),
                     (["status", "431001", "--year", "abc"], "“abc”不是整数"),
                     (["nosuch"], "没有“nosuch”这个命令"),
                     (["registry", "lst"], "是不是要用“list”？"),
                     (["status", "431001", "--bogus"], "没有“--bogus”这个选项"),
                     (["validate", "a.json", "b.json"], "多余的参数“b.json”"),
                     (["status", "431001", "--timeout"], "选项“--timeout”缺少取值"),
                 })
        {
            var run = Fa(args);
            Assert.True(run.ExitCode == 3, string.Join(' ', args) + "\n" + run);
            Assert.Contains(chinese, run.Stderr);
            Assert.DoesNotMatch(@"Error:|missing required|Failed to convert|Unknown command|Did you mean|Could not match|No value provided", run.Stderr);
        }
    }

    [Fact]
    public void ServerUnreachable_IsSaidInChinese_WithoutGrpcsEnglish()
    {
        var run = Fa("validate", Repo.SeedSample);
        Assert.True(run.ExitCode == 5, run.ToString());
        Assert.Contains("连接被拒绝", run.Stderr);
        Assert.DoesNotContain("subchannel", run.Output);
        Assert.DoesNotContain("Connection refused", run.Output);
    }

    [Fact]
    public void BadJson_IsSaidInChinese_PositionOnce()
    {
        var file = Path.Combine(Path.GetTempPath(), $"fa-bad-{Guid.NewGuid():n}.json");
        File.WriteAllText(file, "{\n  \"format\": x\n}");
        try
        {
            var run = Fa("validate", file);
            Assert.True(run.ExitCode == 3, run.ToString());
            Assert.Contains("第 2 行第 13 字节", run.Stderr);
            Assert.Contains("“x”不能作为值的开头", run.Stderr);
            Assert.DoesNotContain("LineNumber", run.Stderr);
            Assert.DoesNotContain("invalid start", run.Stderr);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void BashCompletion_CompletesCommandsSubcommandsAndOptions()
    {
        var script = Fa("completion", "bash");
        Assert.True(script.ExitCode == 0, script.ToString());
        var path = Path.Combine(Path.GetTempPath(), $"fa-completion-{Guid.NewGuid():n}.bash");
        File.WriteAllText(path, script.Stdout);
        try
        {
            string Complete(params string[] words)
            {
                var quoted = string.Join(' ', words.Select(w => $"'{w}'"));
                var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                foreach (var a in new[] { "-c", $"source '{path}'; COMP_WORDS=(fa {quoted}); COMP_CWORD={words.Length}; _fa; echo \"${{COMPREPLY[*]}}\"" })
                    start.ArgumentList.Add(a);
                using var p = Process.Start(start)!;
                var output = p.StandardOutput.ReadToEnd();
                var error = p.StandardError.ReadToEnd();
                p.WaitForExit();
                Assert.True(p.ExitCode == 0, error);
                return output.Trim();
            }

            Assert.Equal("registry", Complete("reg"));
            Assert.Equal("list", Complete("registry", "li"));
            Assert.Contains("--parent", Complete("registry", "list", "--"));
            Assert.Contains("--number", Complete("status", "431001", "--"));
            Assert.Equal("", Complete("submit", "sam")); // a file argument: left to bash's file completion
            Assert.Contains("glossary", Complete(""));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ZshCompletion_IsACompdefScriptWithEveryCommand()
    {
        var run = Fa("completion", "zsh");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("#compdef fa", run.Stdout);
        foreach (var command in ExitCodesByCommand.Select(row => (string)row[0]))
            Assert.Contains(command.Contains(' ') ? $"'{command}')" : $"'{command}:", run.Stdout);
        Assert.Contains("'--number:", run.Stdout);
        Assert.Equal(3, Fa("completion", "fish").ExitCode);
    }
}
