using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa glossary add TERM --definition TEXT --year Y</c>: 增补 a term (finance bureau only; the change is recorded).</summary>
public sealed class GlossaryAddCommand : AsyncCommand<GlossaryAddCommand.Settings>
{
    public sealed class Settings : CallerSettings
    {
        [CommandArgument(0, "<TERM>")]
        [Description("新名词")]
        public string Term { get; set; } = "";

        [CommandOption("--definition <TEXT>")]
        [Description("释义")]
        public string? Definition { get; set; }

        [CommandOption("--year <YEAR>")]
        [Description("自哪个决算年度起适用")]
        public int Year { get; set; }

        [CommandOption("--category <C>")]
        [Description("类别：收入 / 支出 / 功能分类 / 经济分类 / 三公 / 其他；默认按名称推断")]
        public string? Category { get; set; }

        [CommandOption("--reason <TEXT>")]
        [Description("说明，记入修改记录")]
        public string? Reason { get; set; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Definition)) return ValidationResult.Error("缺少 --definition");
            if (Year <= 0) return ValidationResult.Error("缺少 --year 或年度无效");
            return base.Validate();
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var request = new AddTermRequest
            {
                Term = settings.Term, Definition = settings.Definition ?? "", FiscalYear = settings.Year,
                Category = settings.Category ?? "", Reason = settings.Reason ?? "",
            };
            var change = await server.Glossary.AddTermAsync(request, server.Call(cancellationToken));
            if (settings.Json) ProtoJson.Print(change);
            else
            {
                Terminal.Out.MarkupLine($"[green]已增补[/] {Terminal.Escape(change.Term)}（已记入修改记录 #{change.Id}）");
                GlossaryView.Change(Terminal.Out, change);
            }
            return ExitCodes.Success;
        });
}
