using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa glossary define TERM</c>: the standard definition of one term.</summary>
public sealed class GlossaryDefineCommand : AsyncCommand<GlossaryDefineCommand.Settings>
{
    public sealed class Settings : JsonServerSettings
    {
        [CommandArgument(0, "<TERM>")]
        [Description("名词")]
        public string Term { get; set; } = "";

        [CommandOption("--year <YEAR>")]
        [Description("按该决算年度的释义，默认最新")]
        public int Year { get; set; }

        public override ValidationResult Validate() =>
            Year < 0 ? ValidationResult.Error("--year 不能为负") : base.Validate();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            // NOT_FOUND names the nearest terms; Connection prints it and exits 4.
            var term = await server.Glossary.DefineAsync(new DefineRequest { Term = settings.Term, FiscalYear = settings.Year }, server.Call(cancellationToken));
            if (settings.Json) ProtoJson.Print(term);
            else GlossaryView.Term(Terminal.Out, term);
            return ExitCodes.Success;
        });
}
