using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa glossary correct TERM --definition TEXT [--year Y]</c>: 更正 a term's text (finance bureau only; recorded).</summary>
public sealed class GlossaryCorrectCommand : AsyncCommand<GlossaryCorrectCommand.Settings>
{
    public sealed class Settings : CallerSettings
    {
        [CommandArgument(0, "<TERM>")]
        [Description("名词、别名或科目编码")]
        public string Term { get; set; } = "";

        [CommandOption("--definition <TEXT>")]
        [Description("新的释义")]
        public string? Definition { get; set; }

        [CommandOption("--year <YEAR>")]
        [Description("更正哪个决算年度的释义；该年度起适用；默认该名词最新释义的年度")]
        public int Year { get; set; }

        [CommandOption("--reason <TEXT>")]
        [Description("更正说明，记入修改记录")]
        public string? Reason { get; set; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Definition)) return ValidationResult.Error("缺少 --definition");
            if (Year < 0) return ValidationResult.Error("--year 不能为负");
            return base.Validate();
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var request = new CorrectTermRequest
            {
                Term = settings.Term, Definition = settings.Definition ?? "", FiscalYear = settings.Year, Reason = settings.Reason ?? "",
            };
            var change = await server.Glossary.CorrectTermAsync(request, server.Call(cancellationToken));
            if (settings.Json) ProtoJson.Print(change);
            else
            {
                Terminal.Out.MarkupLine($"[green]已更正[/] {Terminal.Escape(change.Term)} {change.FiscalYear} 年度的释义（已记入修改记录 #{change.Id}）");
                GlossaryView.Change(Terminal.Out, change);
            }
            return ExitCodes.Success;
        });
}
