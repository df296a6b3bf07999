using EelsLive.Cli.Monitoring;
using EelsLive.Cli.Tests.Support;
using EelsLive.Protocol.Recording;
using EelsLive.Simulation;

namespace EelsLive.Cli.Tests.Monitoring;

/// <summary><c>report --truth</c> reads the simulator's ground truth and says plainly when it was given something else.</summary>
public class SessionTruthReaderTests
{
    [Fact]
    public void The_simulators_truth_file_is_read_with_its_windows()
    {
        using var dir = new TempDir();
        string path = dir.File("truth.json");
        var series = new SimulatedSeries(new SimulationScenario(SimulationPresets.Mil101Fe, 1), new SeriesOptions { SeriesId = "s1", Frames = 10 });
        GroundTruthFile.Write(GroundTruth.For(series, 0.5), path);

        var truth = SessionTruthReader.Read(path);

        Assert.Equal("s1", truth.SeriesId);
        Assert.Equal(["pi_pi", "c_c", "c_o", "m_o"], truth.Windows.Select(w => w.Window));
    }

    [Theory]
    [InlineData("results.jsonl", "{\"series_id\":\"s1\",\"seq\":0,\"windows\":{\"c_o\":{}}}\n{\"series_id\":\"s1\",\"seq\":1,\"windows\":{}}\n", "; it is a results file (monitor or analyze --out), which report takes as its FILE.")]
    [InlineData("results-one-line.jsonl", "{\"series_id\":\"s1\",\"seq\":0,\"windows\":{\"c_o\":{}}}\n", "; it is a results file (monitor or analyze --out), which report takes as its FILE.")]
    [InlineData("other.json", "{\"name\":\"x\"}", ".")]
    [InlineData("broken.json", "{\"windows\": [", ".")]
    [InlineData("empty.json", "", ".")]
    public void Anything_else_is_refused_as_not_a_truth_file_without_naming_dotnet_types(string name, string content, string ending)
    {
        using var dir = new TempDir();
        string path = dir.File(name);
        File.WriteAllText(path, content);

        var ex = Assert.Throws<InvalidDataException>(() => SessionTruthReader.Read(path));

        Assert.Equal($"--truth: '{path}' is not a simulator ground-truth file (the JSON that eelslive-sim --truth writes, or a demo's truth.json){ending}", ex.Message);
    }

    [Fact]
    public void A_recording_given_as_truth_is_named_as_such()
    {
        using var dir = new TempDir();
        string path = dir.File("session.eelsrec");
        new SessionFileWriter(path).Dispose();

        var ex = Assert.Throws<InvalidDataException>(() => SessionTruthReader.Read(path));

        Assert.EndsWith("; it is a session recording, which report takes as its FILE.", ex.Message, StringComparison.Ordinal);
    }
}
