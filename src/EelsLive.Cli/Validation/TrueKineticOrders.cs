using EelsLive.Model;
using EelsLive.Simulation;

namespace EelsLive.Cli.Validation;

/// <summary>
/// The simulator's true kinetic order of each window of a preset, as <c>--kinetic-order</c> would give it: order-p windows
/// their order, single-exponential windows p = 1; windows of other families (stretched, two-stage, undamaged) have no
/// order and keep estimating their kinetics.
/// </summary>
internal static class TrueKineticOrders
{
    /// <summary>The known orders of <paramref name="preset"/>'s windows that the engine also has, with <paramref name="uncertainty"/> (0 = exact).</summary>
    public static IReadOnlyList<KnownOrder> Of(SimulationPreset preset, double uncertainty, IReadOnlyCollection<string> engineWindows)
    {
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(engineWindows);
        var orders = new List<KnownOrder>();
        foreach (var window in preset.Windows)
        {
            double? order = window.Kinetics switch
            {
                OrderPKinetics orderP => orderP.Order,
                ExponentialKinetics => 1,
                _ => null,
            };
            if (order is { } p && engineWindows.Contains(window.Window.Name))
            {
                orders.Add(new KnownOrder(window.Window.Name, p, uncertainty));
            }
        }

        return orders;
    }
}
