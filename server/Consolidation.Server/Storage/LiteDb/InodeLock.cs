using System.Runtime.InteropServices;

namespace Consolidation.Server.Storage.LiteDb;

/// <summary>
/// An exclusive POSIX record lock (fcntl F_SETLK, F_WRLCK) on the data file itself: it belongs to the file's inode,
/// so a second server process reaching the same file through a hard link or a symlink is refused, where a lock file
/// beside one path is not. LiteDB's own opens of the file (same process) are not affected: record locks are per
/// process. Linux only; elsewhere the lock file alone guards.
/// </summary>
public static class InodeLock
{
    private const int F_SETLK = 6;
    private const short F_WRLCK = 1;

    [StructLayout(LayoutKind.Sequential)]
    private struct Flock
    {
        public short Type;
        public short Whence;
        public long Start;
        public long Length; // 0: to the end of the file, however long it grows
        public int Pid;
    }

    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static extern int Fcntl(int fd, int cmd, ref Flock lock_);

    /// <summary>Opens <paramref name="path"/> (created when missing) and locks it; null where record locks are not available.</summary>
    public static FileStream? Take(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        var request = new Flock { Type = F_WRLCK, Whence = 0, Start = 0, Length = 0 };
        if (Fcntl((int)stream.SafeFileHandle.DangerousGetHandle(), F_SETLK, ref request) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            stream.Dispose();
            throw new InvalidOperationException($"数据文件 {path} 正被另一个服务进程使用（经由另一路径，如硬链接或符号链接；errno {errno}）");
        }
        return stream;
    }
}
