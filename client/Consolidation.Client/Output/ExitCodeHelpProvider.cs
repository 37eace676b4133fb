using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace Consolidation.Client.Output;

/// <summary>The standard help, with a title on the root page and the exit codes under every page.</summary>
public sealed class ExitCodeHelpProvider(ICommandAppSettings settings) : HelpProvider(settings)
{
    public override IEnumerable<IRenderable> GetHeader(ICommandModel model, ICommandInfo? command)
    {
        foreach (var r in base.GetHeader(model, command)) yield return r;
        if (command is null)
            yield return new Markup("fa — 部门决算报送、审核、汇总客户端 (client of the final accounts server: submit, check, consolidate)" +
                                    Environment.NewLine + Environment.NewLine);
    }

    public override IEnumerable<IRenderable> GetFooter(ICommandModel model, ICommandInfo? command)
    {
        foreach (var r in base.GetFooter(model, command)) yield return r;
        yield return new Markup(Environment.NewLine + "[yellow]EXIT CODES (退出码):[/]" + Environment.NewLine);
        var grid = new Grid();
        grid.AddColumn(new GridColumn().PadLeft(4).PadRight(2));
        grid.AddColumn();
        foreach (var (code, meaning) in ExitCodes.Documented)
            grid.AddRow(new Text(code.ToString()), new Text(meaning));
        yield return grid;
        yield return new Markup(Environment.NewLine + "[yellow]SERVER (服务器):[/]" + Environment.NewLine +
            $"    --server URL, else ${ServerSettings.AddressVariable}, else {ServerSettings.DefaultAddress}; errors go to stderr, --json output to stdout" +
            Environment.NewLine);
    }
}
