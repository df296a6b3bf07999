using EelsLive.Model.Physics;

namespace EelsLive.Model.Tests.Physics;

/// <summary>How many Adam steps a refit runs: the work of the frames it follows, bounded in frames and, live, in time.</summary>
public class RefitWorkTests
{
    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 3)]
    [InlineData(5, 15)]
    [InlineData(16, 48)]
    [InlineData(40, 48)]
    public void Without_a_budget_a_refit_runs_the_base_steps_of_each_new_frame_up_to_the_frame_limit(long frames, int steps)
    {
        var work = new RefitWork(maxFrames: 16, budget: null);
        work.Measured(10, TimeSpan.FromSeconds(1)); // a slow machine changes nothing without a budget
        Assert.Equal(steps, work.Steps(3, frames));
    }

    [Fact]
    public void With_a_budget_a_refit_runs_no_more_steps_than_fit_into_it_at_the_measured_cost_but_never_fewer_than_its_base()
    {
        var work = new RefitWork(maxFrames: 16, budget: TimeSpan.FromMilliseconds(10));
        Assert.Equal(3, work.Steps(3, 16)); // nothing timed yet: only the base steps

        work.Measured(30, TimeSpan.FromMilliseconds(30)); // 1 ms a step
        Assert.Equal(10, work.Steps(3, 16));
        Assert.Equal(6, work.Steps(3, 2));
        Assert.Equal(3, work.Steps(3, 1));
        Assert.Equal(12, work.Steps(12, 16)); // the catch-up base steps are kept even beyond the budget

        work.Measured(10, TimeSpan.FromMilliseconds(40)); // 4 ms a step: the running cost becomes 0.7 × 1 + 0.3 × 4 = 1.9 ms
        Assert.Equal(5, work.Steps(3, 16));
        work.Measured(10, TimeSpan.Zero); // nothing measurable is ignored
        Assert.Equal(5, work.Steps(3, 16));
    }
}
