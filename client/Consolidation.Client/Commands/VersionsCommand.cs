using Consolidation.Client.Terms;
using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa versions CODE</c>: every stored version of a department, oldest first.</summary>
public sealed class VersionsCommand : AsyncCommand<VersionsCommand.Settings>
{
    public sealed class Settings : JsonServerSettings
    {
        [CommandArgument(0, "<CODE>")]
        [Description("预算单位编码")]
        public string Code { get; set; } = "";

        [CommandOption("--year <YEAR>")]
        [Description("决算年度，默认全部年度")]
        public int Year { get; set; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var request = new ListVersionsRequest { DepartmentCode = settings.Code, FiscalYear = settings.Year };
            var reply = await server.Submissions.ListVersionsAsync(request, server.Call(cancellationToken));
            var years = settings.Year > 0 ? $" {settings.Year} 年度" : "";
            if (settings.Json)
            {
                ProtoJson.Print(reply);
                return reply.Versions.Count == 0 ? ExitCodes.NotFound : ExitCodes.Success;
            }
            var console = Terminal.Out;
            if (reply.Versions.Count == 0)
            {
                // "No such thing" is exit 4, as status says it.
                ErrorView.NotFound($"{settings.Code}{years} 没有报送记录");
                return ExitCodes.NotFound;
            }
            var first = reply.Versions[0];
            console.MarkupLine($"[bold]{Terminal.Text(first.DepartmentCode)} {Terminal.Text(first.DepartmentName)}[/]{years} 报送版本（共 {reply.Versions.Count} 版）");
            var table = new Table().AddColumns("年度", "版本", Labels.TimeLabel("接收时间"), "状态", "强制性", "提示性", "未说明", "内容摘要");
            foreach (var i in new[] { 0, 1, 4, 5, 6 }) table.Columns[i].RightAligned();
            foreach (var v in reply.Versions)
                table.AddRow(v.FiscalYear.ToString(), v.Version.ToString(), Labels.LocalTime(v.ReceivedAt), Labels.Markup(v.Status),
                    v.MandatoryCount.ToString(), v.AdvisoryCount.ToString(), v.UnexplainedCount.ToString(), Terminal.Text(Labels.ShortHash(v.ContentHash)));
            console.Write(table);
            return ExitCodes.Success;
        });
}
