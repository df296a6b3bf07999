using EelsLive.Protocol;

namespace EelsLive.Simulation.Tests;

public class DeterminismTests
{
    private static List<byte[]> Payloads(int seed, double drop = 0, int frames = 40)
    {
        var series = new SimulatedSeries(
            new SimulationScenario(SimulationPresets.Mil101Fe, seed),
            new SeriesOptions { Frames = frames, DropFraction = drop, StartUnixS = 1_700_000_000 });
        var payloads = new List<byte[]> { WireEncoder.Encode(series.CreateStart(1_700_000_000)) };
        payloads.AddRange(series.Frames(1_700_000_000).Where(f => !f.Dropped).Select(f => WireEncoder.Encode(f.Message!)));
        return payloads;
    }

    [Fact]
    public void Same_seed_gives_byte_identical_payloads()
    {
        var first = Payloads(42);
        var second = Payloads(42);
        Assert.Equal(first.Count, second.Count);
        for (int i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i], second[i]);
        }
    }

    [Fact]
    public void Different_seeds_give_different_counts()
    {
        var a = Payloads(1).Skip(1).ToList();
        var b = Payloads(2).Skip(1).ToList();
        Assert.All(a.Zip(b), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public void Dropping_frames_does_not_change_the_frames_that_are_sent()
    {
        var series = new SimulatedSeries(new SimulationScenario(SimulationPresets.Mil101Fe, 8), new SeriesOptions { Frames = 60, DropFraction = 0.3 });
        var all = new SimulatedSeries(series.Scenario, series.Options with { DropFraction = 0 });
        var sentWithDrop = series.Frames(0).Where(f => !f.Dropped).ToDictionary(f => f.Message!.Seq, f => WireEncoder.Encode(f.Message!));
        var sentWithout = all.Frames(0).ToDictionary(f => f.Message!.Seq, f => WireEncoder.Encode(f.Message!));
        Assert.InRange(sentWithDrop.Count, 20, 59);
        foreach (var (seq, payload) in sentWithDrop)
        {
            Assert.Equal(sentWithout[seq], payload);
        }
    }

    [Fact]
    public void Frame_times_advance_by_the_exposure_from_the_start_time()
    {
        var series = new SimulatedSeries(
            new SimulationScenario(SimulationPresets.Control, 1) { Dose = DoseSettings.PerFrame(1, 0.25) },
            new SeriesOptions { Frames = 5 });
        var times = series.Frames(1000).Select(f => f.Message!.T).ToList();
        Assert.Equal(new[] { 1000, 1000.25, 1000.5, 1000.75, 1001.0 }, times);
        Assert.Equal(1001.25, series.CreateEnd(1000, 5, EndReason.Completed).T);
    }
}
