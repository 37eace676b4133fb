using Consolidation.Client.Terms;
using System.ComponentModel;
using System.Globalization;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Google.Protobuf.WellKnownTypes;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa audit [--department CODE] [--year Y] [--kind K] [--since T] [--until T]</c>: the audit trail, newest first (bureau).</summary>
public sealed class AuditCommand : AsyncCommand<AuditCommand.Settings>
{
    public sealed class Settings : JsonServerSettings
    {
        [CommandOption("--department <CODE>")]
        [Description("只看该部门或单位")]
        public string? Department { get; set; }

        [CommandOption("--year <YEAR>")]
        [Description("只看该年度")]
        public int Year { get; set; }

        [CommandOption("--kind <KIND>")]
        [Description("submit、consolidate、publish、reopen、registry、glossary、credential、review、backup、refused")]
        public string? Kind { get; set; }

        [CommandOption("--since <TIME>")]
        [Description("起始时间，如 2026-12-01 或 2026-12-01T08:00（本地时间）")]
        public string? Since { get; set; }

        [CommandOption("--until <TIME>")]
        [Description("截止时间")]
        public string? Until { get; set; }

        [CommandOption("--limit <N>")]
        [Description("最多条数，默认 200")]
        public int Limit { get; set; }

        public override ValidationResult Validate()
        {
            if (Since is not null && Parse(Since) is null) return ValidationResult.Error($"--since “{Since}”不是时间 (not a time)");
            if (Until is not null && Parse(Until) is null) return ValidationResult.Error($"--until “{Until}”不是时间 (not a time)");
            if (Limit is < 0 or > 10_000) return ValidationResult.Error("--limit 应为 1 到 10000");
            return base.Validate();
        }

        public static Timestamp? Parse(string? text) =>
            text is not null && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var t)
                ? Timestamp.FromDateTime(t.ToUniversalTime()) : null;
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var request = new ListAuditRequest
            {
                DepartmentCode = settings.Department ?? "", FiscalYear = settings.Year, Kind = settings.Kind ?? "", Limit = settings.Limit,
                Since = Settings.Parse(settings.Since), Until = Settings.Parse(settings.Until),
            };
            var reply = await server.Audit.ListAuditAsync(request, server.Call(cancellationToken));
            if (settings.Json) { ProtoJson.Print(reply); return ExitCodes.Success; }
            var table = new Table().AddColumns("#", "时间", "操作人", "角色", "来源", "调用", "类别", "单位", "年度", "结果", "说明");
            foreach (var e in reply.Entries)
                table.AddRow(e.Sequence.ToString(), Labels.LocalTime(e.At), Terminal.Escape(e.Principal), Terminal.Escape(e.Role), Terminal.Escape(e.Peer),
                    Terminal.Escape(e.Method), Terminal.Escape(e.Kind), Terminal.Escape(e.DepartmentCode), e.FiscalYear > 0 ? e.FiscalYear.ToString() : "",
                    Terminal.Escape(e.Outcome), Terminal.Escape(e.Reason));
            Terminal.Out.Write(table);
            Terminal.Out.MarkupLine($"共 {reply.Entries.Count} 条");
            return ExitCodes.Success;
        });
}
