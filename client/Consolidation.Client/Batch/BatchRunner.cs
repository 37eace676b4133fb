using Consolidation.Client.Terms;
using Consolidation.Client.Inputs;
using Consolidation.Client.Inputs.Pdf;
using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Files;
using Google.Protobuf;
using Grpc.Core;

namespace Consolidation.Client.Batch;

/// <summary>How a batch is sent: streams at once, submissions per stream, the deadline of a stream, retries, the credential.</summary>
public sealed record BatchOptions(int Concurrency, int ChunkSize, TimeSpan Timeout, int Retries, Metadata? Headers = null)
{
    /// <summary>The pause before retry number <paramref name="attempt"/> (1, 2, …): 0.5 s doubling up to 8 s, plus jitter.</summary>
    public static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(8000, 500 * Math.Pow(2, attempt - 1)) + Random.Shared.Next(0, 250));
}

/// <summary>
/// Sends a batch: the inputs are cut into chunks; each chunk is read and converted (in parallel), its request IDs are
/// journalled, and it is sent on its own SubmitBatch stream; <see cref="BatchOptions.Concurrency"/> chunks are in
/// flight at once. A stream that fails with UNAVAILABLE, DEADLINE_EXCEEDED or ABORTED (or ends early) is retried with
/// exponential backoff for the submissions it did not answer, with the same request IDs — the server replays what it
/// had already decided. Findings are results, never retried.
/// </summary>
public sealed class BatchRunner(SubmissionService.SubmissionServiceClient client, BatchJournal journal, BatchOptions options,
    Action<BatchItemResult> progress)
{
    /// <param name="Origins">where a PDF input printed what its findings point at (null for the other formats)</param>
    private sealed record Pending(int Index, string File, string Key, string RequestId, FinalAccounts Accounts, PdfOrigins? Origins);

    /// <summary>
    /// The input that first named each department and year in this batch: the one sent. Only its path is kept (a
    /// batch holds no accounts in memory): a duplicate, rare, reads it again to compare.
    /// </summary>
    private readonly Dictionary<(string Code, int Year), string> _claimed = new();

    public async Task<IReadOnlyList<BatchItemResult>> RunAsync(IReadOnlyList<string> inputs, CancellationToken cancel)
    {
        var results = new BatchItemResult?[inputs.Count];
        lock (_claimed) _claimed.Clear();
        var chunks = Enumerable.Range(0, inputs.Count).Chunk(options.ChunkSize);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancel };
        await Parallel.ForEachAsync(chunks, parallel, async (chunk, token) =>
        {
            var pending = Prepare(inputs, chunk, results);
            if (pending.Count == 0) return;
            journal.RecordSending(pending.Select(p => (p.Key, p.RequestId)));
            await SendAsync(pending, results, token);
            journal.Flush();
        });
        return results.Select(r => r!).ToList();
    }

    /// <summary>Reads the chunk's inputs; files that cannot be read and inputs the journal has a result for are done here.</summary>
    private List<Pending> Prepare(IReadOnlyList<string> inputs, int[] chunk, BatchItemResult?[] results)
    {
        var pending = new Pending?[chunk.Length];
        Parallel.For(0, chunk.Length, k =>
        {
            var index = chunk[k];
            var file = inputs[index];
            FinalAccounts proto;
            string fingerprint;
            PdfOrigins? origins;
            try
            {
                var (accounts, print, printed) = SubmissionInput.ReadWithFingerprint(file);
                proto = AccountsMapper.ToProto(accounts);
                fingerprint = print;
                origins = printed;
            }
            catch (SubmissionFileException e)
            {
                Done(results, index, new BatchItemResult
                {
                    File = file,
                    Outcome = BatchOutcome.Malformed,
                    Reason = $"文件无法读取或内容有误，未发送（{e.Violations.Count} 处问题）",
                    Details = e.Violations.Select(v => v.ToString()).ToList(),
                });
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Any other failure reading one input (a reader's bug, an unexpected format) is that input's alone.
                Done(results, index, new BatchItemResult
                {
                    File = file,
                    Outcome = BatchOutcome.Malformed,
                    Reason = $"文件无法读取，未发送（{e.GetType().Name}: {Domain.Validation.InputLimits.Excerpt(e.Message, 200)}）",
                });
                return;
            }
            // Larger than the server takes (its default limit): refused here, so that it cannot fail the stream it shares.
            if (proto.CalculateSize() > MaxMessageBytes)
            {
                Done(results, index, new BatchItemResult
                {
                    File = file,
                    Outcome = BatchOutcome.Malformed,
                    DepartmentCode = proto.DepartmentCode,
                    FiscalYear = proto.FiscalYear,
                    Reason = $"报送超过 {MaxMessageBytes / 1024 / 1024} MiB（服务器接收的上限），未发送",
                });
                return;
            }
            // The same department and year twice in one batch (its JSON, workbook and CSV forms): send the first only.
            string? first;
            bool duplicate;
            lock (_claimed)
                if (!(duplicate = _claimed.TryGetValue((proto.DepartmentCode, proto.FiscalYear), out first)))
                    _claimed[(proto.DepartmentCode, proto.FiscalYear)] = file;
            if (duplicate)
            {
                var differs = !SameAccounts(first!, proto);
                Done(results, index, new BatchItemResult
                {
                    File = file,
                    Outcome = BatchOutcome.Duplicate,
                    DepartmentCode = proto.DepartmentCode,
                    DepartmentName = proto.DepartmentName,
                    FiscalYear = proto.FiscalYear,
                    DiffersFromSent = differs,
                    Reason = differs
                        ? $"本批中 {proto.DepartmentCode} {proto.FiscalYear} 年度已由 {first} 报送，本文件内容与之不同，未发送：请确认哪一份是对的，只留一份"
                        : $"与 {first} 内容相同（同一部门同一年度），未重复发送",
                });
                return;
            }
            var key = Path.GetFullPath(file) + "|" + fingerprint;
            if (journal.ResultOf(key) is { } earlier)
            {
                Done(results, index, earlier with { File = file, FromJournal = true });
                return;
            }
            pending[k] = new Pending(index, file, key, journal.RequestIdOf(key), proto, origins);
        });
        return pending.Where(p => p is not null).Select(p => p!).ToList();
    }

    /// <summary>Whether the input at <paramref name="path"/> holds these accounts (its contract message is equal).</summary>
    private static bool SameAccounts(string path, FinalAccounts accounts)
    {
        try { return AccountsMapper.ToProto(SubmissionInput.Read(path)).Equals(accounts); }
        catch (SubmissionFileException) { return false; }
    }

    private async Task SendAsync(List<Pending> items, BatchItemResult?[] results, CancellationToken cancel)
    {
        var remaining = items;
        for (var attempt = 0; ; attempt++)
        {
            if (attempt > 0) await Task.Delay(BatchOptions.Backoff(attempt), cancel);
            var sent = remaining;
            var answered = new bool[sent.Count];
            RpcException? failure = null;
            try
            {
                using var call = client.SubmitBatch(new CallOptions(headers: options.Headers, deadline: DateTime.UtcNow.Add(options.Timeout), cancellationToken: cancel));
                var writing = WriteAllAsync(call.RequestStream, sent);
                try
                {
                    while (await call.ResponseStream.MoveNext(cancel))
                    {
                        var reply = call.ResponseStream.Current;
                        if (reply.Index < 0 || reply.Index >= sent.Count || answered[reply.Index]) continue;
                        // Not decided (a passing storage fault on the server): sent again with the same request ID.
                        if (reply.Outcome == SubmitOutcome.Retry) continue;
                        answered[reply.Index] = true;
                        var result = ToResult(sent[reply.Index], reply);
                        journal.RecordResult(result);
                        Done(results, sent[reply.Index].Index, result);
                    }
                }
                finally
                {
                    // The writer fails too when the call does (any way a connection can break): the reader's error tells.
                    try { await writing; } catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested) { }
                }
            }
            catch (RpcException e)
            {
                failure = e;
            }
            catch (Exception e) when (!cancel.IsCancellationRequested && IsTransport(e))
            {
                // A broken connection that surfaced as itself (IOException "The request was aborted", a reset stream…).
                failure = new RpcException(new Status(StatusCode.Unavailable, $"{e.GetType().Name}: {e.Message}", e));
            }
            remaining = sent.Where((_, i) => !answered[i]).ToList();
            if (remaining.Count == 0) return;
            var transient = failure is null || IsTransient(failure, cancel);
            if (!transient || attempt >= options.Retries)
            {
                var reason = failure is null
                    ? $"服务器未答复（重试 {attempt} 次后放弃）"
                    : transient
                        ? $"服务器不可用或未在 {options.Timeout.TotalSeconds:0} 秒内答复（{failure.StatusCode}，重试 {attempt} 次后放弃）：{failure.Status.Detail}"
                        : $"服务器错误（{failure.StatusCode}）：{failure.Status.Detail}";
                foreach (var p in remaining)
                    Done(results, p.Index, new BatchItemResult
                    {
                        File = p.File, Outcome = BatchOutcome.Failed, RequestId = p.RequestId, DepartmentCode = p.Accounts.DepartmentCode,
                        DepartmentName = p.Accounts.DepartmentName, FiscalYear = p.Accounts.FiscalYear, Reason = reason,
                    });
                return;
            }
        }
    }

    private async Task WriteAllAsync(IClientStreamWriter<SubmitRequest> stream, List<Pending> items)
    {
        foreach (var p in items)
            await stream.WriteAsync(new SubmitRequest { RequestId = p.RequestId, Accounts = p.Accounts });
        await stream.CompleteAsync();
    }

    private void Done(BatchItemResult?[] results, int index, BatchItemResult result)
    {
        results[index] = result;
        progress(result);
    }

    /// <summary>The server's default Consolidation:MaxRequestBytes: a submission larger than it is not sent.</summary>
    public const int MaxMessageBytes = 16 * 1024 * 1024;

    public static bool IsTransient(StatusCode code) => code is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Aborted;

    /// <summary>
    /// Whether a failed call is worth sending again with the same request IDs (the server replays what it decided):
    /// UNAVAILABLE (refused connection, server going away), DEADLINE_EXCEEDED, ABORTED, RESOURCE_EXHAUSTED (the rate
    /// limit), a CANCELLED this client did not ask for (a reset stream), and INTERNAL/UNKNOWN caused by the transport
    /// (an aborted request, an I/O error) rather than by the server's answer.
    /// </summary>
    public static bool IsTransient(RpcException e, CancellationToken cancel) =>
        IsTransient(e.StatusCode) || e.StatusCode == StatusCode.ResourceExhausted
        || (e.StatusCode == StatusCode.Cancelled && !cancel.IsCancellationRequested)
        || (e.StatusCode is StatusCode.Internal or StatusCode.Unknown && e.Status.DebugException is { } cause && IsTransport(cause));

    /// <summary>An exception of the connection, not of the server's answer.</summary>
    public static bool IsTransport(Exception e) => e switch
    {
        IOException or HttpRequestException or System.Net.Sockets.SocketException or ObjectDisposedException => true,
        AggregateException a => a.InnerExceptions.Any(IsTransport),
        _ => e.InnerException is { } inner && IsTransport(inner),
    };

    /// <summary>For a PDF input: the page a finding's figure and quoted sentence are printed on.</summary>
    private static string? Printed(Pending p, Finding f) =>
        p.Origins?.Of(f.Location?.Table ?? "", f.Location?.Row ?? "", f.Location?.Column ?? "", f.Message);

    private static BatchItemResult ToResult(Pending p, SubmitResult r)
    {
        var record = r.Record;
        var result = new BatchItemResult
        {
            File = p.File,
            Outcome = BatchOutcome.Failed,
            RequestId = p.RequestId,
            DepartmentCode = p.Accounts.DepartmentCode,
            DepartmentName = p.Accounts.DepartmentName,
            FiscalYear = p.Accounts.FiscalYear,
            Replayed = r.Replayed,
            Reason = r.Reason,
            Details = r.Violations.Select(v => $"{v.Field}: {v.Description}").ToList(),
        };
        if (record is not null)
        {
            var findings = record.Findings.Where(f => f.Severity is Severity.Mandatory or Severity.Advisory && !f.Explained).ToList();
            result = result with
            {
                Version = record.Version,
                Status = Labels.Name(record.Status),
                MandatoryCount = record.Findings.Count(f => f.Severity == Severity.Mandatory),
                AdvisoryCount = record.Findings.Count(f => f.Severity == Severity.Advisory),
                Reason = findings.Count == 0 ? "" : findings[0].Message + (findings.Count > 1 ? $"（等 {findings.Count} 条）" : ""),
                Details = findings.Select(f => $"{f.RuleId} {f.Message}" + (Printed(p, f) is { } at ? $"（{at}）" : "")).ToList(),
            };
        }
        return result with
        {
            Outcome = r.Outcome switch
            {
                SubmitOutcome.Stored => record?.Status switch
                {
                    SubmissionStatus.Accepted => BatchOutcome.Accepted,
                    SubmissionStatus.PendingExplanation => BatchOutcome.PendingExplanation,
                    SubmissionStatus.Rejected => BatchOutcome.Rejected,
                    _ => BatchOutcome.Failed,
                },
                SubmitOutcome.Unchanged => BatchOutcome.Unchanged,
                SubmitOutcome.Malformed => BatchOutcome.Malformed,
                SubmitOutcome.Refused => BatchOutcome.Refused,
                _ => BatchOutcome.Failed,
            },
        };
    }
}
