using Consolidation.Client.Terms;
using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa review list --year Y [--state 待审核]</c>: each department's latest version and where it stands.</summary>
public sealed class ReviewListCommand : AsyncCommand<ReviewListCommand.Settings>
{
    public sealed class Settings : JsonServerSettings
    {
        [CommandOption("--year <YEAR>")]
        [Description("决算年度")]
        public int Year { get; set; }

        [CommandOption("--state <STATE>")]
        [Description("只列此状态：不通过、待说明、待审核、已受理、已退回")]
        public string? State { get; set; }

        public override ValidationResult Validate()
        {
            if (Year <= 0) return ValidationResult.Error("缺少 --year (the fiscal year)");
            if (State is not null && ReviewLabels.Parse(State) is null) return ValidationResult.Error($"--state “{State}”应为 不通过、待说明、待审核、已受理 或 已退回");
            return base.Validate();
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var reply = await server.Reviews.ListReviewsAsync(new ListReviewsRequest
            {
                FiscalYear = settings.Year,
                State = settings.State is null ? ReviewState.Unspecified : ReviewLabels.Parse(settings.State)!.Value,
            }, server.Call(cancellationToken));
            if (settings.Json) { ProtoJson.Print(reply); return ExitCodes.Success; }
            var table = new Table().AddColumns("部门", "名称", "版本", "状态", "报送人", "下一步");
            foreach (var i in reply.Items)
                table.AddRow(Terminal.Escape(i.DepartmentCode), Terminal.Escape(i.DepartmentName), i.Version.ToString(), ReviewLabels.Name(i.State),
                    Terminal.Escape(i.SubmittedBy), Terminal.Escape(i.NextAction));
            Terminal.Out.Write(table);
            Terminal.Out.MarkupLine($"共 {reply.Items.Count} 个部门");
            return ExitCodes.Success;
        });
}
