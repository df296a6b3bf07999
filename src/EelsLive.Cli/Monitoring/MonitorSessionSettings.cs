using EelsLive.Engine;

namespace EelsLive.Cli.Monitoring;

/// <summary>Everything one live monitoring run needs: where to listen, what to compute and where the results go.</summary>
internal sealed record MonitorSessionSettings
{
    public required string Endpoint { get; init; }

    public required MonitorOptions Options { get; init; }

    public RunSettings Run { get; init; } = new();

    /// <summary>Written to standard output once the source is connected, e.g. "monitoring tcp://… (Ctrl-C to stop)"; null writes nothing.</summary>
    public string? StartLine { get; init; }

    public string? OutPath { get; init; }

    public string? RecordPath { get; init; }

    /// <summary>Publish results and alarms on this ZeroMQ endpoint (eelslive.result, eelslive.alarm); null publishes none.</summary>
    public string? PublishEndpoint { get; init; }

    /// <summary>Serve the web dashboard on this port of 127.0.0.1 (0 picks a free port); null serves none.</summary>
    public int? HttpPort { get; init; }

    /// <summary>Show the live terminal dashboard (an interactive terminal) instead of the plain summary lines.</summary>
    public bool LiveDashboard { get; init; }

    /// <summary>Print the once-a-second summary line (plain mode).</summary>
    public bool Summary { get; init; } = true;
}
