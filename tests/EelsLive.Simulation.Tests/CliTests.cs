using System.CommandLine;
using System.Text.Json;
using EelsLive.Protocol;
using EelsLive.Protocol.Recording;
using EelsLive.Simulator;

namespace EelsLive.Simulation.Tests;

public sealed class CliTests : IDisposable
{
    private const double ElementaryCharge = 1.602176634e-19;
    private readonly string _directory = Directory.CreateTempSubdirectory("eelslive-sim-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await SimulatorCli.RunAsync(args, new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Simulate_publishes_to_a_subscriber_started_first_and_writes_a_valid_truth_file()
    {
        int port = TestSupport.FreePort();
        string truthPath = Path.Combine(_directory, "truth.json");
        using var sub = TestSupport.Subscribe($"tcp://127.0.0.1:{port}");
        var running = Run(
            "--bind", $"tcp://127.0.0.1:{port}", "--preset", "mil101fe", "--frames", "40", "--rate", "0", "--seed", "7",
            "--truth", truthPath, "--beam-current-pa", "30", "--area-a2", "1e5", "--exposure-s", "0.2", "--threshold", "0.3",
            "--series-id", "cli-test");
        var messages = TestSupport.Decode(TestSupport.ReceiveUntilEnd(sub, TimeSpan.FromSeconds(10)));
        var (code, output, error) = await running;

        Assert.True(code == 0, error);
        Assert.Contains("40 of 40 frames sent", output);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (long)i), messages.OfType<FrameMessage>().Select(f => f.Seq));
        Assert.All(messages, m => Assert.Equal("cli-test", m.SeriesId));

        using var json = JsonDocument.Parse(File.ReadAllText(truthPath));
        var root = json.RootElement;
        double perFrame = 30 * 1e-12 * 0.2 / (ElementaryCharge * 1e5);
        Assert.Equal("mil101fe", root.GetProperty("preset").GetString());
        Assert.Equal(7, root.GetProperty("seed").GetInt32());
        Assert.Equal(40, root.GetProperty("frames").GetInt64());
        Assert.Equal(perFrame, root.GetProperty("dose_per_frame_e_a2").GetDouble(), 12);
        Assert.Equal(40 * perFrame, root.GetProperty("total_dose_e_a2").GetDouble(), 10);
        Assert.Equal(0.3, root.GetProperty("threshold").GetDouble());
        var windows = root.GetProperty("windows").EnumerateArray().ToDictionary(w => w.GetProperty("name").GetString()!);
        Assert.Equal(new[] { "pi_pi", "c_c", "c_o", "m_o" }, windows.Keys);

        // Order-p windows: D50 and the θ-crossing dose follow from the written parameters.
        var co = windows["c_o"];
        Assert.Equal("order_p", co.GetProperty("family").GetString());
        double p = co.GetProperty("parameters").GetProperty("order").GetDouble();
        double k = co.GetProperty("parameters").GetProperty("rate_constant_a2_per_e").GetDouble();
        Assert.Equal((Math.Pow(2, p - 1) - 1) / ((p - 1) * k), co.GetProperty("d50_e_a2").GetDouble(), 6);
        Assert.Equal((Math.Pow(0.3, 1 - p) - 1) / ((p - 1) * k), co.GetProperty("threshold_dose_e_a2").GetDouble(), 6);
        Assert.True(windows["pi_pi"].GetProperty("signal_rises").GetBoolean());
        Assert.True(windows["pi_pi"].GetProperty("s_inf").GetDouble() > windows["pi_pi"].GetProperty("s0").GetDouble());
        Assert.True(co.GetProperty("s_inf").GetDouble() < co.GetProperty("s0").GetDouble());

        // The file round-trips through the library's reader.
        var truth = GroundTruthFile.Read(truthPath);
        Assert.Equal("cli-test", truth.SeriesId);
        Assert.Equal(30, truth.BeamCurrentPa);
    }

    [Theory]
    [InlineData("--drop 1.5", "--drop must be in [0, 1)")]
    [InlineData("--threshold 1", "--threshold must be in (0, 1)")]
    [InlineData("--rate -2", "--rate must be a finite number ≥ 0")]
    [InlineData("--frames 0", "--frames must be ≥ 1")]
    [InlineData("--exposure-s 0", "--exposure-s must be a finite number > 0")]
    [InlineData("--beam-current-pa 5", "--beam-current-pa and --area-a2 must be given together")]
    [InlineData("--dose-per-frame 2 --beam-current-pa 5 --area-a2 10", "--dose-per-frame cannot be combined")]
    [InlineData("--bind ipc:///tmp/x", "--bind must be a tcp:// endpoint")]
    [InlineData("--preset nonsense", "nonsense")]
    [InlineData("--frames abc", "eelslive-sim: --frames expects a whole number, got 'abc'.")]
    [InlineData("--rate fast", "eelslive-sim: --rate expects a number, got 'fast'.")]
    [InlineData("--dose-per-frame 1,5", "eelslive-sim: --dose-per-frame expects a number, got '1,5'.")]
    [InlineData("--no-such-option", "eelslive-sim: Unrecognized command or argument '--no-such-option'.")]
    public async Task Bad_values_are_rejected_with_a_clear_message_and_exit_code_1_without_the_help_text(string args, string message)
    {
        var (code, output, error) = await Run(args.Split(' '));
        Assert.Equal(ExitCodes.InvalidUsage, code);
        Assert.Contains(message, error);
        Assert.EndsWith($"Run 'eelslive-sim --help' to see the usage.{Environment.NewLine}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_replay_option_points_to_the_replay_help()
    {
        var (code, _, error) = await Run("replay", "x.eelsrec", "--speed", "double");
        Assert.Equal(ExitCodes.InvalidUsage, code);
        Assert.Equal(
            ["eelslive-sim: --speed expects a number, got 'double'.", "Run 'eelslive-sim replay --help' to see the usage."],
            error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task The_truth_file_gets_its_folder_and_a_folder_given_as_the_file_is_refused()
    {
        string truth = Path.Combine(_directory, "new", "deeper", "truth.json");
        var (code, _, error) = await Run("--bind", "tcp://127.0.0.1:0", "--frames", "1", "--rate", "0", "--warmup-ms", "0", "--truth", truth);
        Assert.True(code == 0, error);
        Assert.Equal("mil101fe", GroundTruthFile.Read(truth).Preset);

        (code, _, error) = await Run("--bind", "tcp://127.0.0.1:0", "--frames", "1", "--warmup-ms", "0", "--truth", _directory);
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal($"eelslive-sim: --truth {_directory}: this is a folder; give the name of a file to write, in it or elsewhere.{Environment.NewLine}", error);
    }

    [Fact]
    public async Task Help_lists_presets_and_examples()
    {
        var (code, output, _) = await Run("--help");
        Assert.Equal(0, code);
        foreach (string name in SimulationPresets.Names)
        {
            Assert.Contains(name, output);
        }

        Assert.Contains("eelslive-sim replay", output);
        Assert.Contains("--no-cumulative", output);
    }

    [Fact]
    public async Task Replay_command_republishes_a_session_file_byte_for_byte()
    {
        string path = Path.Combine(_directory, "session.eelsrec");
        var recorded = PublisherLoopbackTests.RecordedSession();
        using (var writer = new SessionFileWriter(path))
        {
            foreach (var message in recorded)
            {
                writer.Append(message.ReceivedUnixS, message.Frames);
            }
        }

        int port = TestSupport.FreePort();
        using var sub = TestSupport.Subscribe($"tcp://127.0.0.1:{port}");
        var running = Run("replay", path, "--bind", $"tcp://127.0.0.1:{port}", "--speed", "0");
        var received = TestSupport.ReceiveUntilEnd(sub, TimeSpan.FromSeconds(10));
        var (code, output, error) = await running;

        Assert.True(code == 0, error);
        Assert.Contains($"{recorded.Count} messages republished", output);
        Assert.True(recorded.Count == received.Count, string.Join(",", received.Select(r => System.Text.Encoding.UTF8.GetString(r[0]) + "/" + r[^1].Length)));
        for (int i = 0; i < recorded.Count; i++)
        {
            Assert.Equal(recorded[i].Frames, received[i]);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Binding_a_port_in_use_says_so_and_exits_2(bool replay)
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        string endpoint = $"tcp://127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";
        string session = Path.Combine(_directory, "session.eelsrec");
        new SessionFileWriter(session).Dispose();

        var (code, _, error) = await (replay ? Run("replay", session, "--bind", endpoint) : Run("--bind", endpoint, "--frames", "1"));

        Assert.Equal(ExitCodes.Failure, code);
        Assert.StartsWith($"eelslive-sim: cannot bind --bind {endpoint}: the address is already in use: another program", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_of_a_missing_file_or_a_folder_cannot_read_it_and_exits_2()
    {
        string missing = Path.Combine(_directory, "missing.eelsrec");
        var (code, _, error) = await Run("replay", missing, "--bind", "tcp://127.0.0.1:0");
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal($"eelslive-sim: cannot read {missing}: the file does not exist.{Environment.NewLine}", error);

        (code, _, error) = await Run("replay", _directory, "--bind", "tcp://127.0.0.1:0");
        Assert.Equal(ExitCodes.Failure, code);
        Assert.StartsWith($"eelslive-sim: cannot read {_directory}: it is a folder;", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_of_a_file_that_is_not_a_session_fails_before_publishing()
    {
        string path = Path.Combine(_directory, "not-a-session.bin");
        File.WriteAllText(path, "hello");
        var (code, _, error) = await Run("replay", path, "--bind", "tcp://127.0.0.1:0");
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("Not an EelsLive session file", error);
    }
}
