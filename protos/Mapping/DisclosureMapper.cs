using Google.Protobuf.WellKnownTypes;
using D = Consolidation.Domain.Consolidation;
using G = Consolidation.Domain.Glossary;

namespace Consolidation.Contracts.Mapping;

/// <summary>
/// Maps a consolidated disclosure between the domain and the contract — the run as stored and as sent. A faithful
/// round trip: the message of a disclosure read back is byte for byte the one written.
/// </summary>
public static class DisclosureMapper
{
    public const string SubsidyFlow = "subsidy";
    public const string RemittanceFlow = "remittance";

    public static ConsolidatedDisclosure ToProto(D.Disclosure d)
    {
        var m = new ConsolidatedDisclosure
        {
            FiscalYear = d.FiscalYear,
            RunNumber = d.RunNumber,
            CreatedAt = d.CreatedAt is { } at ? WireTime.Utc(at) : null,
            RequestedBy = d.RequestedBy,
            ScopeCode = d.ScopeCode,
            ScopeName = d.ScopeName,
            ContentHash = d.ContentHash,
            Coverage = CoverageMapper.ToProto(d.Coverage),
            Totals = AccountsMapper.ToProto(d.Totals),
            CoverageSummary = ToProto(d.CoverageSummary),
            Overview = d.Overview,
            Narrative = d.Narrative,
            ComparedWithRun = d.ComparedWithRun,
        };
        m.Included.AddRange(d.Included.Select(r => new IncludedSubmission
        {
            DepartmentCode = r.DepartmentCode, DepartmentName = r.DepartmentName, Version = r.Version, ContentHash = r.ContentHash,
        }));
        m.Departments.AddRange(d.Departments.Select(h => new DepartmentHeadline
        {
            DepartmentCode = h.DepartmentCode, DepartmentName = h.DepartmentName, Version = h.Version,
            IncomeTotal = h.IncomeTotal, ExpenditureTotal = h.ExpenditureTotal, FiscalAppropriation = h.FiscalAppropriation,
            ThreePublicActual = h.ThreePublicActual, StaffActual = h.StaffActual,
        }));
        m.Eliminations.AddRange(d.Eliminations.Select(p => new EliminationPair
        {
            Flow = p.Flow == D.InternalFlow.Subsidy ? SubsidyFlow : RemittanceFlow,
            PayerCode = p.PayerCode, ReceiverCode = p.ReceiverCode, PayerAmount = p.PayerAmount, ReceiverAmount = p.ReceiverAmount,
            Eliminated = p.Eliminated, Difference = p.Difference, Message = p.Message,
        }));
        m.Overlaps.AddRange(d.Overlaps.Select(o => new CoverageOverlap { UnitCode = o.UnitCode, CoveredBy = o.CoveredBy, ExcludedSubmission = o.ExcludedSubmission }));
        m.EliminationIssues.AddRange(d.EliminationIssues);
        m.Glossary.AddRange(d.Glossary.Select(t =>
        {
            var term = new Term { Name = t.Name, Definition = t.Definition, Category = t.Category, Source = t.Source };
            term.OtherDefinitions.AddRange(t.OtherDefinitions);
            return term;
        }));
        return m;
    }

    public static D.Disclosure ToDomain(ConsolidatedDisclosure m) => new(
        m.FiscalYear, m.ScopeCode, m.ScopeName,
        CoverageMapper.ToDomain(m.Coverage ?? new Coverage { FiscalYear = m.FiscalYear }),
        m.Included.Select(r => new D.SubmissionRef(r.DepartmentCode, r.DepartmentName, r.Version, r.ContentHash)).ToList(),
        AccountsMapper.ToDomain(m.Totals ?? new FinalAccounts { FiscalYear = m.FiscalYear }),
        m.Departments.Select(h => new D.DepartmentHeadline(
            h.DepartmentCode, h.DepartmentName, h.Version, h.IncomeTotal, h.ExpenditureTotal, h.FiscalAppropriation, h.ThreePublicActual, h.StaffActual)).ToList(),
        m.Eliminations.Select(p => new D.EliminationPair(
            p.Flow == SubsidyFlow ? D.InternalFlow.Subsidy : D.InternalFlow.Remittance, p.PayerCode, p.ReceiverCode, p.PayerAmount, p.ReceiverAmount)).ToList(),
        m.Overlaps.Select(o => new D.CoverageOverlap(o.UnitCode, o.CoveredBy, o.ExcludedSubmission)).ToList(),
        m.EliminationIssues.ToList(),
        ToDomain(m.CoverageSummary ?? new CoverageSummary()),
        m.Overview, m.Narrative,
        m.Glossary.Select(t => new G.GlossaryTerm(t.Name, t.Definition, t.OtherDefinitions.ToList(), t.Category, t.Source)).ToList(),
        m.ComparedWithRun)
    {
        RunNumber = m.RunNumber,
        CreatedAt = m.CreatedAt?.ToDateTime(),
        RequestedBy = m.RequestedBy,
        ContentHash = m.ContentHash,
    };

    private static CoverageSummary ToProto(D.CoverageSummary s)
    {
        var m = new CoverageSummary
        {
            DepartmentsCovered = s.DepartmentsCovered, UnitsCovered = s.UnitsCovered, DepartmentsExpected = s.DepartmentsExpected,
            Complete = s.Complete, Statement = s.Statement,
        };
        m.UnitsByType.AddRange(s.UnitsByType.Select(t => new UnitTypeCount { Type = (UnitType)(int)t.Type, Count = t.Count }));
        m.Missing.AddRange(s.Missing);
        m.Pending.AddRange(s.Pending);
        m.Rejected.AddRange(s.Rejected);
        return m;
    }

    private static D.CoverageSummary ToDomain(CoverageSummary m) => new(
        m.DepartmentsCovered, m.UnitsCovered,
        m.UnitsByType.Select(t => new D.UnitTypeCount((Consolidation.Domain.Model.UnitType)(int)t.Type, t.Count)).ToList(),
        m.DepartmentsExpected, m.Missing.ToList(), m.Pending.ToList(), m.Rejected.ToList(), m.Complete, m.Statement);
}
