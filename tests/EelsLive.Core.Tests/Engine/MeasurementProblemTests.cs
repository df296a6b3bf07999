using EelsLive.Core.Tests.Support;
using EelsLive.Engine;
using EelsLive.Pipeline;
using EelsLive.Protocol;

namespace EelsLive.Core.Tests.Engine;

/// <summary>
/// The engine's notice that windows cannot be measured (no zero-loss peak, a window outside the spectrum): a monitor that
/// saw nothing must not look like one that saw no damage.
/// </summary>
public class MeasurementProblemTests
{
    [Fact]
    public void A_core_loss_spectrum_is_announced_once_per_series_as_unnormalisable_with_every_low_loss_window_outside_it()
    {
        var engine = new MonitorEngine(new MonitorOptions());
        var events = new List<PipelineEvent>();
        foreach (var series in new[] { "a", "b" })
        {
            for (var seq = 0; seq < 5; seq++)
            {
                events.AddRange(engine.Process(TestFrames.Wire(CoreLossFrame(series, seq))));
            }
        }

        var problems = events.OfType<MeasurementProblemFound>().ToList();
        Assert.Equal(
            [("a", 0L, MeasurementProblemKind.NoReference), ("a", 0L, MeasurementProblemKind.OutsideSpectrum),
             ("b", 0L, MeasurementProblemKind.NoReference), ("b", 0L, MeasurementProblemKind.OutsideSpectrum)],
            problems.Select(p => (p.Report.SeriesId, p.Report.Seq, p.Kind)));
        var outside = problems[1];
        Assert.Equal(EnergyWindow.Defaults.Select(w => w.Name), outside.Windows.Select(w => w.Window.Name));
        Assert.All(outside.Windows, w => Assert.Equal(0, w.Coverage));
        Assert.Equal(249.95, outside.Spectrum.LoEv, 9);
        Assert.Equal(Normalisation.ZeroLoss, outside.Normalisation);

        // What it costs: no signal, so the model never ran, and the alarm says "ok" about nothing.
        Assert.All(events.OfType<FrameReported>(), f => Assert.All(f.Report.Windows, w => Assert.Null(w.Signal)));
        Assert.Equal(0, engine.Model!.FrameCount);
    }

    [Fact]
    public void A_window_partly_beyond_the_spectrum_is_announced_with_its_coverage_and_a_measurable_series_announces_nothing()
    {
        var windows = new[] { new EnergyWindow("c_c", 4, 7), new EnergyWindow("edge", 40, 50) };
        var engine = new MonitorEngine(new MonitorOptions { Pipeline = new PipelineOptions { Windows = windows }, Model = null });
        var events = Enumerable.Range(0, 5).SelectMany(seq => engine.Process(TestFrames.Wire(TestFrames.Frame(seq)))).ToList();

        var problem = Assert.Single(events.OfType<MeasurementProblemFound>());
        Assert.Equal(MeasurementProblemKind.PartlyOutsideSpectrum, problem.Kind);
        var (window, coverage) = Assert.Single(problem.Windows);
        Assert.Equal("edge", window.Name);
        Assert.Equal((46.15 - 40) / 10, coverage, 4); // the aligned axis moves by the zero-loss fit, far below a channel

        var healthy = new MonitorEngine(new MonitorOptions());
        var quiet = Enumerable.Range(0, 5).SelectMany(seq => healthy.Process(TestFrames.Wire(TestFrames.Frame(seq)))).ToList();
        Assert.Equal(5, quiet.OfType<FrameReported>().Count());
        Assert.DoesNotContain(quiet, e => e is MeasurementProblemFound);
    }

    private static FrameMessage CoreLossFrame(string series, long seq)
    {
        const int channels = 1024;
        var counts = new double[channels];
        for (var i = 0; i < channels; i++)
        {
            var e = 250 + (i * 0.1);
            counts[i] = (2e9 * Math.Pow(e, -3)) + (e >= 284 ? 400 : 0);
        }

        return new FrameMessage(series, seq, 1_700_000_000 + (seq * 0.1), 0.1, channels, 250, 0.1, SpectrumCounts.FromValues(counts, CountsDtype.F32))
        {
            DoseEA2 = 5,
        };
    }
}
