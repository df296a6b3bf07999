using EelsLive.Engine;
using EelsLive.Model;

namespace EelsLive.Cli.Console;

/// <summary>What the terminal dashboard needs to know about the run besides its events, and how often it redraws.</summary>
internal sealed record DashboardSettings
{
    /// <summary>Integrity threshold θ the forecasts refer to.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Lead dose L of the alarm (e/Å²).</summary>
    public double LeadDoseEA2 { get; init; } = 200;

    /// <summary>The alarm's probability p: a window warns once P(reaching θ within L) ≥ p, and a warning below it is one held by the alarm's hysteresis.</summary>
    public double AlarmProbability { get; init; } = 0.5;

    /// <summary>The session's dose budget (e/Å²), or null when none is set.</summary>
    public double? BudgetDoseEA2 { get; init; }

    /// <summary>The model's significance gate on a window's signal change (<see cref="ModelOptions.ChangeSignificanceZ"/>): below it integrity is not identified.</summary>
    public double ChangeSignificanceZ { get; init; } = 3;

    /// <summary>False with <c>--model none</c>: no integrity, D50 or forecast will ever appear.</summary>
    public bool ModelRunning { get; init; } = true;

    /// <summary>Kinetic orders given with <c>--kinetic-order</c> (physics model only), shown beside the fitted kinetics.</summary>
    public IReadOnlyList<KnownOrder> KnownOrders { get; init; } = [];

    /// <summary>
    /// Print a line per series start, series end and alarm change (above the live view, or as plain lines); turn off when
    /// the host already writes these lines elsewhere on the same terminal.
    /// </summary>
    public bool EventLines { get; init; } = true;

    /// <summary>Interval between redraws of the live view (at most a few a second).</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Interval between summary lines in plain mode.</summary>
    public TimeSpan SummaryInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>False with <c>--quiet</c>: plain mode prints alarm and series lines but no summary lines.</summary>
    public bool ShowSummary { get; init; } = true;

    /// <summary>The settings for a monitor run with <paramref name="options"/>.</summary>
    public static DashboardSettings For(MonitorOptions options, bool quiet)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DashboardSettings
        {
            Threshold = options.Alarms.Threshold,
            LeadDoseEA2 = options.Alarms.LeadDoseEA2,
            AlarmProbability = options.Alarms.AlarmProbability,
            BudgetDoseEA2 = options.Alarms.BudgetDoseEA2,
            ModelRunning = options.Model is not null,
            ChangeSignificanceZ = options.ModelOptions.ChangeSignificanceZ,
            KnownOrders = options.Model == ModelKind.Physics ? options.ModelOptions.KnownOrders : [],
            ShowSummary = !quiet,
        };
    }
}
