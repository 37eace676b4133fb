using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa year publish --year Y [--run N] --by WHO</c>: publish a consolidation run; the year then takes no submissions.</summary>
public sealed class YearPublishCommand : AsyncCommand<YearPublishCommand.Settings>
{
    public sealed class Settings : YearSettings
    {
        [CommandOption("--run <N>")]
        [Description("要发布的汇总次序，默认最新一次全市汇总")]
        public int Run { get; set; }


        public override ValidationResult Validate() =>
            Run < 0 ? ValidationResult.Error("--run 不能为负") : base.Validate();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var request = new PublishConsolidationRequest { FiscalYear = settings.Year, RunNumber = settings.Run };
            var state = await server.Consolidations.PublishConsolidationAsync(request, server.Call(cancellationToken));
            if (settings.Json) ProtoJson.Print(state);
            else YearLockView.Render(Terminal.Out, state);
            return ExitCodes.Success;
        });
}

/// <summary>The year every <c>fa year</c> command needs.</summary>
public class YearSettings : JsonServerSettings
{
    [CommandOption("--year <YEAR>")]
    [Description("决算年度")]
    public int Year { get; set; }

    public override ValidationResult Validate() =>
        Year <= 0 ? ValidationResult.Error("缺少 --year 或年度无效") : base.Validate();
}
