using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa registry import FILE.csv</c>: add or change every unit of a CSV (code,name,parent,type); all or nothing.</summary>
public sealed class RegistryImportCommand : AsyncCommand<RegistryImportCommand.Settings>
{
    public sealed class Settings : JsonServerSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("名录 CSV：表头 code,name,parent,type（UTF-8）")]
        public string File { get; set; } = "";


        public override ValidationResult Validate() =>
            System.IO.File.Exists(File) ? base.Validate() : ValidationResult.Error($"文件不存在：{File}");
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var request = new ImportUnitsRequest
            {
                Csv = await File.ReadAllTextAsync(settings.File, cancellationToken),
                Source = Path.GetFileName(settings.File),
            };
            var reply = await server.Registry.ImportUnitsAsync(request, server.Call(cancellationToken));
            if (settings.Json) ProtoJson.Print(reply);
            else Terminal.Out.MarkupLine($"已导入：新增 {reply.Added}，修改 {reply.Changed}，未变 {reply.Unchanged}");
            return ExitCodes.Success;
        });
}
