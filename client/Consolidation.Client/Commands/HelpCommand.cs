using System.ComponentModel;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa help [COMMAND…]</c>: the help page of fa or of a command, as <c>fa [COMMAND…] --help</c>.</summary>
public sealed class HelpCommand : AsyncCommand<HelpCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[COMMAND]")]
        [Description("命令，如 registry change；不给则显示全部命令")]
        public string[] Command { get; set; } = [];
    }

    // CommandTree.RunAsync turns "fa help …" into "fa … --help" before parsing; this runs only if called otherwise.
    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandTree.RunAsync([.. settings.Command, "--help"]);
}
