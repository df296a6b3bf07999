namespace EelsLive.Simulation.Tests;

public class DoseTests
{
    private const double ElementaryCharge = 1.602176634e-19;

    [Fact]
    public void Dropped_frames_still_count_in_the_cumulative_dose()
    {
        const long Frames = 500;
        var series = new SimulatedSeries(
            new SimulationScenario(SimulationPresets.Mil101Fe, 21) { Dose = DoseSettings.PerFrame(3.7, 0.1) },
            new SeriesOptions { Frames = Frames, DropFraction = 0.3 });
        var sent = series.Frames(0).Where(f => !f.Dropped).Select(f => f.Message!).ToList();
        var dropped = series.DroppedSeqs();

        // Binomial(500, 0.3): mean 150, sd ≈ 10.
        Assert.InRange(dropped.Count, 110, 190);
        Assert.Equal(Enumerable.Range(0, (int)Frames).Select(i => (long)i).Except(dropped), sent.Select(m => m.Seq));
        foreach (var frame in sent)
        {
            Assert.Equal((frame.Seq + 1) * 3.7, frame.CumulativeDoseEA2!.Value, 9);
            Assert.Equal(3.7, frame.DoseEA2);
        }
    }

    [Fact]
    public void Beam_current_mode_sends_current_and_area_and_the_matching_cumulative_dose()
    {
        const double Current = 40;
        const double Area = 2.5e5;
        const double Exposure = 0.05;
        var series = new SimulatedSeries(
            new SimulationScenario(SimulationPresets.Control, 2) { Dose = DoseSettings.FromBeamCurrent(Current, Area, Exposure) },
            new SeriesOptions { Frames = 10 });
        double perFrame = Current * 1e-12 * Exposure / (ElementaryCharge * Area);
        foreach (var frame in series.Frames(0).Select(f => f.Message!))
        {
            Assert.Null(frame.DoseEA2);
            Assert.Equal(Current, frame.BeamCurrentPa);
            Assert.Equal(Area, frame.IlluminatedAreaA2);
            Assert.Equal(Exposure, frame.ExposureS);
            Assert.Equal((frame.Seq + 1) * perFrame, frame.CumulativeDoseEA2!.Value, 9);
        }

        var start = series.CreateStart(0);
        Assert.Equal(Current, start.BeamCurrentPa);
        Assert.Equal(Area, start.IlluminatedAreaA2);
    }

    [Fact]
    public void Cumulative_dose_can_be_left_out()
    {
        var series = new SimulatedSeries(new SimulationScenario(SimulationPresets.Control, 2), new SeriesOptions { Frames = 3, IncludeCumulativeDose = false });
        Assert.All(series.Frames(0), f =>
        {
            Assert.Null(f.Message!.CumulativeDoseEA2);
            Assert.NotNull(f.Message.DoseEA2);
        });
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Drop_fraction_outside_zero_to_one_is_rejected(double drop)
    {
        var error = Assert.Throws<ArgumentException>(() => new SimulatedSeries(new SimulationScenario(SimulationPresets.Control, 1), new SeriesOptions { DropFraction = drop }));
        Assert.Contains("[0, 1)", error.Message);
    }
}
