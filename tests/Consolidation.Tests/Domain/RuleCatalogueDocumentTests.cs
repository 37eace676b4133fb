using Consolidation.Domain.Checking;
using Consolidation.Domain.Rules;
using Consolidation.Tests.Support;

namespace Consolidation.Tests.Domain;

public class RuleCatalogueDocumentTests
{
    private static readonly string DocPath = Path.Combine(Repo.Root, "docs", "rules.md");

    [Fact]
    public void RulesDoc_IsUpToDateWithTheCatalogue()
    {
        var expected = RuleCatalogueDocument.Render(AccountsChecker.Standard.Checks);
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1") File.WriteAllText(DocPath, expected);
        Assert.True(File.Exists(DocPath), "docs/rules.md is missing: run UPDATE_DOCS=1 dotnet test --filter RuleCatalogueDocumentTests");
        Assert.Equal(expected, File.ReadAllText(DocPath));
    }

    [Fact]
    public void RulesDoc_ListsEveryRuleOnce()
    {
        var doc = RuleCatalogueDocument.Render(AccountsChecker.Standard.Checks);
        foreach (var rule in AccountsChecker.Standard.RulesFor(RuleCatalogue.DefaultYear))
            Assert.Single(doc.Split('\n'), l => l.StartsWith($"| {rule.Id} |"));
    }
}
