namespace EelsLive.Protocol;

/// <summary>The informational <c>eels.start</c> message that opens a series; consumers must work without it.</summary>
public sealed record StartMessage(
    string SeriesId,
    double T,
    double BeamEnergyKv,
    int Channels,
    double OffsetEv,
    double DispersionEv) : WireMessage(SeriesId)
{
    public override string Topic => WireTopics.Start;

    /// <summary>Free-text sample description (optional <c>sample</c>).</summary>
    public string? Sample { get; init; }

    /// <summary>Detector name (optional <c>detector</c>).</summary>
    public string? Detector { get; init; }

    /// <summary>Illuminated area in Å² (optional <c>illuminated_area_a2</c>).</summary>
    public double? IlluminatedAreaA2 { get; init; }

    /// <summary>Beam current in pA (optional <c>beam_current_pa</c>).</summary>
    public double? BeamCurrentPa { get; init; }

    /// <summary>Any further metadata the source sends (optional <c>meta</c> map), decoded with untrusted-data limits.</summary>
    public IReadOnlyDictionary<string, object?>? Meta { get; init; }

    public bool Equals(StartMessage? other) =>
        other is not null && base.Equals(other) && T.Equals(other.T) && BeamEnergyKv.Equals(other.BeamEnergyKv)
        && Channels == other.Channels && OffsetEv.Equals(other.OffsetEv) && DispersionEv.Equals(other.DispersionEv)
        && Sample == other.Sample && Detector == other.Detector && Nullable.Equals(IlluminatedAreaA2, other.IlluminatedAreaA2)
        && Nullable.Equals(BeamCurrentPa, other.BeamCurrentPa) && (Meta?.Count ?? 0) == (other.Meta?.Count ?? 0);

    public override int GetHashCode() => HashCode.Combine(SeriesId, T, Channels);
}
