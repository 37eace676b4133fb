using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa glossary search QUERY</c>: terms whose name or definition contains the query, best first.</summary>
public sealed class GlossarySearchCommand : AsyncCommand<GlossarySearchCommand.Settings>
{
    public sealed class Settings : JsonServerSettings
    {
        [CommandArgument(0, "<QUERY>")]
        [Description("要查找的文字")]
        public string Query { get; set; } = "";

        [CommandOption("--year <YEAR>")]
        [Description("按该决算年度的释义，默认最新")]
        public int Year { get; set; }

        [CommandOption("--limit <N>")]
        [Description("最多返回几条，默认 20")]
        public int Limit { get; set; }

        public override ValidationResult Validate() =>
            Limit < 0 ? ValidationResult.Error("--limit 不能为负")
            : Year < 0 ? ValidationResult.Error("--year 不能为负")
            : base.Validate();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var request = new SearchRequest { Query = settings.Query, Limit = settings.Limit, FiscalYear = settings.Year };
            var reply = await server.Glossary.SearchAsync(request, server.Call(cancellationToken));
            if (settings.Json)
            {
                ProtoJson.Print(reply);
                return ExitCodes.Success;
            }
            var console = Terminal.Out;
            if (reply.Hits.Count == 0)
            {
                console.MarkupLine($"没有找到包含“{Terminal.Escape(settings.Query)}”的名词");
                return ExitCodes.Success;
            }
            var number = 0;
            foreach (var hit in reply.Hits) GlossaryView.Hit(console, hit, ++number);
            console.MarkupLine($"共 {reply.Hits.Count} 条");
            return ExitCodes.Success;
        });
}
