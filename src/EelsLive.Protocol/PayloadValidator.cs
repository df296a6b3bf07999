using System.Globalization;
using System.Text;

namespace EelsLive.Protocol;

/// <summary>Checks the fields read from a payload against the v1 contract and builds the typed message.</summary>
internal static class PayloadValidator
{
    public static DecodeResult Validate(MessageKind kind, in PayloadFields f, ProtocolLimits limits)
    {
        if (f.V is null) return Missing(WireKeys.V);
        if (f.V != ProtocolVersion.Current)
        {
            return DecodeResult.Reject(RejectionKind.UnsupportedVersion, $"protocol version v = {f.V} is not supported; this consumer speaks v = {ProtocolVersion.Current}");
        }

        if (f.SeriesId is null) return Missing(WireKeys.SeriesId);
        if (f.SeriesId.Length == 0) return Invalid("key 'series_id' must not be empty");

        return kind switch
        {
            MessageKind.Frame => ValidateFrame(f, limits),
            MessageKind.Start => ValidateStart(f, limits),
            _ => ValidateEnd(f),
        };
    }

    private static DecodeResult ValidateFrame(in PayloadFields f, ProtocolLimits limits)
    {
        if (f.Seq is null) return Missing(WireKeys.Seq);
        if (f.Seq < 0) return Invalid($"key 'seq' must be >= 0, got {f.Seq}");
        if (Require(f.T, WireKeys.T) is { } t) return t;
        if (Require(f.ExposureS, WireKeys.ExposureS) is { } e) return e;
        if (!(f.ExposureS > 0)) return Invalid($"key 'exposure_s' must be > 0, got {Format(f.ExposureS!.Value)}");
        if (Axis(f, limits) is { } axis) return axis;
        if (!f.HasCounts) return Missing(WireKeys.Counts);

        if (Optional(f.DoseEA2, WireKeys.DoseEA2, allowZero: true) is { } d) return d;
        if (Optional(f.BeamCurrentPa, WireKeys.BeamCurrentPa, allowZero: true) is { } c) return c;
        if (Optional(f.IlluminatedAreaA2, WireKeys.IlluminatedAreaA2, allowZero: false) is { } a) return a;
        if (Optional(f.CumulativeDoseEA2, WireKeys.CumulativeDoseEA2, allowZero: true) is { } cd) return cd;

        int channels = (int)f.Channels!.Value;
        SpectrumCounts counts;
        if (f.CountsArray is not null)
        {
            if (f.Dtype is not null && f.Dtype != "f32" && f.Dtype != "f64")
            {
                // dtype only describes bin counts; an array carries its own number types.
                if (!CountsDtypeExtensions.TryParseWireName(Encoding.UTF8.GetBytes(f.Dtype), out _))
                {
                    return Invalid($"key 'dtype' = '{f.Dtype}' is not one of f32, f64, u16, u32");
                }
            }

            if (f.CountsArray.Length != channels)
            {
                return DecodeResult.Reject(RejectionKind.ChannelMismatch, $"'channels' = {channels} but 'counts' holds {f.CountsArray.Length} values");
            }

            counts = SpectrumCounts.FromArray(f.CountsArray);
        }
        else
        {
            var dtype = CountsDtype.F32;
            if (f.Dtype is not null && !CountsDtypeExtensions.TryParseWireName(Encoding.UTF8.GetBytes(f.Dtype), out dtype))
            {
                return Invalid($"key 'dtype' = '{f.Dtype}' is not one of f32, f64, u16, u32");
            }

            long expected = (long)channels * dtype.ElementSize();
            if (f.CountsBinary.Length != expected)
            {
                return DecodeResult.Reject(
                    RejectionKind.ChannelMismatch,
                    $"'channels' = {channels} of {dtype.WireName()} needs {expected} bytes but 'counts' holds {f.CountsBinary.Length}");
            }

            counts = SpectrumCounts.FromBinary(f.CountsBinary, dtype);
        }

        if (!counts.AllFinite())
        {
            int index = FirstNonFinite(counts);
            return DecodeResult.Reject(RejectionKind.NonFiniteCounts, $"counts[{index}] is {Format(counts[index])}; counts must be finite");
        }

        return DecodeResult.Accept(new FrameMessage(
            f.SeriesId!, f.Seq!.Value, f.T!.Value, f.ExposureS!.Value, channels, f.OffsetEv!.Value, f.DispersionEv!.Value, counts)
        {
            DoseEA2 = f.DoseEA2,
            BeamCurrentPa = f.BeamCurrentPa,
            IlluminatedAreaA2 = f.IlluminatedAreaA2,
            CumulativeDoseEA2 = f.CumulativeDoseEA2,
        });
    }

    private static DecodeResult ValidateStart(in PayloadFields f, ProtocolLimits limits)
    {
        if (Require(f.T, WireKeys.T) is { } t) return t;
        if (Require(f.BeamEnergyKv, WireKeys.BeamEnergyKv) is { } kv) return kv;
        if (!(f.BeamEnergyKv > 0)) return Invalid($"key 'beam_energy_kv' must be > 0, got {Format(f.BeamEnergyKv!.Value)}");
        if (Axis(f, limits) is { } axis) return axis;
        if (Optional(f.BeamCurrentPa, WireKeys.BeamCurrentPa, allowZero: true) is { } c) return c;
        if (Optional(f.IlluminatedAreaA2, WireKeys.IlluminatedAreaA2, allowZero: false) is { } a) return a;

        return DecodeResult.Accept(new StartMessage(
            f.SeriesId!, f.T!.Value, f.BeamEnergyKv!.Value, (int)f.Channels!.Value, f.OffsetEv!.Value, f.DispersionEv!.Value)
        {
            Sample = f.Sample,
            Detector = f.Detector,
            BeamCurrentPa = f.BeamCurrentPa,
            IlluminatedAreaA2 = f.IlluminatedAreaA2,
            Meta = f.Meta,
        });
    }

    private static DecodeResult ValidateEnd(in PayloadFields f)
    {
        if (f.Frames is null) return Missing(WireKeys.Frames);
        if (f.Frames < 0) return Invalid($"key 'frames' must be >= 0, got {f.Frames}");
        if (Require(f.T, WireKeys.T) is { } t) return t;
        if (f.Reason is null) return Missing(WireKeys.Reason);
        if (!EndReasonExtensions.TryParseWireName(f.Reason, out var reason))
        {
            return Invalid($"key 'reason' = '{f.Reason}' is not one of completed, aborted, error");
        }

        return DecodeResult.Accept(new EndMessage(f.SeriesId!, f.Frames.Value, f.T!.Value, reason));
    }

    private static DecodeResult? Axis(in PayloadFields f, ProtocolLimits limits)
    {
        if (f.Channels is null) return Missing(WireKeys.Channels);
        if (f.Channels <= 0) return Invalid($"key 'channels' must be > 0, got {f.Channels}");
        if (f.Channels > limits.MaxChannels)
        {
            return DecodeResult.Reject(RejectionKind.TooLarge, $"key 'channels' = {f.Channels} exceeds the limit of {limits.MaxChannels}");
        }

        if (Require(f.OffsetEv, WireKeys.OffsetEv) is { } o) return o;
        if (Require(f.DispersionEv, WireKeys.DispersionEv) is { } d) return d;
        if (!(f.DispersionEv > 0)) return Invalid($"key 'dispersion_ev' must be > 0, got {Format(f.DispersionEv!.Value)}");
        return null;
    }

    private static DecodeResult? Require(double? value, string key)
    {
        if (value is null) return Missing(key);
        if (!double.IsFinite(value.Value)) return Invalid($"key '{key}' must be finite, got {Format(value.Value)}");
        return null;
    }

    private static DecodeResult? Optional(double? value, string key, bool allowZero)
    {
        if (value is null) return null;
        double v = value.Value;
        if (!double.IsFinite(v)) return Invalid($"key '{key}' must be finite, got {Format(v)}");
        if (allowZero ? v < 0 : v <= 0) return Invalid($"key '{key}' must be {(allowZero ? ">= 0" : "> 0")}, got {Format(v)}");
        return null;
    }

    private static int FirstNonFinite(SpectrumCounts counts)
    {
        for (int i = 0; i < counts.Length; i++)
        {
            if (!double.IsFinite(counts[i])) return i;
        }

        return 0;
    }

    private static DecodeResult Missing(string key) => DecodeResult.Reject(RejectionKind.MissingKey, $"required key '{key}' is missing");

    private static DecodeResult Invalid(string detail) => DecodeResult.Reject(RejectionKind.InvalidValue, detail);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
