using Microsoft.Extensions.Logging;
using Consolidation.Server.Application.Ports;

namespace Consolidation.Server.Application;

/// <summary>
/// 审计记录: every act (submission, consolidation, publish, reopen, registry and glossary change, credential act, review
/// act) and every refused call, with the principal, time, peer address and reason. Append-only. Never holds a
/// credential: only its key ID.
/// </summary>
public sealed class AuditTrail(IAuditStore store, TimeProvider clock, ILogger<AuditTrail> log)
{
    public const int DefaultLimit = 200;
    public const string Anonymous = "(匿名)";

    public sealed record Entry(Principal? Principal, string Peer, string Method, string Kind, string DepartmentCode, int FiscalYear,
        string Outcome, string Reason);

    public void Record(Entry entry) => Record([entry]);

    /// <summary>
    /// Appends the entries. When the store cannot take them (a full disk: the act itself failed the same way and was
    /// answered so), the loss is logged as an error with what was lost, and the caller's answer stands: a trail that
    /// cannot be written never turns a clear refusal into an unexplained failure.
    /// </summary>
    public void Record(IReadOnlyCollection<Entry> entries)
    {
        try { Append(entries); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var entry in entries.Take(20))
                log.LogError("Audit entry not stored ({Error}): {Method} {Kind} {Code} {Year} {Outcome}", Domain.Validation.InputLimits.Excerpt(e.Message, 200),
                    entry.Method, entry.Kind, Domain.Validation.InputLimits.Excerpt(entry.DepartmentCode, 64), entry.FiscalYear, entry.Outcome);
        }
    }

    private void Append(IReadOnlyCollection<Entry> entries)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        store.Append(entries.Select(e => new AuditRecord
        {
            At = at,
            Principal = e.Principal?.Name ?? Anonymous,
            KeyId = e.Principal?.KeyId ?? "",
            Role = e.Principal is null ? "anonymous" : e.Principal.IsBureau ? "bureau" : "department",
            Peer = e.Peer,
            Method = e.Method,
            Kind = e.Kind,
            // Caller input, bounded and escaped (an indexed key, and no forged line when the trail is printed).
            DepartmentCode = Domain.Validation.InputLimits.Excerpt(e.DepartmentCode, 64),
            FiscalYear = e.FiscalYear,
            Outcome = e.Outcome,
            Reason = Domain.Validation.InputLimits.Excerpt(e.Reason, 500),
        }).ToList());
    }

    public IReadOnlyList<AuditRecord> Find(string departmentCode, int fiscalYear, string kind, DateTime? since, DateTime? until, int limit) =>
        store.Find(departmentCode, fiscalYear, kind, since, until, limit is > 0 and <= 10_000 ? limit : DefaultLimit);
}
