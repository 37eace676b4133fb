using Consolidation.Client.Terms;
using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa glossary history TERM</c>: every recorded change of a term, oldest first.</summary>
public sealed class GlossaryHistoryCommand : AsyncCommand<GlossaryHistoryCommand.Settings>
{
    public sealed class Settings : JsonServerSettings
    {
        [CommandArgument(0, "<TERM>")]
        [Description("名词、别名或科目编码")]
        public string Term { get; set; } = "";
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var reply = await server.Glossary.TermHistoryAsync(new TermHistoryRequest { Term = settings.Term }, server.Call(cancellationToken));
            if (settings.Json)
            {
                ProtoJson.Print(reply);
                return ExitCodes.Success;
            }
            var console = Terminal.Out;
            if (reply.Changes.Count == 0)
            {
                console.MarkupLine($"{Terminal.Escape(reply.Term)}：没有修改记录（释义仍为来源原文）");
                return ExitCodes.Success;
            }
            foreach (var change in reply.Changes) GlossaryView.Change(console, change);
            console.MarkupLine($"{Terminal.Escape(reply.Term)}：共 {reply.Changes.Count} 条修改记录（时间为 {Labels.Zone}）");
            return ExitCodes.Success;
        });
}
