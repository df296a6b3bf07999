using EelsLive.Engine;

namespace EelsLive.Outputs;

/// <summary>One message of the result stream before encoding: a frame's result, or an alarm change when <see cref="Alarm"/> is set.</summary>
/// <param name="Report">The frame report the message carries.</param>
/// <param name="Alarm">The alarm change, or null for a plain <c>eelslive.result</c>.</param>
public sealed record ResultStreamMessage(FrameReport Report, AlarmChanged? Alarm)
{
    /// <summary><c>eelslive.alarm</c> when this is an alarm change, else <c>eelslive.result</c>.</summary>
    public string Topic => Alarm is null ? ResultStreamTopics.Result : ResultStreamTopics.Alarm;

    /// <summary>A plain result message.</summary>
    public static ResultStreamMessage Result(FrameReport report) => new(report ?? throw new ArgumentNullException(nameof(report)), null);

    /// <summary>An alarm message for <paramref name="alarm"/>.</summary>
    public static ResultStreamMessage AlarmOf(AlarmChanged alarm) => new((alarm ?? throw new ArgumentNullException(nameof(alarm))).Report, alarm);
}
