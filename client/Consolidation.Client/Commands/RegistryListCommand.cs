using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa registry list [--parent CODE]</c>: the registered departments and units.</summary>
public sealed class RegistryListCommand : AsyncCommand<RegistryListCommand.Settings>
{
    public sealed class Settings : JsonServerSettings
    {
        [CommandOption("--parent <CODE>")]
        [Description("只列出该单位的直属下级 (only the units directly under CODE)")]
        public string? Parent { get; set; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var reply = await server.Registry.ListUnitsAsync(new ListUnitsRequest { Parent = settings.Parent ?? "" }, server.Call(cancellationToken));
            if (settings.Json) ProtoJson.Print(reply);
            else RegistryView.List(Terminal.Out, reply);
            return ExitCodes.Success;
        });
}
