namespace EelsLive.Simulation;

/// <summary>The energy axis of a spectrum: channel i is centred on E_i = offset + i·dispersion and spans [E_i − d/2, E_i + d/2).</summary>
public sealed record EnergyAxis
{
    /// <summary>Creates an axis, checking that it is non-empty with a positive dispersion.</summary>
    public EnergyAxis(int channels, double offsetEv, double dispersionEv)
    {
        if (channels <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "channels must be > 0.");
        }

        if (!double.IsFinite(offsetEv))
        {
            throw new ArgumentOutOfRangeException(nameof(offsetEv), offsetEv, "offsetEv must be finite.");
        }

        if (!(dispersionEv > 0) || !double.IsFinite(dispersionEv))
        {
            throw new ArgumentOutOfRangeException(nameof(dispersionEv), dispersionEv, "dispersionEv must be a finite number > 0.");
        }

        Channels = channels;
        OffsetEv = offsetEv;
        DispersionEv = dispersionEv;
    }

    /// <summary>The default low-loss axis: 2048 channels of 0.05 eV from −5 eV (about −5 … 97 eV).</summary>
    public static EnergyAxis Default { get; } = new(2048, -5.0, 0.05);

    /// <summary>Number of channels.</summary>
    public int Channels { get; }

    /// <summary>Energy of the centre of channel 0, in eV.</summary>
    public double OffsetEv { get; }

    /// <summary>Energy width of one channel, in eV.</summary>
    public double DispersionEv { get; }

    /// <summary>The centre energy of channel <paramref name="index"/>.</summary>
    public double CentreEv(int index) => OffsetEv + index * DispersionEv;

    /// <summary>The lower edge of the first channel.</summary>
    public double LowEdgeEv => OffsetEv - 0.5 * DispersionEv;

    /// <summary>The upper edge of the last channel.</summary>
    public double HighEdgeEv => OffsetEv + (Channels - 0.5) * DispersionEv;
}
