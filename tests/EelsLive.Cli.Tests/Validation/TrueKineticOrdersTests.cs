using EelsLive.Cli.Validation;
using EelsLive.Model;
using EelsLive.Simulation;

namespace EelsLive.Cli.Tests.Validation;

public class TrueKineticOrdersTests
{
    private static readonly string[] DefaultWindows = ["pi_pi", "c_c", "c_o", "m_o"];

    [Fact]
    public void Order_p_windows_get_their_order_and_single_exponential_ones_first_order()
    {
        Assert.Equal(
            [new KnownOrder("pi_pi", 1.5, 0.2), new KnownOrder("c_c", 1.6, 0.2), new KnownOrder("c_o", 1.8, 0.2), new KnownOrder("m_o", 1, 0.2)],
            TrueKineticOrders.Of(SimulationPresets.Mil101Fe, 0.2, DefaultWindows));
        Assert.Equal(["pi_pi", "c_c", "c_o"], TrueKineticOrders.Of(SimulationPresets.Exponential, 0, DefaultWindows).Select(o => o.Window));
        Assert.All(TrueKineticOrders.Of(SimulationPresets.Exponential, 0, DefaultWindows), o => Assert.True(o.Order == 1 && o.IsExact));
    }

    [Fact]
    public void Windows_without_an_order_or_missing_from_the_engine_get_none()
    {
        Assert.Empty(TrueKineticOrders.Of(SimulationPresets.Stretched, 0, DefaultWindows));
        Assert.Empty(TrueKineticOrders.Of(SimulationPresets.TwoStage, 0, DefaultWindows));
        Assert.Empty(TrueKineticOrders.Of(SimulationPresets.Control, 0, DefaultWindows));
        Assert.Equal([new KnownOrder("c_o", 2.5)], TrueKineticOrders.Of(SimulationPresets.OrderP, 0, ["c_o", "m_o"]));
    }
}
