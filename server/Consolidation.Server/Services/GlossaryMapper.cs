using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Server.Application.Ports;
using Google.Protobuf.WellKnownTypes;
using D = Consolidation.Domain.Glossary;

namespace Consolidation.Server.Services;

/// <summary>Glossary terms and changes, domain → contract.</summary>
public static class GlossaryMapper
{
    public static Term ToProto(D.GlossaryTerm t)
    {
        var m = new Term
        {
            Name = t.Name, Definition = t.Definition, Category = t.Category, Source = t.Source, FiscalYear = t.FiscalYear,
            MatchedAlias = t.MatchedAlias, MatchedCode = t.MatchedCode,
        };
        m.OtherDefinitions.AddRange(t.OtherDefinitions);
        m.Years.AddRange(t.Years);
        m.Categories.AddRange(t.Categories);
        m.Codes.AddRange(t.Codes.Select(c => new ClassificationCode { Code = c.Code, Classification = c.Classification, Level = c.Level, Path = c.Path }));
        m.Aliases.AddRange(t.Aliases);
        m.Texts.AddRange(t.Texts.Select(x => new DefinitionText { Text = x.Text, Current = x.Current }));
        return m;
    }

    public static TermChange ToProto(StoredGlossaryChange s) => new()
    {
        Id = s.Id,
        Kind = (ChangeKind)(int)s.Change.Kind,
        Term = s.Change.Term,
        FiscalYear = s.Change.FiscalYear,
        OldDefinition = s.Change.OldDefinition,
        NewDefinition = s.Change.NewDefinition,
        Category = s.Change.Category,
        ChangedBy = s.Change.By,
        ChangedAt = WireTime.Utc(s.Change.At),
        Reason = s.Change.Reason,
    };
}
