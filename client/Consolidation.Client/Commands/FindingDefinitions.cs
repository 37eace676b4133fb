using Consolidation.Client.Output;
using Consolidation.Contracts;
using Grpc.Core;

namespace Consolidation.Client.Commands;

/// <summary><c>--define</c> of status and validate: the definitions of the 名词解释 terms the findings mention.</summary>
public static class FindingDefinitions
{
    public static async Task PrintAsync(Connection server, IEnumerable<Finding> findings, int fiscalYear, CancellationToken cancellationToken)
    {
        var names = findings.SelectMany(f => f.GlossaryTerms).Distinct().ToList();
        var terms = new List<Term>();
        var unknown = new List<string>();
        foreach (var name in names)
        {
            try
            {
                terms.Add(await server.Glossary.DefineAsync(new DefineRequest { Term = name, FiscalYear = fiscalYear }, server.Call(cancellationToken)));
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                unknown.Add(name); // changed since the findings were annotated: say so, print the rest
            }
        }
        GlossaryView.Definitions(Terminal.Out, terms, unknown);
    }
}
