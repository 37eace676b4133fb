using System.Text.Json;
using System.Text.Json.Serialization;

namespace Consolidation.Client.Batch;

/// <summary>
/// The local journal that makes <c>fa batch</c> resumable (docs/batch.md): one JSON line per event, appended. Before a
/// submission is sent its request ID is written (and flushed to disk) under the input's key — its path and the hash of
/// its content — so a rerun sends the same ID again (the server then replays instead of storing twice); when its
/// result comes back, the result is written, so a rerun does not send it at all. A changed file has a new key and gets
/// a new request ID. A torn last line (a killed process) is ignored.
/// </summary>
public sealed class BatchJournal : IDisposable
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly Dictionary<string, string> _requestIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BatchItemResult> _results = new(StringComparer.Ordinal);
    private readonly StreamWriter? _writer;
    private readonly FileStream? _stream;
    private readonly object _gate = new();

    private BatchJournal(string? path)
    {
        Path = path;
        if (path is null) return;
        if (File.Exists(path))
            foreach (var line in File.ReadLines(path)) Load(line);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        _stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        _writer = new StreamWriter(_stream, new System.Text.UTF8Encoding(false));
    }

    /// <summary>A journal in <paramref name="path"/>, loading what an earlier run wrote; null path: none (nothing is resumable).</summary>
    public static BatchJournal Open(string? path) => new(path);

    public string? Path { get; }

    /// <summary>The result an earlier run got for this input; null when it has none.</summary>
    public BatchItemResult? ResultOf(string key)
    {
        lock (_gate) return _requestIds.TryGetValue(key, out var id) && _results.TryGetValue(id, out var r) ? r : null;
    }

    /// <summary>The request ID of this input: the one an earlier run sent, or a new one.</summary>
    public string RequestIdOf(string key)
    {
        lock (_gate) return _requestIds.TryGetValue(key, out var id) ? id : Guid.NewGuid().ToString("n");
    }

    /// <summary>Records the request IDs about to be sent and forces them to disk before anything is sent.</summary>
    public void RecordSending(IEnumerable<(string Key, string RequestId)> entries)
    {
        lock (_gate)
        {
            foreach (var (key, id) in entries)
            {
                if (_requestIds.TryGetValue(key, out var known) && known == id) continue;
                _requestIds[key] = id;
                _writer?.WriteLine(JsonSerializer.Serialize(new Entry { Kind = "sending", Key = key, RequestId = id }, Json));
            }
            Flush(toDisk: true);
        }
    }

    /// <summary>Records a result (written through at the next <see cref="Flush"/>).</summary>
    public void RecordResult(BatchItemResult result)
    {
        lock (_gate)
        {
            _results[result.RequestId] = result;
            _writer?.WriteLine(JsonSerializer.Serialize(new Entry { Kind = "result", RequestId = result.RequestId, Result = result }, Json));
        }
    }

    public void Flush(bool toDisk = false)
    {
        lock (_gate)
        {
            _writer?.Flush();
            if (toDisk) _stream?.Flush(flushToDisk: true);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _writer?.Flush();
            _writer?.Dispose();
        }
    }

    private void Load(string line)
    {
        if (string.IsNullOrWhiteSpace(line)) return;
        Entry? entry;
        try { entry = JsonSerializer.Deserialize<Entry>(line, Json); }
        catch (JsonException) { return; } // a line torn by a killed process
        if (entry is null || entry.RequestId.Length == 0) return;
        if (entry.Kind == "sending" && entry.Key.Length > 0) _requestIds[entry.Key] = entry.RequestId;
        else if (entry.Kind == "result" && entry.Result is not null) _results[entry.RequestId] = entry.Result with { FromJournal = true };
    }

    private sealed class Entry
    {
        [JsonPropertyName("kind")] public string Kind { get; set; } = "";
        [JsonPropertyName("key")] public string Key { get; set; } = "";
        [JsonPropertyName("requestId")] public string RequestId { get; set; } = "";
        [JsonPropertyName("result")] public BatchItemResult? Result { get; set; }
    }
}
