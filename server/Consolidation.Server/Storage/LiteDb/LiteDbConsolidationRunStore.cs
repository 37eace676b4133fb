using Consolidation.Server.Application.Ports;
using LiteDB;

namespace Consolidation.Server.Storage.LiteDb;

/// <summary>
/// Consolidation runs in the LiteDB file: each one a new, numbered, immutable snapshot of its disclosure. A LiteDB
/// document holds at most 16 MiB, and a province-scale year's disclosure (100,000 units: coverage, the list of included
/// versions, the headlines) is larger: a disclosure above <see cref="PieceBytes"/> is kept in pieces of that size in
/// the collection <c>consolidation_run_pieces</c> (<c>_id</c> "{year}/{run}/{piece:D6}"), its run record holding no
/// bytes itself; the record and its pieces are written in one transaction, so a run is stored whole or not at all.
/// </summary>
public sealed class LiteDbConsolidationRunStore(LiteDbStore store, int pieceBytes = LiteDbConsolidationRunStore.PieceBytes) : IConsolidationRunStore
{
    /// <summary>The largest disclosure kept in its run record; larger ones are cut into pieces of this size.</summary>
    public const int PieceBytes = 4 * 1024 * 1024;

    private readonly object _runLock = new();
    private ILiteCollection<BsonDocument> Pieces => store.RunPieces;

    public ConsolidationRunRecord Add(int fiscalYear, string scope, DateTime createdAt, Func<int, byte[]> content)
    {
        lock (_runLock)
        {
            var last = store.Runs.Query().Where(r => r.FiscalYear == fiscalYear).Select(r => r.RunNumber)
                .ToEnumerable().DefaultIfEmpty(0).Max();
            var run = last + 1;
            var bytes = content(run);
            var record = new ConsolidationRunRecord
            {
                Key = $"{fiscalYear}/{run}", FiscalYear = fiscalYear, RunNumber = run, CreatedAt = createdAt, Scope = scope,
                Disclosure = bytes.Length > pieceBytes ? [] : bytes,
            };
            store.InTransaction(() =>
            {
                store.Runs.Insert(record);
                if (bytes.Length > pieceBytes)
                    for (int offset = 0, piece = 0; offset < bytes.Length; offset += pieceBytes, piece++)
                        Pieces.Insert(new BsonDocument
                        {
                            ["_id"] = PieceId(record.Key, piece),
                            ["bytes"] = bytes[offset..Math.Min(bytes.Length, offset + pieceBytes)],
                        });
                return 0;
            });
            record.Disclosure = bytes;
            return record;
        }
    }

    public ConsolidationRunRecord? Get(int fiscalYear, int runNumber, string? scope = null)
    {
        if (runNumber <= 0)
        {
            // The latest run (of the scope): found from the records' numbers, so that no other run's bytes are read.
            runNumber = store.Runs.Query().Where(r => r.FiscalYear == fiscalYear)
                .Select(r => new { r.RunNumber, r.Scope }).ToEnumerable()
                .Where(r => scope is null || r.Scope == scope).Select(r => r.RunNumber).DefaultIfEmpty(0).Max();
            if (runNumber == 0) return null;
        }
        var key = $"{fiscalYear}/{runNumber}"; // computed outside the predicate: LiteDB cannot translate interpolation
        var record = store.Runs.FindOne(r => r.Key == key);
        if (record is { Disclosure.Length: 0 })
        {
            // Stored in pieces: read them in order, by id, until there is no next one.
            var pieces = new List<byte[]>();
            while (Pieces.FindById(PieceId(key, pieces.Count)) is { } piece) pieces.Add(piece["bytes"].AsBinary);
            var whole = new byte[pieces.Sum(p => p.Length)];
            var at = 0;
            foreach (var p in pieces) { p.CopyTo(whole, at); at += p.Length; }
            record.Disclosure = whole;
        }
        return record;
    }

    private static string PieceId(string runKey, int piece) => $"{runKey}/{piece:D6}";
}
