using EelsLive.TestSupport;
using EelsLive.Engine;
using EelsLive.Reports.Tests.Support;

namespace EelsLive.Reports.Tests;

public sealed class SpectrumSamplerTests
{
    [Fact]
    public void Keeps_a_bounded_even_sample_with_the_first_and_last_frames()
    {
        var engine = new MonitorEngine(new MonitorOptions { Model = null });
        var sampler = new SpectrumSampler(16);
        for (int seq = 0; seq < 300; seq++)
        {
            foreach (var e in engine.Process(DamageFrames.Wire(DamageFrames.Frame(seq, 1.0))))
            {
                if (e is FrameReported f)
                {
                    sampler.Offer(f.Measurement, f.Report.DoseEA2);
                }
            }
        }

        var samples = sampler.Samples;
        Assert.InRange(samples.Count, 8, 17);
        Assert.Equal(0, samples[0].Seq);
        Assert.Equal(299, samples[^1].Seq);
        Assert.True(samples.Zip(samples.Skip(1)).All(p => p.First.DoseEA2 < p.Second.DoseEA2));

        var chosen = sampler.AtSelectedDoses(5);
        Assert.Equal(5, chosen.Count);
        Assert.Equal(0, chosen[0].Seq);
        Assert.Equal(299, chosen[^1].Seq);
        Assert.Equal(DamageFrames.Channels, chosen[2].Counts.Count);
        Assert.Equal(DamageFrames.Channels, chosen[2].EnergyEv.Count);
    }
}
