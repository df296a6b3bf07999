using System.Globalization;
using EelsLive.Protocol;

namespace EelsLive.Outputs;

/// <summary>
/// Logs rejected messages with their specific reasons, at most <c>linesPerSecond</c> lines a second, so a flood
/// of bad input cannot fill the disk; suppressed lines are counted and reported in the next line written.
/// </summary>
public sealed class RejectionLog
{
    private readonly Action<string> _write;
    private readonly TimeProvider _time;
    private readonly int _linesPerSecond;
    private long _windowStart;
    private int _linesInWindow;
    private long _suppressed;

    /// <summary>Creates a log that hands each line to <paramref name="write"/> (a logger or a text writer).</summary>
    public RejectionLog(Action<string> write, TimeProvider? time = null, int linesPerSecond = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(linesPerSecond, 1);
        _write = write ?? throw new ArgumentNullException(nameof(write));
        _time = time ?? TimeProvider.System;
        _linesPerSecond = linesPerSecond;
        _windowStart = _time.GetTimestamp();
    }

    /// <summary>Lines not written because of the rate limit.</summary>
    public long Suppressed => _suppressed;

    /// <summary>Logs one rejection (or counts it when over the rate limit).</summary>
    public void Log(Rejection rejection, long rejectedTotal)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        if (_time.GetElapsedTime(_windowStart) >= TimeSpan.FromSeconds(1))
        {
            _windowStart = _time.GetTimestamp();
            _linesInWindow = 0;
        }

        if (_linesInWindow >= _linesPerSecond)
        {
            _suppressed++;
            return;
        }

        _linesInWindow++;
        string suppressed = _suppressed > 0
            ? string.Create(CultureInfo.InvariantCulture, $" ({_suppressed} earlier rejections not logged: rate limit)")
            : string.Empty;
        _suppressed = 0;
        _write(string.Create(CultureInfo.InvariantCulture, $"rejected message #{rejectedTotal}: {rejection.Kind}: {rejection.Detail}{suppressed}"));
    }
}
