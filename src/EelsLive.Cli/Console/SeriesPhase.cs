namespace EelsLive.Cli.Console;

/// <summary>Where the current series stands, as the dashboard header says it.</summary>
internal enum SeriesPhase
{
    /// <summary>No frame accepted yet in this series.</summary>
    Waiting,

    /// <summary>Frames are arriving.</summary>
    Running,

    /// <summary>The source ended the series.</summary>
    Ended,
}
