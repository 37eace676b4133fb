using Consolidation.Domain.Classification;
using Consolidation.Domain.Model;
using Consolidation.Domain.Narrative;
using Consolidation.Domain.Rules;
using Consolidation.Domain.Rules.Formulas;
using Consolidation.Domain.Templates;

namespace Consolidation.Domain.Checking;

/// <summary>The findings of one check run and the status they give the submission.</summary>
public sealed record CheckResult(IReadOnlyList<Finding> Findings, SubmissionStatus Status)
{
    /// <summary>The template the accounts were checked in (its ID).</summary>
    public string Template { get; init; } = TemplateCatalogue.NationalId;

    /// <summary>The fiscal year of the 审核公式 catalogue applied: the submission's own, or the nearest earlier one.</summary>
    public int CatalogueYear { get; init; }

    /// <summary>Whether the catalogue is the submission's own year's (false: the nearest earlier one was used, and the reply says so).</summary>
    public bool CatalogueOfOwnYear { get; init; } = true;

    /// <summary>How many 尾差 (rounding tails, 信息) the tables have: each listed in a WC-01 finding.</summary>
    public int TailCount { get; init; }

    public int MandatoryCount => Findings.Count(f => f.Severity == Severity.Mandatory);
    public int AdvisoryCount => Findings.Count(f => f.Severity == Severity.Advisory);
    public int UnexplainedCount => Findings.Count(f => f.Severity == Severity.Advisory && !f.Explained);
}

/// <summary>
/// 审核: runs every check of the catalogue of the submission's fiscal year (全审 — never stopping at the first failure),
/// attaches the department's explanations to the 提示性 findings they name, and derives the status. A year without
/// its own identities file uses the latest earlier one (or the earliest, for a year before all of them).
/// </summary>
public sealed class AccountsChecker
{
    private readonly SortedList<int, IReadOnlyList<ICheck>> _byYear = new();

    /// <summary>One catalogue for every year.</summary>
    public AccountsChecker(IReadOnlyList<ICheck> checks) => _byYear[0] = checks;

    /// <summary>A catalogue per identities set (one per year), each with the rules written in code and the narrative check.</summary>
    public AccountsChecker(IEnumerable<IdentitySet> identities, ClassificationCatalogue catalogue)
    {
        foreach (var set in identities) _byYear[set.Year] = [.. RuleCatalogue.Build(set, catalogue), NarrativeCheck.Instance];
        if (_byYear.Count == 0) throw new ArgumentException("no identities set", nameof(identities));
    }

    /// <summary>The shipped identities of every year and the shipped catalogues.</summary>
    public static AccountsChecker Standard { get; } = new(RuleCatalogue.EmbeddedIdentities, ClassificationCatalogue.Default);

    /// <summary>
    /// The shipped identities, with the years of the file or directory at <paramref name="identitiesPath"/> (when given)
    /// replacing the shipped ones. Throws <see cref="IdentityFileException"/> naming the line of a bad file.
    /// </summary>
    public static AccountsChecker Load(string? identitiesPath)
    {
        if (string.IsNullOrWhiteSpace(identitiesPath)) return Standard;
        if (!File.Exists(identitiesPath) && !Directory.Exists(identitiesPath))
            throw new IdentityFileException(identitiesPath, [new IdentityFileError(0, "文件或目录不存在")]);
        var sets = RuleCatalogue.EmbeddedIdentities.ToDictionary(s => s.Year);
        foreach (var set in IdentityFile.Load(identitiesPath)) sets[set.Year] = set;
        return new AccountsChecker(sets.Values, ClassificationCatalogue.Default);
    }

    /// <summary>The years that have their own catalogue.</summary>
    public IReadOnlyList<int> Years => _byYear.Keys.ToList();

    /// <summary>The catalogue of <see cref="RuleCatalogue.DefaultYear"/> (or the nearest year): what docs/rules.md lists.</summary>
    /// <summary>The checks of the default year's catalogue, in the order they run.</summary>
    public IReadOnlyList<ICheck> Checks => ChecksFor(RuleCatalogue.DefaultYear);

    public IReadOnlyList<ICheck> ChecksFor(int fiscalYear) => _byYear[CatalogueYearFor(fiscalYear)];

    /// <summary>Every rule the year's checks report, each once, in catalogue order.</summary>
    public IReadOnlyList<RuleInfo> RulesFor(int fiscalYear) => ChecksFor(fiscalYear).SelectMany(c => c.Reports).DistinctBy(r => r.Id).ToList();

    /// <summary>The year whose catalogue checks <paramref name="fiscalYear"/>: its own, else the nearest earlier (the earliest for a year before all).</summary>
    public int CatalogueYearFor(int fiscalYear)
    {
        var keys = _byYear.Keys;
        var chosen = keys[0];
        foreach (var year in keys)
            if (year <= fiscalYear) chosen = year;
        return chosen;
    }

    /// <summary>The template a submission that names none is checked in (the server's configured one; national by default).</summary>
    public Template DefaultTemplate { get; private set; } = TemplateCatalogue.Default.National;

    /// <summary>The same catalogues with another default template.</summary>
    public AccountsChecker WithDefaultTemplate(Template template)
    {
        var copy = (AccountsChecker)MemberwiseClone();
        copy.DefaultTemplate = template;
        return copy;
    }

    /// <summary>The template of a submission: the one it names, else <see cref="DefaultTemplate"/>. Validation refuses an unknown name first.</summary>
    public Template TemplateOf(FinalAccounts accounts) =>
        accounts.Template.Length > 0 && TemplateCatalogue.Default.Find(accounts.Template) is { } named ? named : DefaultTemplate;

    /// <param name="accounts">the submission</param>
    /// <param name="lastYear">the same department's latest accepted accounts of the year before, when on file</param>
    public CheckResult Check(FinalAccounts accounts, FinalAccounts? lastYear = null)
    {
        var template = TemplateOf(accounts);
        var context = new CheckContext(accounts, lastYear) { Template = template };
        Dictionary<(string, string), string>? explanations = null;
        foreach (var e in accounts.Explanations)
        {
            if (string.IsNullOrWhiteSpace(e.Text)) continue;
            explanations ??= [];
            explanations.TryAdd((e.RuleId, e.Location), e.Text);
        }
        var findings = new List<Finding>();
        foreach (var check in ChecksFor(accounts.FiscalYear))
        {
            foreach (var finding in check.Check(context))
            {
                findings.Add(finding.Severity == Severity.Advisory && explanations is not null
                    && explanations.TryGetValue((finding.RuleId, finding.Location.Text), out var text)
                    ? finding with { Explanation = text }
                    : finding);
            }
        }
        var tails = findings.Count(f => f.RuleId == RoundingTail.Info.Id);
        findings = RoundingTail.Group(findings);
        findings = NarrativeFindings.GroupUnchecked(findings);
        var catalogueYear = CatalogueYearFor(accounts.FiscalYear);
        return new CheckResult(findings, StatusOf(findings))
        {
            Template = template.Id, CatalogueYear = catalogueYear, CatalogueOfOwnYear = catalogueYear == accounts.FiscalYear, TailCount = tails,
        };
    }

    public static SubmissionStatus StatusOf(IReadOnlyCollection<Finding> findings) =>
        findings.Any(f => f.Severity == Severity.Mandatory) ? SubmissionStatus.Rejected
        : findings.Any(f => f.Severity == Severity.Advisory && !f.Explained) ? SubmissionStatus.PendingExplanation
        : SubmissionStatus.Accepted;
}
