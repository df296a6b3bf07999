using EelsLive.Model.Physics;
using EelsLive.Model.Tests.Simulation;
using Xunit.Abstractions;

namespace EelsLive.Model.Tests.Physics;

/// <summary>
/// Refits coalesced while frames arrive faster than the model refits: a refit does the optimisation work of every frame
/// added since the previous one (up to <see cref="ModelOptions.MaxFramesPerRefit"/>), so the fit does not lag the data.
/// </summary>
public class CoalescedRefitTests(ITestOutputHelper output)
{
    private static readonly string[] Names = ["pi_pi", "c_c", "c_o", "m_o"];

    [Theory]
    [InlineData(16, new[] { 6, 1, 5, 40, 0 }, new[] { 18, 3, 15, 48, 3 })]
    [InlineData(1, new[] { 6, 1, 5, 40, 0 }, new[] { 3, 3, 3, 3, 3 })]
    public void A_refit_runs_the_iterations_of_every_frame_added_since_the_previous_one_up_to_the_limit(int limit, int[] framesBeforeEachRefit, int[] expectedSteps)
    {
        // Catch-up iterations off, so that only the frame count scales the work.
        var model = new PhysicsDamageModel(Names, new ModelOptions { IterationsPerRefit = 3, MaxFramesPerRefit = limit, CatchUpChiSquare = 1e9 });
        var steps = new List<long>();
        foreach (int frames in framesBeforeEachRefit)
        {
            for (int f = 0; f < frames; f++)
            {
                model.Add(10.0 * (model.FrameCount + 1), [0.01, 0.05, 0.03, 0.04]);
            }

            long before = model.OptimizerSteps;
            model.Refit(10.0 * model.FrameCount);
            steps.Add(model.OptimizerSteps - before);
        }

        Assert.Equal(expectedSteps.Select(s => (long)s), steps);
    }

    [Fact]
    public void With_a_time_budget_that_no_step_fits_a_coalesced_refit_runs_only_its_base_steps()
    {
        var options = new ModelOptions { IterationsPerRefit = 3, CatchUpChiSquare = 1e9, RefitTimeBudget = TimeSpan.FromTicks(1) };
        var model = new PhysicsDamageModel(Names, options);
        var steps = new List<long>();
        foreach (int frames in new[] { 6, 40 })
        {
            for (int f = 0; f < frames; f++)
            {
                model.Add(10.0 * (model.FrameCount + 1), [0.01, 0.05, 0.03, 0.04]);
            }

            long before = model.OptimizerSteps;
            model.Refit(10.0 * model.FrameCount);
            steps.Add(model.OptimizerSteps - before);
        }

        Assert.Equal([3L, 3L], steps);
    }

    [Fact]
    public void Refits_coalesced_sixteen_frames_at_a_time_stay_close_to_refitting_every_frame_where_without_the_extra_work_they_lag()
    {
        var session = SyntheticSession.MixedResponse(IntegrityCurve.SingleExponential(1000), IntegrityCurve.SingleExponential(700), frames: 480);
        var every = Integrities(session, refitEvery: 1, limit: 16);
        var coalesced = Integrities(session, refitEvery: 16, limit: 16);
        var lagging = Integrities(session, refitEvery: 16, limit: 1);
        double Distance(double[] a) => a.Zip(every, (x, y) => Math.Abs(x - y)).Average();
        double Bias(double[] a) => a.Zip(every, (x, y) => x - y).Average();
        output.WriteLine($"mean |ΔI| from refitting every frame: coalesced {Distance(coalesced):F4} (bias {Bias(coalesced):+0.0000;-0.0000}), without the extra work {Distance(lagging):F4} (bias {Bias(lagging):+0.0000;-0.0000})");

        Assert.True(Distance(lagging) > 2 * Distance(coalesced), $"without the extra work {Distance(lagging):F4} against {Distance(coalesced):F4}");
    }

    /// <summary>The C–C and C–O integrity at the current dose at every 16th frame after the first 64.</summary>
    private static double[] Integrities(SyntheticSession session, int refitEvery, int limit)
    {
        var model = new PhysicsDamageModel(session.Names, new ModelOptions { Seed = 1, MaxFramesPerRefit = limit });
        var values = new List<double>();
        int frame = 0;
        foreach (var f in session.Generate(seed: 1))
        {
            model.Add(f.DoseMidEA2, f.Signals);
            frame++;
            if (frame % refitEvery != 0)
            {
                continue;
            }

            var snapshot = model.Refit(f.CumulativeDoseEA2);
            if (frame % 16 == 0 && frame > 64)
            {
                values.Add(snapshot.Find("c_c")!.Integrity);
                values.Add(snapshot.Find("c_o")!.Integrity);
            }
        }

        return [.. values];
    }
}
