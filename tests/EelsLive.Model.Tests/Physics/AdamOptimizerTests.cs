using EelsLive.Model.Physics;

namespace EelsLive.Model.Tests.Physics;

public class AdamOptimizerTests
{
    private static readonly double[] Lower = [-10, -10];
    private static readonly double[] Upper = [10, 10];

    [Fact]
    public void Exchanged_moments_keep_moving_the_parameters_they_came_with()
    {
        // a has momentum pushing parameter 0 down; b has none. After the exchange a zero-gradient step moves b's
        // parameter 0 and leaves a's where it was; parameter 1 (not exchanged) keeps a's momentum.
        var a = new AdamOptimizer(2, 0.1);
        var b = new AdamOptimizer(2, 0.1);
        var pa = new double[2];
        var pb = new double[2];
        a.Step(pa, [1, 1], Lower, Upper);
        b.Step(pb, [0, 0], Lower, Upper);
        a.ExchangeMoments(b, 0, 1);

        var beforeA = (double[])pa.Clone();
        var beforeB = (double[])pb.Clone();
        a.Step(pa, [0, 0], Lower, Upper);
        b.Step(pb, [0, 0], Lower, Upper);
        Assert.Equal(beforeA[0], pa[0]);
        Assert.True(pb[0] < beforeB[0], "b took over a's momentum on parameter 0");
        Assert.True(pa[1] < beforeA[1], "a keeps its momentum on parameter 1");
        Assert.Equal(beforeB[1], pb[1]);
    }

    [Fact]
    public void Copied_moments_make_the_same_step_as_the_original()
    {
        var source = new AdamOptimizer(2, 0.1);
        var copy = new AdamOptimizer(2, 0.1);
        var ps = new double[2];
        var pc = new double[2];
        source.Step(ps, [0.3, -2], Lower, Upper);
        copy.Step(pc, [5, 5], Lower, Upper);
        source.CopyMomentsTo(copy, 0, 2);
        Array.Copy(ps, pc, 2);

        source.Step(ps, [0.1, 0.4], Lower, Upper);
        copy.Step(pc, [0.1, 0.4], Lower, Upper);
        Assert.Equal(ps, pc);
    }
}
