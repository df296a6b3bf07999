namespace EelsLive.Simulator;

/// <summary>The process exit codes of <c>eelslive-sim</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The run completed.</summary>
    public const int Success = 0;

    /// <summary>Bad option values (System.CommandLine's own code for parse and validation errors).</summary>
    public const int InvalidUsage = 1;

    /// <summary>The endpoint could not be bound or a file could not be read or written.</summary>
    public const int Failure = 2;

    /// <summary>Stopped by Ctrl+C / SIGTERM (the series ended with reason <c>aborted</c>).</summary>
    public const int Aborted = 130;
}
