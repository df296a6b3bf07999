namespace EelsLive.Protocol;

/// <summary>The map keys of protocol v1 payloads, exactly as they appear on the wire.</summary>
public static class WireKeys
{
    public const string V = "v";
    public const string SeriesId = "series_id";
    public const string Seq = "seq";
    public const string T = "t";
    public const string ExposureS = "exposure_s";
    public const string Channels = "channels";
    public const string OffsetEv = "offset_ev";
    public const string DispersionEv = "dispersion_ev";
    public const string Counts = "counts";
    public const string Dtype = "dtype";
    public const string DoseEA2 = "dose_e_a2";
    public const string BeamCurrentPa = "beam_current_pa";
    public const string IlluminatedAreaA2 = "illuminated_area_a2";
    public const string CumulativeDoseEA2 = "cumulative_dose_e_a2";
    public const string BeamEnergyKv = "beam_energy_kv";
    public const string Sample = "sample";
    public const string Detector = "detector";
    public const string Meta = "meta";
    public const string Frames = "frames";
    public const string Reason = "reason";
}
