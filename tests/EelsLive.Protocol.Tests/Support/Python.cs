using System.Diagnostics;
using System.Text;

namespace EelsLive.Protocol.Tests.Support;

/// <summary>Runs Debian's /usr/bin/python3 (with python3-zmq, python3-msgpack, python3-numpy) for interop tests.</summary>
internal static class Python
{
    public const string Exe = "/usr/bin/python3";

    public const string InstallHint =
        "the interop tests need /usr/bin/python3 with pyzmq, msgpack and numpy: apt-get install python3 python3-zmq python3-msgpack python3-numpy";

    private static readonly Lazy<string?> ModulesProblem = new(CheckModules);

    /// <summary>Fails the test (never skips) when the interpreter or one of its modules is missing.</summary>
    public static void RequireModules()
    {
        if (ModulesProblem.Value is { } problem)
        {
            Assert.Fail($"{problem}; {InstallHint}");
        }
    }

    /// <summary>Runs the interpreter to completion within <paramref name="timeout"/>; fails the test on a timeout.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(TimeSpan timeout, params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            Kill(process);
            Assert.Fail($"{Exe} {string.Join(' ', args)} did not finish within {timeout.TotalSeconds} s");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts the interpreter with redirected output; the caller owns the process.</summary>
    public static Process Start(params string[] args)
    {
        if (!File.Exists(Exe))
        {
            Assert.Fail($"{Exe} does not exist; {InstallHint}");
        }

        var info = new ProcessStartInfo(Exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repo.Root,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // A user site or PYTHONPATH must not shadow Debian's modules.
        info.Environment["PYTHONNOUSERSITE"] = "1";
        info.Environment.Remove("PYTHONPATH");
        info.Environment.Remove("PYTHONHOME");
        return Process.Start(info) ?? throw new InvalidOperationException($"could not start {Exe}");
    }

    public static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    private static string? CheckModules()
    {
        if (!File.Exists(Exe))
        {
            return $"{Exe} does not exist";
        }

        var (code, stdout, stderr) = Run(TimeSpan.FromSeconds(20), "-c", "import zmq, msgpack, numpy; print('ok')");
        return code == 0 && stdout.Trim() == "ok" ? null : $"{Exe} cannot import zmq, msgpack and numpy (exit {code}: {stderr.Trim()})";
    }
}
