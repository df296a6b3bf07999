namespace EelsLive.Protocol;

/// <summary>Why a message was rejected: a category for counting and a specific, human-readable detail.</summary>
/// <param name="Kind">The category.</param>
/// <param name="Detail">What exactly was wrong, e.g. "key 'exposure_s' must be > 0, got -0.1".</param>
public sealed record Rejection(RejectionKind Kind, string Detail)
{
    public override string ToString() => $"{Kind}: {Detail}";
}
