using System.Net;
using System.Reactive.Concurrency;
using EelsLive.Model;

namespace EelsLive.Web;

/// <summary>Settings of the live web dashboard: where it listens, how often it redraws and what it draws as limits.</summary>
public sealed record DashboardOptions
{
    /// <summary>The address Kestrel binds; loopback by default so the dashboard is not exposed to the network.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>The TCP port; 0 picks any free port (read it back from <see cref="DashboardServer.Address"/>).</summary>
    public int Port { get; init; }

    /// <summary>The most display updates (<c>state</c> and <c>spectrum</c> events) per second; alarms are never delayed.</summary>
    public double MaxDisplayRateHz { get; init; } = 10;

    /// <summary>The integrity threshold θ drawn as a line on the integrity plots.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>The operator's dose budget in e/Å², shown next to the budget bar; null when none was set.</summary>
    public double? DoseBudgetEA2 { get; init; }

    /// <summary>Kinetic orders given with <c>--kinetic-order</c>, shown beside each window's fitted kinetics; empty when none were given.</summary>
    public IReadOnlyList<KnownOrder> KnownOrders { get; init; } = [];

    /// <summary>The most points kept per plotted curve; older points are thinned evenly in dose beyond this.</summary>
    public int HistoryCapacity { get; init; } = 2000;

    /// <summary>The scheduler that paces display updates (virtual time in tests).</summary>
    public IScheduler Scheduler { get; init; } = DefaultScheduler.Instance;

    /// <summary>The clock used for frames per second.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public DashboardOptions Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"--http port {Port} is outside 0..65535.");
        }

        if (!(MaxDisplayRateHz > 0) || !double.IsFinite(MaxDisplayRateHz))
        {
            throw new ArgumentException("the dashboard's display rate must be a finite number of updates per second > 0.");
        }

        if (!double.IsFinite(Threshold))
        {
            throw new ArgumentException("the dashboard's integrity threshold must be finite.");
        }

        if (DoseBudgetEA2 is { } budget && !(budget > 0))
        {
            throw new ArgumentException("the dose budget must be > 0 e/Å².");
        }

        if (HistoryCapacity < 16)
        {
            throw new ArgumentException("the dashboard keeps at least 16 history points per curve.");
        }

        ArgumentNullException.ThrowIfNull(BindAddress);
        ArgumentNullException.ThrowIfNull(KnownOrders);
        ArgumentNullException.ThrowIfNull(Scheduler);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        return this;
    }
}
