namespace EelsLive.Engine;

/// <summary>Why a live run stopped.</summary>
public enum RunOutcome
{
    /// <summary>The first series ended (<c>--until-end</c>).</summary>
    SeriesEnded,

    /// <summary>No message arrived for the idle timeout.</summary>
    IdleTimeout,

    /// <summary>The operator stopped it (Ctrl-C) or the caller cancelled.</summary>
    Cancelled,

    /// <summary>The source completed (stopped receiving).</summary>
    SourceCompleted,
}
