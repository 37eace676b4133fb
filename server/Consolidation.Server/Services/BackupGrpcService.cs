using System.Security.Cryptography;
using Consolidation.Contracts;
using Consolidation.Server.Application;
using Consolidation.Server.Application.Ports;
using Consolidation.Server.Security;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Consolidation.Server.Services;

/// <summary>备份 over gRPC: the snapshot streamed in 1 MiB chunks, its SHA-256 and contents in the last one; recorded in the audit trail.</summary>
public sealed class BackupGrpcService(BackupOffice backups, AuditTrail audit) : BackupService.BackupServiceBase
{
    public const int ChunkBytes = 1 << 20;

    [Authorize(Policy = Policies.Bureau)]
    public override async Task Backup(BackupRequest request, IServerStreamWriter<BackupChunk> responseStream, ServerCallContext context)
    {
        var http = context.GetHttpContext();
        var principal = CredentialAuthenticationHandler.PrincipalOf(http.User);
        void Record(string outcome, string reason) => audit.Record(new AuditTrail.Entry(principal, GrpcAuthorizationResultHandler.Peer(http),
            "BackupService/Backup", "backup", "", 0, outcome, reason));
        BackupOffice.Snapshot snapshot;
        try
        {
            snapshot = await Task.Run(backups.Take, context.CancellationToken);
        }
        catch (NotSupportedException e)
        {
            // The storage takes its backups with its own tools (PostgreSQL: pg_dump); a retry would not change that.
            Record("FailedPrecondition", e.Message);
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"备份未完成：{e.Message}"));
        }
        catch (Exception e) when (e is IOException or BackupInvalidException)
        {
            Record("Unavailable", e.Message);
            throw new RpcException(new Status(StatusCode.Unavailable, $"备份未完成：{e.Message}"));
        }
        using (snapshot)
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using var file = File.OpenRead(snapshot.Path);
            var buffer = new byte[ChunkBytes];
            long total = 0;
            int read;
            while ((read = await file.ReadAsync(buffer, context.CancellationToken)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                total += read;
                await responseStream.WriteAsync(new BackupChunk { Data = ByteString.CopyFrom(buffer, 0, read) }, context.CancellationToken);
            }
            var s = snapshot.Summary;
            await responseStream.WriteAsync(new BackupChunk
            {
                Last = true, Sha256 = Convert.ToHexStringLower(sha.GetHashAndReset()), TotalBytes = total,
                SubmissionVersions = s.SubmissionVersions, Collections = s.Collections, Documents = s.Documents,
            }, context.CancellationToken);
            Record("OK", $"{total} 字节，{s.SubmissionVersions} 个报送版本");
        }
    }
}
