using System.ComponentModel;
using Consolidation.Client.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary>
/// <c>fa completion bash|zsh</c>: prints a completion script for the shell, made from the command tree (commands,
/// subcommands and every option of each). Install: <c>source &lt;(fa completion bash)</c> in ~/.bashrc, or
/// <c>fa completion zsh &gt; "${fpath[1]}/_fa"</c> (or <c>source &lt;(fa completion zsh)</c> in ~/.zshrc).
/// </summary>
public sealed class CompletionCommand : Command<CompletionCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SHELL>")]
        [Description("bash 或 zsh")]
        public string Shell { get; set; } = "";

        public override ValidationResult Validate() =>
            Shell is "bash" or "zsh" ? ValidationResult.Success() : ValidationResult.Error($"不支持的 shell“{Shell}”：应为 bash 或 zsh");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // Written raw (not through Spectre) so that nothing in the script is taken for markup or wrapped.
        Console.Out.Write(settings.Shell == "bash" ? CompletionScripts.Bash() : CompletionScripts.Zsh());
        return ExitCodes.Success;
    }
}
