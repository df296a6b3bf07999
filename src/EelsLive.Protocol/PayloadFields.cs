namespace EelsLive.Protocol;

/// <summary>The raw values read from a payload map, before validation; null means the key was absent.</summary>
internal struct PayloadFields
{
    public long? V;
    public string? SeriesId;
    public long? Seq;
    public double? T;
    public double? ExposureS;
    public long? Channels;
    public double? OffsetEv;
    public double? DispersionEv;
    public bool HasCounts;
    public ReadOnlyMemory<byte> CountsBinary;
    public double[]? CountsArray;
    public string? Dtype;
    public double? DoseEA2;
    public double? BeamCurrentPa;
    public double? IlluminatedAreaA2;
    public double? CumulativeDoseEA2;
    public double? BeamEnergyKv;
    public string? Sample;
    public string? Detector;
    public Dictionary<string, object?>? Meta;
    public long? Frames;
    public string? Reason;
}
