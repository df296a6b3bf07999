using EelsLive.Protocol;

namespace EelsLive.Simulation;

/// <summary>How a simulated series is framed on the wire: its id, length, transit loss and which dose fields are sent.</summary>
public sealed record SeriesOptions
{
    /// <summary>The series id of every message. Default <c>sim</c>.</summary>
    public string SeriesId { get; init; } = "sim";

    /// <summary>Number of frames (sequence numbers 0 … Frames − 1). Default 1000.</summary>
    public long Frames { get; init; } = 1000;

    /// <summary>Fraction of sequence numbers, in [0, 1), that are not sent (imitating transit loss). Default 0.</summary>
    public double DropFraction { get; init; }

    /// <summary>Whether frames carry <c>cumulative_dose_e_a2</c> (the true running total, skipped frames included). Default true.</summary>
    public bool IncludeCumulativeDose { get; init; } = true;

    /// <summary>Unix time of the first exposure; null to take the publisher's clock at the start of the run.</summary>
    public double? StartUnixS { get; init; }

    /// <summary>Detector name sent in <c>eels.start</c>. Default <c>eelslive-sim</c>.</summary>
    public string Detector { get; init; } = "eelslive-sim";

    /// <summary>Checks every value, naming the offending one.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrEmpty(SeriesId))
        {
            throw new ArgumentException("series id must not be empty.", nameof(SeriesId));
        }

        if (System.Text.Encoding.UTF8.GetByteCount(SeriesId) > ProtocolLimits.Default.MaxStringBytes)
        {
            throw new ArgumentException($"series id must be at most {ProtocolLimits.Default.MaxStringBytes} UTF-8 bytes.", nameof(SeriesId));
        }

        if (Frames < 0)
        {
            throw new ArgumentException("frames must be ≥ 0.", nameof(Frames));
        }

        if (!(DropFraction >= 0 && DropFraction < 1))
        {
            throw new ArgumentException("drop fraction must be in [0, 1).", nameof(DropFraction));
        }

        if (StartUnixS is { } start && !double.IsFinite(start))
        {
            throw new ArgumentException("start time must be finite.", nameof(StartUnixS));
        }
    }
}
