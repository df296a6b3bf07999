using EelsLive.Core.Tests.Support;
using EelsLive.Pipeline;
using EelsLive.Protocol;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EelsLive.Core.Tests.Pipeline;

public class DoseAccountantTests
{
    private static DoseStep Step(DoseAccountant accountant, FrameMessage frame, long lost = 0)
    {
        Assert.True(accountant.TryAccount(frame, lost, out var step, out var rejection), rejection?.ToString());
        accountant.Commit(step, frame.T);
        return step;
    }

    [Fact]
    public void Cumulative_dose_wins_over_every_other_source()
    {
        var accountant = new DoseAccountant(configuredRateEA2PerS: 1000);
        var step = Step(accountant, TestFrames.Frame(0, dose: 2.0, cumulative: 7.5, current: 100, area: 1e4));
        Assert.Equal(7.5, step.CumulativeEA2);
        Assert.Equal(DoseSource.Cumulative, step.Source);
        Assert.Equal(2.0, step.FrameDoseEA2);
        Assert.Equal(7.5 - 1.0, step.MidDoseEA2);
        Assert.False(step.Estimated);
    }

    [Fact]
    public void Frame_dose_wins_over_beam_current_and_configured_rate()
    {
        var step = Step(new DoseAccountant(1000), TestFrames.Frame(0, dose: 2.0, current: 100, area: 1e4));
        Assert.Equal(2.0, step.CumulativeEA2);
        Assert.Equal(DoseSource.FrameDose, step.Source);
    }

    [Fact]
    public void Beam_current_with_area_uses_the_protocol_formula()
    {
        var step = Step(new DoseAccountant(1000), TestFrames.Frame(0, dose: null, current: 50, area: 2e4, exposure: 0.2));
        double expected = 50e-12 * 0.2 / (1.602176634e-19 * 2e4);
        Assert.Equal(expected, step.CumulativeEA2, 12);
        Assert.Equal(DoseSource.BeamCurrent, step.Source);
    }

    [Fact]
    public void Configured_rate_is_the_last_resort_and_without_it_the_frame_is_rejected()
    {
        var step = Step(new DoseAccountant(30), TestFrames.Frame(0, dose: null, exposure: 0.5));
        Assert.Equal(15, step.CumulativeEA2, 12);
        Assert.Equal(DoseSource.ConfiguredRate, step.Source);

        Assert.False(new DoseAccountant().TryAccount(TestFrames.Frame(0, dose: null), 0, out _, out var rejection));
        Assert.Equal(RejectionKind.NoDose, rejection!.Kind);
        Assert.Contains("--dose-rate", rejection.Detail);
    }

    [Fact]
    public void Lost_frames_without_cumulative_are_estimated_at_the_current_frames_dose()
    {
        var accountant = new DoseAccountant();
        Step(accountant, TestFrames.Frame(0, dose: 2.0));
        var step = Step(accountant, TestFrames.Frame(4, dose: 3.0), lost: 3);
        Assert.Equal(2.0 + (4 * 3.0), step.CumulativeEA2, 12);
        Assert.True(step.Estimated);

        // The estimate stays flagged until the source's own total resynchronises it.
        Assert.True(Step(accountant, TestFrames.Frame(5, dose: 3.0)).Estimated);
        var synced = Step(accountant, TestFrames.Frame(6, dose: 3.0, cumulative: 20.0));
        Assert.False(synced.Estimated);
        Assert.Equal(20.0, synced.CumulativeEA2);
    }

    [Fact]
    public void A_decreasing_cumulative_total_is_rejected_and_changes_nothing()
    {
        var accountant = new DoseAccountant();
        Step(accountant, TestFrames.Frame(0, cumulative: 10));
        Assert.False(accountant.TryAccount(TestFrames.Frame(1, cumulative: 9), 0, out _, out var rejection));
        Assert.Equal(RejectionKind.DoseDecreased, rejection!.Kind);
        Assert.Equal(10, accountant.CumulativeEA2);
    }

    [Property(MaxTest = 200)]
    public Property Totals_are_exact_under_any_gap_pattern_when_cumulative_is_present()
    {
        var gen = from doses in Gen.ArrayOf(Gen.Choose(1, 1000).Select(x => x / 100.0))
                  from keep in Gen.ArrayOf(Gen.Elements(true, false), doses.Length)
                  where doses.Length > 0
                  select (doses, keep);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (doses, keep) = t;
            var accountant = new DoseAccountant();
            double truth = 0;
            long? last = null;
            for (int seq = 0; seq < doses.Length; seq++)
            {
                truth += doses[seq];
                if (!keep[seq] && seq != doses.Length - 1)
                {
                    continue; // lost in transit
                }

                long lost = last is null ? seq : seq - last.Value - 1;
                var frame = TestFrames.Frame(seq, dose: doses[seq], cumulative: truth);
                if (!accountant.TryAccount(frame, lost, out var step, out _))
                {
                    return false;
                }

                accountant.Commit(step, frame.T);
                last = seq;
                if (Math.Abs(step.CumulativeEA2 - truth) > 1e-9 || step.Estimated)
                {
                    return false;
                }
            }

            return Math.Abs(accountant.CumulativeEA2 - truth) <= 1e-9;
        });
    }

    [Fact]
    public void Dose_rate_follows_the_frame_clock()
    {
        var accountant = new DoseAccountant();
        var first = Step(accountant, TestFrames.Frame(0, dose: 2.0, exposure: 0.5));
        Assert.Equal(4.0, first.RateEA2PerS, 9); // first frame: dose / exposure
        var second = Step(accountant, TestFrames.Frame(1, dose: 2.0, exposure: 0.5));
        Assert.Equal(4.0, second.RateEA2PerS, 9); // Δdose / Δt = 2 / 0.5
    }
}
