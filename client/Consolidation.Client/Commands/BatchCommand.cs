using System.ComponentModel;
using System.Diagnostics;
using Consolidation.Client.Batch;
using Consolidation.Client.Inputs;
using Consolidation.Client.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary>
/// <c>fa batch DIR|FILES...</c>: 批量报送 — every JSON file, workbook and CSV folder, on SubmitBatch streams, with a
/// progress bar, a result table, a summary, a report file and a journal that makes a rerun resume (docs/batch.md).
/// </summary>
public sealed class BatchCommand : AsyncCommand<BatchCommand.Settings>
{
    /// <summary>Where journals go unless --journal says: $XDG_STATE_HOME/fa/batch, else ~/.local/state/fa/batch.</summary>
    public static string JournalFolder =>
        Path.Combine(Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } state
            ? state
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state"), "fa", "batch");

    public sealed class Settings : ServerSettings
    {
        [CommandArgument(0, "<PATHS>")]
        [Description("报送文件 (.json / .xlsx)、CSV 文件夹，或包含它们的文件夹")]
        public string[] Paths { get; set; } = [];

        [CommandOption("--journal <PATH>")]
        [Description("续传日志文件；默认在 ~/.local/state/fa/batch/ 下，按所给路径和服务器地址命名，从不写进输入文件夹")]
        public string? Journal { get; set; }

        [CommandOption("--no-journal")]
        [Description("不写续传日志")]
        public bool NoJournal { get; set; }

        [CommandOption("--report <PATH>")]
        [Description("结果报告文件，.json 或 .csv，可重复")]
        public string[] Reports { get; set; } = [];

        [CommandOption("--concurrency <N>")]
        [Description("同时发送的批数")]
        [DefaultValue(2)]
        public int Concurrency { get; set; } = 2;

        [CommandOption("--chunk <N>")]
        [Description("每批（每条流）的份数")]
        [DefaultValue(250)]
        public int Chunk { get; set; } = 250;

        [CommandOption("--retries <N>")]
        [Description("服务器不可用或超时时的重试次数，间隔按指数增长")]
        [DefaultValue(5)]
        public int Retries { get; set; } = 5;

        [CommandOption("--table <MODE>")]
        [Description("结果表：auto（不超过 50 份列全部，否则只列有问题的）、all、problems、none")]
        [DefaultValue("auto")]
        public string Table { get; set; } = "auto";

        public override ValidationResult Validate()
        {
            if (Concurrency is < 1 or > 64) return ValidationResult.Error("--concurrency 应为 1 到 64");
            if (Chunk is < 1 or > 10_000) return ValidationResult.Error("--chunk 应为 1 到 10000");
            if (Retries is < 0 or > 20) return ValidationResult.Error("--retries 应为 0 到 20");
            if (Table is not ("auto" or "all" or "problems" or "none")) return ValidationResult.Error("--table 应为 auto、all、problems 或 none");
            if (Paths.Length == 0) return ValidationResult.Error("请给出报送文件或文件夹");
            return base.Validate();
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var journalPath = settings.NoJournal ? null : settings.Journal ?? DefaultJournal(settings.Paths, server.Address);
            var inputs = SubmissionInput.Discover(settings.Paths, [.. settings.Reports, .. journalPath is null ? Array.Empty<string>() : [journalPath]]);
            if (inputs.Count == 0) throw new UsageException("没有找到报送文件 (*.json, *.xlsx, CSV 文件夹)");
            using var journal = BatchJournal.Open(journalPath);
            var options = new BatchOptions(settings.Concurrency, settings.Chunk, TimeSpan.FromSeconds(settings.Timeout), settings.Retries,
                server.Headers);

            var watch = Stopwatch.StartNew();
            var results = await RunWithProgressAsync(server, journal, options, inputs, cancellationToken);
            watch.Stop();

            var summary = BatchSummary.Of(results, watch.Elapsed);
            var exitCode = summary.ExitCode(results);
            foreach (var report in settings.Reports) BatchReport.Write(report, results, summary, exitCode);
            if (settings.Table != "none")
                BatchView.Table(Terminal.Out, results, settings.Table == "all" || (settings.Table == "auto" && results.Count <= 50));
            BatchView.Summary(Terminal.Out, summary);
            if (journal.Path is not null) Terminal.Error.MarkupLine($"[grey]续传日志：{Terminal.Escape(journal.Path)}[/]");
            return exitCode;
        });

    /// <summary>
    /// The journal of a run over these paths to this server, outside the inputs (so it never lands in a folder under
    /// version control): the same command finds the same journal and resumes.
    /// </summary>
    public static string DefaultJournal(IEnumerable<string> paths, string address)
    {
        var identity = address + "\n" + string.Join("\n", paths.Select(p => Path.TrimEndingDirectorySeparator(Path.GetFullPath(p))));
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(identity)))[..16];
        return Path.Combine(JournalFolder, hash + ".jsonl");
    }

    /// <summary>A live progress bar on a terminal; on redirected output, a plain line at every tenth (to standard error).</summary>
    private static async Task<IReadOnlyList<BatchItemResult>> RunWithProgressAsync(Connection server, BatchJournal journal, BatchOptions options,
        IReadOnlyList<string> inputs, CancellationToken cancel)
    {
        if (Terminal.Error.Profile.Capabilities.Interactive && Terminal.Error.Profile.Capabilities.Ansi)
        {
            IReadOnlyList<BatchItemResult> results = [];
            await Terminal.Error.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask($"报送 {inputs.Count} 份", maxValue: inputs.Count);
                    var runner = new BatchRunner(server.Submissions, journal, options, _ => task.Increment(1));
                    results = await runner.RunAsync(inputs, cancel);
                });
            return results;
        }
        var done = 0;
        var step = Math.Max(1, inputs.Count / 10);
        var gate = new object();
        var plain = new BatchRunner(server.Submissions, journal, options, _ =>
        {
            lock (gate)
            {
                done++;
                if (done % step == 0 || done == inputs.Count) Terminal.Error.WriteLine($"已处理 {done}/{inputs.Count}");
            }
        });
        return await plain.RunAsync(inputs, cancel);
    }
}
