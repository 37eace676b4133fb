using System.ComponentModel;
using System.Security.Cryptography;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary>
/// <c>fa backup FILE</c>: a consistent backup of the running server's data (财政局 only), written to a new file. The
/// bytes are written beside FILE first and moved into place only when their SHA-256 matches the server's, so FILE is
/// either the whole backup or absent. The server restores it with <c>--Consolidation:RestoreFrom=FILE</c>.
/// </summary>
public sealed class BackupCommand : AsyncCommand<BackupCommand.Settings>
{
    public sealed class Settings : CallerSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("备份文件（新建，不覆盖已有文件）")]
        public string File { get; set; } = "";

        public override ValidationResult Validate()
        {
            if (System.IO.File.Exists(File) || Directory.Exists(File)) return ValidationResult.Error($"{File} 已存在：不会覆盖 (exists; not overwritten)");
            return base.Validate();
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var target = Path.GetFullPath(settings.File);
            var partial = target + ".partial";
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            BackupChunk? last = null;
            long written = 0;
            try
            {
                await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write))
                {
                    // A backup of a large year takes longer than one call's --timeout: the stream has no deadline.
                    using var call = server.Backups.Backup(new BackupRequest(), server.Stream(cancellationToken));
                    while (await call.ResponseStream.MoveNext(cancellationToken))
                    {
                        var chunk = call.ResponseStream.Current;
                        if (chunk.Last) { last = chunk; break; }
                        sha.AppendData(chunk.Data.Span);
                        await file.WriteAsync(chunk.Data.Memory, cancellationToken);
                        written += chunk.Data.Length;
                    }
                    await file.FlushAsync(cancellationToken);
                    file.Flush(flushToDisk: true);
                }
                var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
                if (last is null || last.TotalBytes != written || last.Sha256 != hash)
                    throw new UsageException($"备份不完整：收到 {written} 字节，散列 {hash[..12]}…，与服务器所报{(last is null ? "（无结尾）" : $" {last.TotalBytes} 字节、{last.Sha256[..12]}…")}不符；未写入 {settings.File}，请重试");
                File.Move(partial, target);
            }
            finally
            {
                if (File.Exists(partial)) File.Delete(partial);
            }
            if (settings.Json) ProtoJson.Print(last);
            else
                Terminal.Out.MarkupLine($"备份已写入 [bold]{Terminal.Escape(settings.File)}[/]：{last.TotalBytes:N0} 字节，{last.SubmissionVersions} 个报送版本，" +
                                        $"{last.Collections} 个集合 {last.Documents:N0} 条记录；SHA-256 {last.Sha256}。恢复：以 --Consolidation:RestoreFrom={Terminal.Escape(settings.File)} 启动服务器（新的数据文件）。");
            return ExitCodes.Success;
        });
}
