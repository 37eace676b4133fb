using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa glossary list</c>: the terms in the order of the source, a page at a time (or all with --all).</summary>
public sealed class GlossaryListCommand : AsyncCommand<GlossaryListCommand.Settings>
{
    public sealed class Settings : JsonServerSettings
    {
        [CommandOption("--category <C>")]
        [Description("只列此类：收入 / 支出 / 功能分类 / 经济分类 / 三公 / 其他")]
        public string? Category { get; set; }

        [CommandOption("--page-size <N>")]
        [Description("每页条数，默认 50")]
        public int PageSize { get; set; }

        [CommandOption("--page-token <TOKEN>")]
        [Description("从上一页给出的位置继续")]
        public string? PageToken { get; set; }

        [CommandOption("--all")]
        [Description("取全部页")]
        public bool All { get; set; }

        [CommandOption("--year <YEAR>")]
        [Description("按该决算年度的释义，默认最新")]
        public int Year { get; set; }

        public override ValidationResult Validate() =>
            PageSize < 0 ? ValidationResult.Error("--page-size 不能为负")
            : Year < 0 ? ValidationResult.Error("--year 不能为负")
            : base.Validate();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var request = new ListTermsRequest
            {
                Category = settings.Category ?? "",
                PageSize = settings.PageSize,
                PageToken = settings.PageToken ?? "",
                FiscalYear = settings.Year,
            };
            var reply = await server.Glossary.ListTermsAsync(request, server.Call(cancellationToken));
            if (settings.All)
            {
                // Follow the pages and hand back one reply holding every term.
                while (reply.NextPageToken.Length > 0)
                {
                    request.PageToken = reply.NextPageToken;
                    var next = await server.Glossary.ListTermsAsync(request, server.Call(cancellationToken));
                    reply.Terms.AddRange(next.Terms);
                    reply.NextPageToken = next.NextPageToken;
                    reply.Total = next.Total;
                }
            }
            // A category with no terms is not a category of the glossary: "no such thing" is exit 4.
            var unknownCategory = settings.Category is { Length: > 0 } && reply.Total == 0 && reply.Terms.Count == 0;
            if (settings.Json)
            {
                ProtoJson.Print(reply);
                return unknownCategory ? ExitCodes.NotFound : ExitCodes.Success;
            }
            if (unknownCategory)
            {
                ErrorView.NotFound($"名词解释中没有“{settings.Category}”类（可用：{string.Join("、", Consolidation.Domain.Glossary.Glossary.KnownCategories)}）");
                return ExitCodes.NotFound;
            }
            var console = Terminal.Out;
            foreach (var term in reply.Terms)
            {
                GlossaryView.Term(console, term, withSource: false);
                console.WriteLine();
            }
            var category = settings.Category is { Length: > 0 } c ? $"“{Terminal.Escape(c)}”类" : "";
            console.MarkupLine($"{category}共 {reply.Total} 条，显示 {reply.Terms.Count} 条");
            if (reply.NextPageToken.Length > 0)
                console.MarkupLine($"[grey]还有更多：加 --all 取全部，或 --page-token {Terminal.Escape(reply.NextPageToken)} 取下一页[/]");
            return ExitCodes.Success;
        });
}
