using EelsLive.Model;

namespace EelsLive.Reports;

/// <summary>One window's kinetic order measured over past series of the same material, and the order to give next time.</summary>
/// <param name="Window">The window.</param>
/// <param name="Series">Every series' final order or the reason it does not count, in the order read.</param>
/// <param name="Suggested">The median order with the spread (at least <see cref="KineticOrderSurvey.MinimumUncertainty"/>) as its
/// uncertainty, for <c>--kinetic-order</c>; null when too few series count.</param>
public sealed record MeasuredOrder(string Window, IReadOnlyList<SeriesOrder> Series, KnownOrder? Suggested)
{
    /// <summary>The orders of the series that count.</summary>
    public IReadOnlyList<double> Orders => [.. Series.Where(s => s.Order is not null).Select(s => s.Order!.Value)];

    /// <summary>The sample standard deviation of <see cref="Orders"/>, or null with fewer than two.</summary>
    public double? Spread
    {
        get
        {
            var orders = Orders;
            if (orders.Count < 2)
            {
                return null;
            }

            double mean = orders.Average();
            return Math.Sqrt(orders.Sum(o => (o - mean) * (o - mean)) / (orders.Count - 1));
        }
    }
}
