using EelsLive.Engine;
using EelsLive.Model;

namespace EelsLive.Reports;

/// <summary>How a session report is made: the engine settings for a recording, which models to compare and the figure sizes.</summary>
public sealed record SessionReportOptions
{
    /// <summary>Engine settings used to re-analyse a recording (its <see cref="MonitorOptions.Model"/> is replaced per model run).</summary>
    public MonitorOptions Engine { get; init; } = new();

    /// <summary>The models a recording is analysed with, first one drawn as the main curve; the D50 table lists them all.</summary>
    public IReadOnlyList<ModelKind> Models { get; init; } = [ModelKind.Physics, ModelKind.Classical];

    /// <summary>The integrity threshold θ drawn on the integrity figures.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>The session's ground truth when it is known (a simulated session): drawn on the integrity figures and listed in the D50 table.</summary>
    public SessionTruth? Truth { get; init; }

    /// <summary>How many spectra (at evenly spread doses) the spectra figure overlays.</summary>
    public int SpectraShown { get; init; } = 5;

    /// <summary>Figure width in pixels.</summary>
    public int FigureWidth { get; init; } = 900;

    /// <summary>Figure height in pixels.</summary>
    public int FigureHeight { get; init; } = 520;
}
