using EelsLive.Engine;
using EelsLive.Model;

namespace EelsLive.Reports;

/// <summary>
/// Measures each window's kinetic order from past series of the same material, as <c>--kinetic-order</c> wants it: the
/// median of the orders the series' fits ended on, with their spread as the uncertainty. A series counts for a window
/// only when its fit ended on order-p kinetics at least <see cref="MinimumDoseOverD50"/> × D50 into the damage, because
/// before the tail of the decay is seen one session cannot tell the order (docs/validation.md, "Known kinetic orders").
/// </summary>
public static class KineticOrderSurvey
{
    /// <summary>Fewest counting series for a suggestion: one session's final order can be 0.4–0.8 off on a slow window.</summary>
    public const int DefaultMinimumSeries = 3;

    /// <summary>How far into the damage, in multiples of the window's D50, a series must have gone to count.</summary>
    public const double MinimumDoseOverD50 = 3;

    /// <summary>Smallest uncertainty suggested, however close the series agree.</summary>
    public const double MinimumUncertainty = 0.1;

    /// <summary>Fewer frames than this on order-p kinetics cannot show that an order was held fixed.</summary>
    private const int FramesToJudgeFixedOrder = 10;

    /// <summary>
    /// Measures every window that appears in <paramref name="sessions"/> (each a file's frame reports, possibly of several
    /// series), suggesting an order for windows with at least <paramref name="minimumSeries"/> counting series. A series is
    /// known by its id: when several files hold the same series id, the first counts and the others are listed as duplicates.
    /// </summary>
    public static IReadOnlyList<MeasuredOrder> Measure(IEnumerable<(string Source, IReadOnlyList<FrameReport> Reports)> sessions, int minimumSeries = DefaultMinimumSeries)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumSeries, 1);
        var byWindow = new Dictionary<string, List<SeriesOrder>>(StringComparer.Ordinal);
        var firstSource = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (source, reports) in sessions)
        {
            foreach (var series in reports.GroupBy(r => r.SeriesId, StringComparer.Ordinal))
            {
                // A series given twice (the same file again, or a recording and the recording of its replay) counts once.
                string? duplicate = firstSource.TryAdd(series.Key, source) ? null : $"duplicate of series {series.Key} from {firstSource[series.Key]}: a series counts once";
                var frames = series.ToList();
                var last = frames[^1];
                foreach (var window in last.Windows)
                {
                    if (!byWindow.TryGetValue(window.Name, out var list))
                    {
                        byWindow[window.Name] = list = [];
                    }

                    string? reason = duplicate ?? Disqualification(window, last.DoseEA2, frames);
                    list.Add(new SeriesOrder(source, series.Key, window.Name, reason is null ? window.Kinetics!.Order : null, reason));
                }
            }
        }

        return [.. byWindow.Select(pair => Summarise(pair.Key, pair.Value, minimumSeries))];
    }

    private static MeasuredOrder Summarise(string window, List<SeriesOrder> series, int minimumSeries)
    {
        var measured = new MeasuredOrder(window, series, null);
        var orders = measured.Orders.Order().ToArray();
        if (orders.Length < minimumSeries)
        {
            return measured;
        }

        double median = orders.Length % 2 == 1 ? orders[orders.Length / 2] : 0.5 * (orders[(orders.Length / 2) - 1] + orders[orders.Length / 2]);
        double centre = Math.Clamp(Math.Round(median, 2), 1, KnownOrder.MaxOrder);
        double uncertainty = Math.Min(KnownOrder.MaxUncertainty, Math.Max(MinimumUncertainty, Math.Ceiling((measured.Spread ?? 0) * 100) / 100));
        return measured with { Suggested = new KnownOrder(window, centre, uncertainty) };
    }

    /// <summary>Why a series' final fit of <paramref name="window"/> cannot tell its order, or null when it can.</summary>
    private static string? Disqualification(WindowReport window, double dose, List<FrameReport> frames)
    {
        if (window.Kinetics is not { } law)
        {
            return "no kinetics law in the results (no damage model, or the classical one)";
        }

        if (law.Order is not { } order)
        {
            return law.Beta is { } beta
                ? FormattableString.Invariant($"ended on a stretched exponential (β = {beta:F2}), which has no order")
                : $"ended on the {law.Name} law, which has no order";
        }

        if (window.D50EA2 is not { } d50)
        {
            return "its D50 was not estimable at the end of the series (half integrity not reached, or not yet clearly)";
        }

        if (dose < MinimumDoseOverD50 * d50)
        {
            return FormattableString.Invariant($"reached {dose / d50:F1} × D50, fewer than {MinimumDoseOverD50:0}: the tail of the decay, which tells the order, was not seen");
        }

        var orders = frames
            .Select(f => f.Windows.FirstOrDefault(w => w.Name == window.Name)?.Kinetics?.Order)
            .OfType<double>()
            .ToList();
        if (orders.Count >= FramesToJudgeFixedOrder && orders.All(o => o == order))
        {
            return FormattableString.Invariant($"its order stayed at exactly {order} in every frame: given with --kinetic-order in that run, not measured");
        }

        return null;
    }
}
