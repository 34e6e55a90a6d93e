using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// The files <c>scan</c> reads: standard input (<c>-</c>), the files named, and the regular files under the
/// directories named. Inside a directory, what is not a regular file (a FIFO, a socket, a device) is skipped, symbolic
/// links to directories are not followed, and what cannot be looked at (a symbolic link loop, a directory that cannot
/// be listed) is reported; each of them is named on standard error and counted as not read.
/// </summary>
internal sealed class InputFiles
{
    private readonly TextWriter _stderr;

    private InputFiles(TextWriter stderr) => _stderr = stderr;

    private enum Kind
    {
        Missing,
        Regular,
        Directory,
        Other,
    }

    /// <summary>The files, in argument order and, within a directory, in ordinal order of their paths.</summary>
    public List<string> Files { get; } = [];

    /// <summary>How many paths were reported on standard error and not read.</summary>
    public int NotRead { get; private set; }

    /// <summary>Collects the files; null when an argument names nothing at all (a usage error, reported).</summary>
    public static InputFiles? Collect(IEnumerable<string> arguments, TextWriter stderr)
    {
        var inputs = new InputFiles(stderr);
        foreach (string input in arguments)
        {
            if (input == "-")
            {
                if (inputs.Files.Contains(input))
                {
                    // Inputs are read side by side: standard input twice would be two readers of one stream.
                    stderr.WriteLine("smtp-classify: scan: - (standard input) can be given only once");
                    return null;
                }

                inputs.Files.Add(input);
                continue;
            }

            switch (Stat(input, out string? error))
            {
                case Kind.Directory:
                    inputs.Walk(input);
                    break;
                case Kind.Missing when !IsLink(input):
                    stderr.WriteLine($"smtp-classify: scan: '{input}' is neither a file nor a directory");
                    return null;
                case Kind.Missing:
                    inputs.Report(input, error ?? "cannot be read");
                    break;
                default:
                    // A file named is read whatever it is: a FIFO or /dev/stdin is how a shell passes a stream.
                    inputs.Files.Add(input);
                    break;
            }
        }

        return inputs;
    }

    /// <summary>Names a path that is not read on standard error and counts it.</summary>
    public void Report(string path, string why)
    {
        _stderr.WriteLine($"smtp-classify: scan: {path}: {why}");
        NotRead++;
    }

    private void Walk(string directory)
    {
        string[] entries;
        try
        {
            entries = Directory.GetFileSystemEntries(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Report(directory, $"cannot be listed ({e.Message})");
            return;
        }

        foreach (string path in entries.Order(StringComparer.Ordinal))
        {
            switch (Stat(path, out string? error))
            {
                case Kind.Regular:
                    Files.Add(path);
                    break;
                case Kind.Directory when IsLink(path):
                    Report(path, "symbolic link to a directory, not followed");
                    break;
                case Kind.Directory:
                    Walk(path);
                    break;
                case Kind.Other:
                    Report(path, "not a regular file, skipped");
                    break;
                default:
                    Report(path, error ?? "cannot be read");
                    break;
            }
        }
    }

    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    // The type of what the path names, symbolic links followed: stat(2) through the runtime's own native library
    // (FileSystemInfo tells a FIFO from a regular file on no platform but Windows, which has no FIFOs in directories).
    private static Kind Stat(string path, out string? error)
    {
        error = null;
        if (OperatingSystem.IsWindows())
            return Directory.Exists(path) ? Kind.Directory : File.Exists(path) ? Kind.Regular : Kind.Missing;

        if (Native.Stat(path, out var status) != 0)
        {
            error = Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError());
            return Kind.Missing;
        }

        return (status.Mode & Native.TypeMask) switch
        {
            Native.RegularFile => Kind.Regular,
            Native.DirectoryFile => Kind.Directory,
            _ => Kind.Other,
        };
    }

    private static class Native
    {
        // The file type bits of FileStatus.Mode in System.Native (the same on every Unix).
        public const int TypeMask = 0xF000;
        public const int DirectoryFile = 0x4000;
        public const int RegularFile = 0x8000;

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
        public static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);

        // The head of System.Native's FileStatus (Flags, Mode, ...); the size leaves room for the whole of it.
        [StructLayout(LayoutKind.Sequential, Size = 256)]
        public struct FileStatus
        {
            public int Flags;
            public int Mode;
        }
    }
}
