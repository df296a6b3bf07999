using System.Net;
using System.Net.Sockets;
using EelsLive.Cli.Tests.Support;
using EelsLive.TestSupport;

namespace EelsLive.Cli.Tests.Commands;

/// <summary><c>eelslive monitor</c> given an endpoint or port it cannot use: it stops at start with exit code 2 and says which option and why.</summary>
public class MonitorCommandTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Publishing_on_a_port_in_use_names_the_option_and_the_address_and_exits_2()
    {
        using var taken = Occupy(out int port);
        var run = await Monitor("--publish", $"tcp://127.0.0.1:{port}");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: --publish tcp://127.0.0.1:{port}: cannot bind the result stream there: the address is already in use", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serving_the_dashboard_on_a_port_in_use_names_the_option_and_exits_2()
    {
        using var taken = Occupy(out int port);
        var run = await Monitor("--http", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: --http {port}: port {port} on 127.0.0.1 is already in use by another program; give another port (0 picks a free one)", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("foo", "error: --connect: Endpoint 'foo' is not a ZeroMQ endpoint")]
    [InlineData("tcp://127.0.0.1:port", "error: --connect tcp://127.0.0.1:port: cannot connect there: it is not a tcp://HOST:PORT endpoint with a numeric port.")]
    [InlineData("ipc:///tmp/eels", "error: --connect: Endpoint 'ipc:///tmp/eels' is not a tcp:// endpoint; use tcp://HOST:PORT (NetMQ's ipc:// is not a Unix socket")]
    public async Task A_source_endpoint_that_cannot_be_connected_is_bad_input(string endpoint, string message)
    {
        var run = await CliProcess.RunAsync("eelslive", Limit, "monitor", "--connect", endpoint, "--idle-timeout", "1", "--quiet");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("monitoring", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_that_is_not_known_stops_the_monitor_before_it_says_it_is_monitoring()
    {
        var run = await CliProcess.RunAsync("eelslive", Limit, "monitor", "--connect", "tcp://no-such-host.invalid:5556", "--idle-timeout", "1", "--quiet");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: --connect tcp://no-such-host.invalid:5556: cannot connect there: the host name is not known", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("monitoring", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_that_can_be_connected_is_announced_with_the_way_to_stop()
    {
        string endpoint = FreePort.Endpoint();
        var run = await CliProcess.RunAsync("eelslive", Limit, "monitor", "--connect", endpoint, "--idle-timeout", "1", "--quiet");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"monitoring {endpoint} (Ctrl-C to stop)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_that_sends_nothing_is_reported_once_after_ten_seconds()
    {
        string endpoint = FreePort.Endpoint();
        var run = await CliProcess.RunAsync("eelslive", Limit, "monitor", "--connect", endpoint, "--idle-timeout", "12", "--quiet");

        Assert.Equal(0, run.ExitCode);
        var output = run.Stdout + run.Stderr;
        var warning = $"nothing received from {endpoint} in 10 s: is the source publishing there?";
        Assert.Contains(warning, output, StringComparison.Ordinal);
        Assert.Equal(output.IndexOf(warning, StringComparison.Ordinal), output.LastIndexOf(warning, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outputs_in_folders_that_do_not_exist_yet_get_their_folders()
    {
        using var dir = new TempDir();
        string results = dir.File(Path.Combine("new", "results.jsonl"));
        string recording = dir.File(Path.Combine("other", "deeper", "session.eelsrec"));
        string report = dir.File(Path.Combine("reports", "42"));

        var run = await Monitor("--out", results, "--record", recording, "--report", report);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(File.Exists(results));
        Assert.True(File.Exists(recording));
        Assert.True(Directory.Exists(report));
    }

    [Theory]
    [InlineData("--out", "folder", "this is a folder; give the name of a file to write")]
    [InlineData("--record", "not-a-recording.json", "cannot write it: ")]
    [InlineData("--record", "not-a-recording.json/x.eelsrec", "cannot create the folder ")]
    [InlineData("--report", "not-a-recording.json", "this is a file; give a folder to write into.")]
    public async Task An_output_path_that_cannot_be_written_stops_the_monitor_at_start_with_the_option_named(string option, string name, string reason)
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("folder"));
        await File.WriteAllTextAsync(dir.File("not-a-recording.json"), "{}");
        string path = dir.File(name);

        string[] needs = option == "--report" ? ["--out", dir.File("r.jsonl")] : [];
        var run = await Monitor([option, path, .. needs]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: {option} {path}: {reason}", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("{}", await File.ReadAllTextAsync(dir.File("not-a-recording.json")));
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> Monitor(params string[] extra) =>
        CliProcess.RunAsync("eelslive", Limit, ["monitor", "--connect", $"tcp://127.0.0.1:{FreePort.Next()}", "--idle-timeout", "1", "--quiet", .. extra]);

    /// <summary>Listens on a free loopback port, as another program would.</summary>
    private static TcpListener Occupy(out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }
}
