using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa registry list [--parent CODE]</c>: the registered departments and units (exit 4 for an unknown parent).</summary>
public sealed class RegistryListCommand : AsyncCommand<RegistryListCommand.Settings>
{
    public sealed class Settings : JsonServerSettings
    {
        [CommandOption("--parent <CODE>")]
        [Description("只列出该单位的直属下级单位")]
        public string? Parent { get; set; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var parent = (settings.Parent ?? "").Trim();
            var reply = await server.Registry.ListUnitsAsync(new ListUnitsRequest { Parent = parent }, server.Call(cancellationToken));
            if (parent.Length > 0 && reply.Units.Count == 0)
            {
                // Nothing under it: say whether the parent is registered at all, not that the registry is empty.
                var all = await server.Registry.ListUnitsAsync(new ListUnitsRequest(), server.Call(cancellationToken));
                if (all.Units.All(u => u.Code != parent))
                {
                    ErrorView.NotFound($"名录中没有单位编码 {parent}（名录共 {all.Units.Count} 个单位）");
                    return ExitCodes.NotFound;
                }
            }
            if (settings.Json) ProtoJson.Print(reply);
            else RegistryView.List(Terminal.Out, reply, parent);
            return ExitCodes.Success;
        });
}
