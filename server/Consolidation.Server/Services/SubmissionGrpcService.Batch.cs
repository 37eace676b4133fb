using System.Threading.Channels;
using Consolidation.Contracts;
using Consolidation.Server.Application;
using Consolidation.Server.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Consolidation.Server.Services;

/// <summary>Submit with a request ID, and 批量报送 (SubmitBatch): see docs/batch.md.</summary>
public sealed partial class SubmissionGrpcService
{
    /// <summary>At most this many requests are decided together (one storage write transaction).</summary>
    public const int MaxGroup = 256;

    /// <summary>Requests read ahead of the one being decided (back-pressure on the client beyond that).</summary>
    private const int ReadAhead = 1024;

    /// <summary>Submit with a request ID: the idempotent path; REFUSED becomes ALREADY_EXISTS, MALFORMED INVALID_ARGUMENT.</summary>
    private SubmissionRecord SubmitIdempotent(SubmitRequest request, Principal principal, CancellationToken cancel)
    {
        var result = idempotentIntake.SubmitAll([Unpacked(request, principal)], cancel)[0];
        return result.Outcome switch
        {
            IntakeOutcome.Malformed when request.Accounts is null =>
                throw ErrorInterceptor.InvalidArgument(result.Reason, result.Violations.Select(v => (v.Field, v.Message))),
            IntakeOutcome.Malformed => throw new MalformedSubmissionException(result.Violations),
            IntakeOutcome.Refused => throw new RpcException(new Status(StatusCode.AlreadyExists, result.Reason)),
            IntakeOutcome.YearLocked => throw new RpcException(new Status(StatusCode.FailedPrecondition, result.Reason)),
            IntakeOutcome.Retry => throw new RpcException(new Status(StatusCode.Unavailable, result.Reason)),
            IntakeOutcome.Failed => throw new RpcException(new Status(StatusCode.Internal, result.Reason)),
            _ => WithOutcome(ToRecord(result.Submission!, includeAccounts: false), result),
        };
    }

    [Authorize(Policy = Policies.Member)]
    public override async Task SubmitBatch(IAsyncStreamReader<SubmitRequest> requestStream, IServerStreamWriter<SubmitResult> responseStream,
        ServerCallContext context)
    {
        var cancel = context.CancellationToken;
        var principal = DepartmentAccess.PrincipalOf(context);
        var http = context.GetHttpContext();
        var peer = GrpcAuthorizationResultHandler.Peer(http);
        var pending = Channel.CreateBounded<SubmitRequest>(new BoundedChannelOptions(ReadAhead) { SingleReader = true, SingleWriter = true });
        // Reading goes on while a group is being decided, so the next group is ready when this one is written back.
        var pump = Task.Run(async () =>
        {
            try
            {
                while (await requestStream.MoveNext(cancel)) await pending.Writer.WriteAsync(requestStream.Current, cancel);
                pending.Writer.Complete();
            }
            catch (Exception e)
            {
                pending.Writer.Complete(e);
            }
        }, cancel);

        var index = 0;
        var group = new List<SubmitRequest>(MaxGroup);
        while (await pending.Reader.WaitToReadAsync(cancel))
        {
            group.Clear();
            while (group.Count < MaxGroup && pending.Reader.TryRead(out var request)) group.Add(request);
            // A department's submission for a code not its own is refused as an unregistered code would be; nothing stored.
            var allowed = new bool[group.Count];
            for (var i = 0; i < group.Count; i++)
                allowed[i] = group[i].Accounts is not { } a || principal.IsBureau || await access.MayAsync(context, a.DepartmentCode);
            var requests = group.Where((_, i) => allowed[i]).Select(r => Unpacked(r, principal)).ToList();
            // Decided on a worker thread: the storage write transaction begins and commits there, with no await in between (LiteDB binds it to the thread).
            var decided = requests.Count == 0 ? [] : await Task.Run(() => idempotentIntake.SubmitAll(requests, cancel), cancel);
            var results = new List<IntakeResult>(group.Count);
            for (int i = 0, k = 0; i < group.Count; i++)
                results.Add(allowed[i] ? decided[k++]
                    : new IntakeResult(group[i].RequestId, IntakeOutcome.Refused, false, null, NotSubmittable(group[i].Accounts.DepartmentCode).Status.Detail, []));
            audit.Record(results.Select((r, i) =>
            {
                var (code, year) = AuditInterceptor.Subject(group[i]);
                var outcome = !allowed[i] ? "NotFound" : r.Outcome.ToString();
                var reason = !allowed[i] ? $"{code} 不属于调用者：按不存在答复" : r.Submission is { } s ? $"第 {s.Version} 版 {s.Status}" : r.Reason;
                return new AuditTrail.Entry(principal, peer, "SubmissionService/SubmitBatch", allowed[i] ? "submit" : "refused", code, year, outcome, reason);
            }).ToList());
            for (var i = 0; i < results.Count; i++)
            {
                var last = i == results.Count - 1;
                responseStream.WriteOptions = last ? null : new WriteOptions(WriteFlags.BufferHint);
                await responseStream.WriteAsync(ToResult(results[i], index + i), cancel);
            }
            index += results.Count;
        }
        await pump;
    }

    /// <summary>The request as the intake takes it: the accounts mapped from the wire to the domain, once.</summary>
    private static IntakeRequest Unpacked(SubmitRequest request, Principal principal) =>
        new(request.RequestId, request.Accounts is { } a ? Contracts.Mapping.AccountsMapper.ToDomain(a) : null, principal.Recorded);

    private SubmitResult ToResult(IntakeResult r, int index)
    {
        var result = new SubmitResult
        {
            RequestId = r.RequestId,
            Index = index,
            Outcome = Outcome(r.Outcome),
            Replayed = r.Replayed,
            Reason = r.Reason,
        };
        if (r.Submission is not null) result.Record = ToRecord(r.Submission, includeAccounts: false);
        result.Violations.AddRange(r.Violations.Select(v => new FieldViolation { Field = v.Field, Description = v.Message }));
        return result;
    }

    private static SubmissionRecord WithOutcome(SubmissionRecord record, IntakeResult r)
    {
        record.Outcome = Outcome(r.Outcome);
        record.Replayed = r.Replayed;
        return record;
    }

    private static SubmitOutcome Outcome(IntakeOutcome outcome) => outcome switch
    {
        IntakeOutcome.Stored => SubmitOutcome.Stored,
        IntakeOutcome.Unchanged => SubmitOutcome.Unchanged,
        IntakeOutcome.Malformed => SubmitOutcome.Malformed,
        IntakeOutcome.Refused or IntakeOutcome.YearLocked => SubmitOutcome.Refused,
        IntakeOutcome.Retry => SubmitOutcome.Retry,
        IntakeOutcome.Failed => SubmitOutcome.Failed,
        _ => SubmitOutcome.Unspecified,
    };
}
