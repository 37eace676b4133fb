using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa review show CODE --year Y</c>: the version's state, each finding with the explanation beside it, the acts.</summary>
public sealed class ReviewShowCommand : AsyncCommand<ReviewTargetSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ReviewTargetSettings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var item = await server.Reviews.GetReviewAsync(new GetReviewRequest
            { DepartmentCode = settings.Code, FiscalYear = settings.Year, Version = settings.Version }, server.Call(cancellationToken));
            if (settings.Json) { ProtoJson.Print(item); return ExitCodes.Success; }
            ReviewView.Render(Terminal.Out, item);
            return ExitCodes.Success;
        });
}
