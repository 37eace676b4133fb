using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa year reopen --year Y --reason TEXT --by WHO</c>: reopen a published year for submissions (a recorded act).</summary>
public sealed class YearReopenCommand : AsyncCommand<YearReopenCommand.Settings>
{
    public sealed class Settings : YearSettings
    {
        [CommandOption("--reason <TEXT>")]
        [Description("重新开放的原因（必填）")]
        public string? Reason { get; set; }


        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Reason) ? ValidationResult.Error("缺少 --reason：重新开放须写明原因") : base.Validate();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var request = new ReopenYearRequest { FiscalYear = settings.Year, Reason = settings.Reason! };
            var state = await server.Consolidations.ReopenYearAsync(request, server.Call(cancellationToken));
            if (settings.Json) ProtoJson.Print(state);
            else YearLockView.Render(Terminal.Out, state);
            return ExitCodes.Success;
        });
}
