using Google.Protobuf.WellKnownTypes;

namespace Consolidation.Contracts.Mapping;

/// <summary>Times on the wire: a stored time is UTC whatever kind storage hands back (LiteDB and PostgreSQL differ).</summary>
public static class WireTime
{
    public static Timestamp Utc(DateTime at) => Timestamp.FromDateTime(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
