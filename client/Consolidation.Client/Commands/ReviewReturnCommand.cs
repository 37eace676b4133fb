using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa review return CODE --year Y --reason TEXT</c>: 已退回 with a reason the department sees.</summary>
public sealed class ReviewReturnCommand : AsyncCommand<ReviewReturnCommand.Settings>
{
    public sealed class Settings : ReviewTargetSettings
    {
        [CommandOption("--reason <TEXT>")]
        [Description("退回原因，部门将看到")]
        public string? Reason { get; set; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Reason) ? ValidationResult.Error("退回须写明 --reason (a reason is required)") : base.Validate();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var item = await server.Reviews.ReturnSubmissionAsync(new ReviewActRequest
            {
                DepartmentCode = settings.Code,
                FiscalYear = settings.Year,
                Version = settings.Version,
                Reason = settings.Reason!,
            }, server.Call(cancellationToken));
            if (settings.Json) ProtoJson.Print(item);
            else Terminal.Out.MarkupLine($"[yellow]已退回[/] {Terminal.Escape(item.DepartmentCode)} {item.FiscalYear} 年度第 {item.Version} 版：{Terminal.Escape(item.ReturnReason)}");
            return ExitCodes.Success;
        });
}
