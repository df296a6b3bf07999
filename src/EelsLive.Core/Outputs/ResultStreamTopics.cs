namespace EelsLive.Outputs;

/// <summary>The ZeroMQ topics, prefix and default endpoint of the monitor's own result stream (protocols/results-stream-v1.md).</summary>
public static class ResultStreamTopics
{
    /// <summary>The subscription prefix shared by every result-stream topic.</summary>
    public const string Prefix = "eelslive.";

    /// <summary>Topic of the latest frame report, throttled to a few per second.</summary>
    public const string Result = "eelslive.result";

    /// <summary>Topic of an alarm change, sent at once on every change of the alarm or budget state.</summary>
    public const string Alarm = "eelslive.alarm";

    /// <summary>The endpoint the monitor binds by default (this PC only).</summary>
    public const string DefaultEndpoint = "tcp://127.0.0.1:5557";

    /// <summary>The payload version carried in every message's <c>v</c> key.</summary>
    public const int Version = 1;
}
