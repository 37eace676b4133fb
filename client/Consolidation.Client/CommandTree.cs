using System.Globalization;
using System.Reflection;
using Consolidation.Client.Commands;
using Consolidation.Client.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client;

/// <summary>One command or branch of <c>fa</c>: its path ("registry change"), what it does, and the exit codes it returns.</summary>
public sealed record CommandEntry(string Path, string Description, Type? Settings, IReadOnlyList<int> ExitCodes)
{
    public bool IsBranch => Settings is null;
    /// <summary>Whether it talks to the server (takes --server and --timeout).</summary>
    public bool UsesServer => Settings is not null && typeof(ServerSettings).IsAssignableFrom(Settings);
}

/// <summary>
/// The command tree of <c>fa</c>: every command, its description (Chinese only), its examples and the exit codes it
/// returns, registered with Spectre.Console.Cli and kept in <see cref="Entries"/> for the help pages and the shell
/// completion scripts. <see cref="RunAsync"/> is the whole program.
/// </summary>
public static class CommandTree
{
    private static readonly List<CommandEntry> _entries = [];
    private static readonly object Gate = new();

    // The exit codes a command can return (docs: README "Exit codes"). Every command can fail on bad arguments (3);
    // one that talks to the server can also find it unavailable (5).
    // A call to the server can also be refused for its credential (7) or its rate (10); the bureau's commands for the
    // caller's role (6); a submission or a bureau act for the state of the year or the version (8).
    private static readonly int[] Local = [ExitCodes.Success, ExitCodes.BadInput, ExitCodes.Failure];
    private static readonly int[] Checked = [ExitCodes.Success, ExitCodes.Rejected, ExitCodes.PendingExplanation, ExitCodes.BadInput, ExitCodes.Failure,
        ExitCodes.Forbidden, ExitCodes.NotAuthenticated, ExitCodes.StateRefused, ExitCodes.RateLimited];
    private static readonly int[] Server = [ExitCodes.Success, ExitCodes.BadInput, ExitCodes.Failure, ExitCodes.NotAuthenticated, ExitCodes.RateLimited];
    private static readonly int[] ServerFinding = [ExitCodes.Success, ExitCodes.BadInput, ExitCodes.NotFound, ExitCodes.Failure, ExitCodes.NotAuthenticated, ExitCodes.RateLimited];
    private static readonly int[] Bureau = [ExitCodes.Success, ExitCodes.BadInput, ExitCodes.NotFound, ExitCodes.Failure, ExitCodes.Forbidden,
        ExitCodes.NotAuthenticated, ExitCodes.StateRefused, ExitCodes.RateLimited];

    /// <summary>Every command and branch, in the order of the help page.</summary>
    public static IReadOnlyList<CommandEntry> Entries
    {
        get
        {
            lock (Gate)
            {
                if (_entries.Count == 0) new CommandApp().Configure(Configure);
                return _entries.ToList();
            }
        }
    }

    /// <summary>The names of the branches (commands that only hold subcommands).</summary>
    public static IEnumerable<string> Branches => Entries.Where(e => e.IsBranch).Select(e => e.Path);

    public static CommandEntry? Find(string path) => Entries.FirstOrDefault(e => e.Path == path);

    /// <summary>The version printed by <c>fa --version</c>: the assembly's informational version without the commit.</summary>
    public static string Version
    {
        get
        {
            var version = typeof(CommandTree).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = version.IndexOf('+');
            return plus < 0 ? version : version[..plus];
        }
    }

    /// <summary>
    /// Runs <c>fa</c> with these arguments. Before Spectre parses them: <c>fa</c> alone and a branch alone
    /// (<c>fa glossary</c>) show their help and exit 0; <c>fa help [COMMAND…]</c> is <c>fa [COMMAND…] --help</c>;
    /// <c>fa --version</c> / <c>-v</c> prints "fa VERSION".
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["--version"] or ["-v"])
        {
            Terminal.Out.WriteLine($"fa {Version}");
            return ExitCodes.Success;
        }
        if (args is ["help", .. var rest] && rest is not (["--help"] or ["-h"])) args = [.. rest, "--help"];
        // An option alone (fa --help) is never a branch: the tree is configured once, by the app below, not twice.
        else if (args.Length == 0 || (args.Length == 1 && !args[0].StartsWith('-') && Branches.Contains(args[0]))) args = [.. args, "--help"];
        UsageErrors.Arguments = args;
        var app = new CommandApp();
        app.Configure(Configure);
        return await app.RunAsync(args);
    }

    public static void Configure(IConfigurator config)
    {
        lock (Gate) _entries.Clear();
        config.SetApplicationName("fa");
        config.SetApplicationVersion(Version);
        // Spectre's own help headings in Chinese (its zh-Hans resources): 用法, 参数, 选项, 命令, 示例.
        config.Settings.Culture = CultureInfo.GetCultureInfo("zh-Hans");
        config.UseStrictParsing();
        config.ConfigureConsole(Terminal.Out);
        config.SetHelpProvider(new ExitCodeHelpProvider(config.Settings));
        config.SetExceptionHandler((exception, _) =>
        {
            // Spectre's own parse and validation errors (unknown command, missing argument, a settings Validate()) are bad input.
            if (exception is CommandAppException appException)
            {
                UsageErrors.Print(appException);
                return ExitCodes.BadInput;
            }
            ErrorView.Unexpected(exception);
            return ExitCodes.Failure;
        });

        Add<SubmitCommand, SubmitCommand.Settings>(config, "submit", "报送：读取报送文件，发送，显示保存的版本、状态和审核结果", Checked,
            ["submit", "samples/2023/431001-yueyang-port-office.json"]);
        Add<ValidateCommand, ValidateCommand.Settings>(config, "validate", "审核：只检查，不保存", Checked,
            ["validate", "samples/2023/431001-yueyang-port-office.json"]);
        Add<BatchCommand, BatchCommand.Settings>(config, "batch", "批量报送：文件夹或多个文件（.json、.xlsx、CSV 文件夹），可续传", Checked,
            ["batch", "samples/2023", "--report", "out/batch.json", "--report", "out/batch.csv"]);
        Add<TemplateCommand, TemplateCommand.Settings>(config, "template", "写出空白模板：XLSX 工作簿或 CSV 文件夹", Local,
            ["template", "--format", "xlsx", "决算模板.xlsx"]);
        Add<ConvertCommand, ConvertCommand.Settings>(config, "convert", "格式转换：.json、.xlsx、CSV 文件夹之间互转", Local,
            ["convert", "samples/2023/431001-yueyang-port-office.json", "out/431001.xlsx"]);
        Add<ImportCommand, ImportCommand.Settings>(config, "import", "读入部门决算公开 PDF，写出读到的报送文件", Local,
            ["import", "putuo-planning-2024.pdf", "-o", "out/putuo.json"]);
        Add<StatusCommand, StatusCommand.Settings>(config, "status", "查询某版报送的状态和审核结果，默认最新年度的最新版",
            [ExitCodes.Success, ExitCodes.Rejected, ExitCodes.PendingExplanation, ExitCodes.BadInput, ExitCodes.NotFound, ExitCodes.Failure,
                ExitCodes.NotAuthenticated, ExitCodes.RateLimited],
            ["status", "431001", "--year", "2023"], ["status", "431001", "--year", "2023", "--number", "1"]);
        Add<VersionsCommand, VersionsCommand.Settings>(config, "versions", "列出某部门的全部报送版本", ServerFinding,
            ["versions", "431001", "--year", "2023"]);
        Add<ConsolidateCommand, ConsolidateCommand.Settings>(config, "consolidate", "汇总：合并该年度已受理的决算并显示，仅限财政局",
            [.. Bureau, ExitCodes.NothingToConsolidate],
            ["consolidate", "--year", "2023", "--out", "2023.html"], ["consolidate", "--year", "2023", "--scope", "405001", "--out", "education.xlsx"]);
        Add<ConsolidationCommand, ConsolidationCommand.Settings>(config, "consolidation", "显示已保存的汇总结果，默认最新一次", ServerFinding,
            ["consolidation", "--year", "2023", "--run", "1", "--out", "2023.json"]);
        Add<CoverageCommand, CoverageCommand.Settings>(config, "coverage", "报送情况：已受理、待审核、待说明、不通过、未报送", Bureau,
            ["coverage", "--year", "2023"]);
        Branch(config, "registry", "预算单位名录：部门及其下属单位，每次修改都有记录", registry =>
        {
            Add<RegistryListCommand, RegistryListCommand.Settings>(registry, "registry list", "列出名录，或某单位的直属下级单位", ServerFinding,
                ["registry", "list", "--parent", "405001"]);
            Add<RegistryAddCommand, RegistryUnitSettings>(registry, "registry add", "登记单位，仅限财政局", Bureau,
                ["registry", "add", "405002", "--name", "岳阳市第一中学", "--parent", "405001", "--type", "事业"]);
            Add<RegistryChangeCommand, RegistryChangeSettings>(registry, "registry change", "修改单位：只改所给的项，其余不变，仅限财政局", Bureau,
                ["registry", "change", "405002", "--name", "岳阳市第一中学"]);
            Add<RegistryImportCommand, RegistryImportCommand.Settings>(registry, "registry import", "从 CSV 导入（列：code,name,parent,type），仅限财政局", Bureau,
                ["registry", "import", "samples/2023/registry.csv"]);
            Add<RegistryHistoryCommand, RegistryHistoryCommand.Settings>(registry, "registry history", "修改记录：谁、何时、改前、改后", Server,
                ["registry", "history", "405002"]);
        });
        Branch(config, "year", "发布汇总结果，锁定或重新开放年度", year =>
        {
            Add<YearPublishCommand, YearPublishCommand.Settings>(year, "year publish", "发布汇总结果并锁定年度，仅限财政局", Bureau,
                ["year", "publish", "--year", "2023"]);
            Add<YearReopenCommand, YearReopenCommand.Settings>(year, "year reopen", "重新开放年度，须写明原因，仅限财政局", Bureau,
                ["year", "reopen", "--year", "2023", "--reason", "教育局更正报送"]);
            Add<YearStatusCommand, YearSettings>(year, "year status", "年度是否锁定，及发布与重新开放的记录", Server,
                ["year", "status", "--year", "2023"]);
        });
        Branch(config, "glossary", "名词解释：查询标准名词的释义", glossary =>
        {
            Add<GlossaryDefineCommand, GlossaryDefineCommand.Settings>(glossary, "glossary define", "查一个名词的释义（名称、别名或科目编码）", ServerFinding,
                ["glossary", "define", "基本支出"]);
            Add<GlossarySearchCommand, GlossarySearchCommand.Settings>(glossary, "glossary search", "按名称或释义查找名词", Server,
                ["glossary", "search", "经费", "--limit", "5"]);
            Add<GlossaryListCommand, GlossaryListCommand.Settings>(glossary, "glossary list", "列出名词，每次一页", ServerFinding,
                ["glossary", "list", "--category", "支出", "--all"]);
            Add<GlossaryAddCommand, GlossaryAddCommand.Settings>(glossary, "glossary add", "增补名词，仅限财政局，记入修改记录", Bureau,
                ["glossary", "add", "政府购买服务", "--definition", "指……", "--year", "2024"]);
            Add<GlossaryCorrectCommand, GlossaryCorrectCommand.Settings>(glossary, "glossary correct", "更正某年度起名词的释义，仅限财政局，记入修改记录", Bureau,
                ["glossary", "correct", "基本支出", "--definition", "指……", "--year", "2024"]);
            Add<GlossaryHistoryCommand, GlossaryHistoryCommand.Settings>(glossary, "glossary history", "名词的修改记录：谁、何时、原释义和新释义", ServerFinding,
                ["glossary", "history", "基本支出"]);
        });
        // Who may do what (docs/access.md): credentials, the bureau's review and the audit trail.
        Branch(config, "credential", "凭据：财政局为部门和本局用户签发、轮换、吊销", credential =>
        {
            Add<CredentialIssueCommand, CredentialIssueCommand.Settings>(credential, "credential issue", "签发凭据，只显示一次", Bureau,
                ["credential", "issue", "--name", "口岸办报送员", "--role", "department", "--department", "431001", "--out", "431001.credential"]);
            Add<CredentialListCommand, CredentialListCommand.Settings>(credential, "credential list", "列出凭据（不含凭据本身）", Bureau, ["credential", "list"]);
            Add<CredentialRevokeCommand, CredentialRevokeCommand.Settings>(credential, "credential revoke", "吊销凭据，立即生效", Bureau);
            Add<CredentialRotateCommand, CredentialRotateCommand.Settings>(credential, "credential rotate", "轮换：签发新凭据，旧凭据在并用期内仍有效", Bureau);
            Add<CredentialWhoAmICommand, JsonServerSettings>(credential, "credential whoami", "当前使用的凭据", Server, ["credential", "whoami"]);
        });
        Branch(config, "review", "财政局审核：受理或退回审核通过的报送", review =>
        {
            Add<ReviewListCommand, ReviewListCommand.Settings>(review, "review list", "各部门最新版本及其审核状态", Bureau,
                ["review", "list", "--year", "2023", "--state", "待审核"]);
            Add<ReviewShowCommand, ReviewTargetSettings>(review, "review show", "一个版本：审核结果及其出错说明、审核记录", Bureau);
            Add<ReviewAcceptCommand, ReviewAcceptCommand.Settings>(review, "review accept", "受理：只限待审核的最新版本", Bureau);
            Add<ReviewReturnCommand, ReviewReturnCommand.Settings>(review, "review return", "退回，须写明原因（部门可见）", Bureau,
                ["review", "return", "431001", "--year", "2023", "--reason", "三公经费说明不充分"]);
        });
        Add<AuditCommand, AuditCommand.Settings>(config, "audit", "审计记录：每次操作和被拒绝的调用，最新在前，仅限财政局", Bureau,
            ["audit", "--department", "431001", "--year", "2023", "--kind", "submit"]);
        Add<BackupCommand, BackupCommand.Settings>(config, "backup", "备份：运行中服务器全部数据的一致副本，写入新文件，仅限财政局", Bureau,
            ["backup", "/srv/backup/consolidation-2024-06-30.litedb"]);
        Add<HelpCommand, HelpCommand.Settings>(config, "help", "显示帮助：fa help 命令 与 fa 命令 --help 相同", [ExitCodes.Success, ExitCodes.BadInput],
            ["help", "registry", "change"]);
        Add<CompletionCommand, CompletionCommand.Settings>(config, "completion", "输出 bash 或 zsh 的命令补全脚本", [ExitCodes.Success, ExitCodes.BadInput],
            ["completion", "bash"]);
    }

    private static void Add<TCommand, TSettings>(IConfigurator config, string path, string description, int[] exitCodes, params string[][] examples)
        where TCommand : class, ICommand<TSettings> where TSettings : CommandSettings
    {
        var command = config.AddCommand<TCommand>(path.Split(' ')[^1]).WithDescription(description);
        foreach (var example in examples) command.WithExample(example);
        lock (Gate) _entries.Add(new CommandEntry(path, description, typeof(TSettings), exitCodes));
    }

    private static void Add<TCommand, TSettings>(IConfigurator<CommandSettings> branch, string path, string description, int[] exitCodes, params string[][] examples)
        where TCommand : class, ICommand<TSettings> where TSettings : CommandSettings
    {
        var command = branch.AddCommand<TCommand>(path.Split(' ')[^1]).WithDescription(description);
        foreach (var example in examples) command.WithExample(example);
        lock (Gate) _entries.Add(new CommandEntry(path, description, typeof(TSettings), exitCodes));
    }

    private static void Branch(IConfigurator config, string name, string description, Action<IConfigurator<CommandSettings>> commands)
    {
        lock (Gate) _entries.Add(new CommandEntry(name, description, null, [ExitCodes.Success, ExitCodes.BadInput]));
        config.AddBranch(name, branch =>
        {
            branch.SetDescription(description);
            commands(branch);
        });
    }
}
