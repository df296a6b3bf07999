using FsCheck;
using FsCheck.Fluent;

namespace EelsLive.Protocol.Tests.Support;

/// <summary>FsCheck generators of valid protocol v1 messages.</summary>
internal static class Gens
{
    public static readonly string[] KnownKeys =
    [
        "v", "series_id", "seq", "t", "exposure_s", "channels", "offset_ev", "dispersion_ev", "counts", "dtype", "dose_e_a2",
        "beam_current_pa", "illuminated_area_a2", "cumulative_dose_e_a2", "beam_energy_kv", "sample", "detector", "meta",
        "frames", "reason",
    ];

    public static Gen<double> Finite { get; } = Gen.Frequency(
        (4, Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 1000.0)),
        (4, Gen.Choose(-1_000_000, 1_000_000).SelectMany(m => Gen.Choose(-300, 300).Select(e => m * Math.Pow(10, e))).Where(double.IsFinite)),
        (1, Gen.Elements(0.0, -0.0, double.Epsilon, double.MaxValue, double.MinValue, 1e-300, 0.1, 1767225600.123456)));

    public static Gen<double> Positive { get; } = Finite.Select(Math.Abs).Where(x => x > 0);

    public static Gen<double> NonNegative { get; } = Finite.Select(Math.Abs);

    public static Gen<double?> OptionalOf(Gen<double> gen) =>
        Gen.Frequency((1, Gen.Constant<double?>(null)), (1, gen.Select(x => (double?)x)));

    public static Gen<string> Text { get; } = Gen.Frequency(
        (6, Gen.Choose(1, 24).SelectMany(n => Gen.ArrayOf(Gen.Choose(32, 126).Select(c => (char)c), n)).Select(cs => new string(cs))),
        (1, Gen.Elements("Série β", "试样-1", "e⁻/Å²", new string('x', 4096), new string('é', 2048))));

    public static Gen<long> Seq { get; } = Gen.Frequency(
        (5, Gen.Choose(0, 1000).Select(i => (long)i)),
        (1, Gen.Elements(0L, 127L, 128L, 255L, 256L, 65535L, 65536L, uint.MaxValue, (long)uint.MaxValue + 1, long.MaxValue)));

    /// <summary>null stands for the MessagePack array form.</summary>
    public static Gen<CountsDtype?> Encoding { get; } = Gen.Elements<CountsDtype?>(CountsDtype.F32, CountsDtype.F64, CountsDtype.U16, CountsDtype.U32, null);

    public static Gen<double> CountValue(CountsDtype? dtype) => dtype switch
    {
        CountsDtype.F32 => Gen.Frequency(
            (5, Gen.Choose(-1000, 1_000_000).Select(i => (double)(float)(i / 7.0))),
            (1, Gen.Elements(0.0, (double)float.MaxValue, (double)float.Epsilon, (double)float.MinValue))),
        CountsDtype.F64 => Finite,
        CountsDtype.U16 => Gen.Choose(0, 65535).Select(i => (double)i),
        CountsDtype.U32 => Gen.Choose(0, 65535).SelectMany(hi => Gen.Choose(0, 65535).Select(lo => (double)(((uint)hi << 16) | (uint)lo))),
        _ => Gen.OneOf(Finite, Gen.Choose(-100_000, 100_000).Select(i => (double)i)),
    };

    public static Gen<SpectrumCounts> Counts(CountsDtype? dtype, int channels) =>
        Gen.ArrayOf(CountValue(dtype), channels).Select(values =>
            dtype is { } d ? SpectrumCounts.FromValues(values, d) : SpectrumCounts.FromArray(values));

    public static Gen<FrameMessage> Frame { get; } =
        from seriesId in Text
        from seq in Seq
        from t in Finite
        from exposure in Positive
        from channels in Gen.Frequency((9, Gen.Choose(1, 64)), (1, Gen.Choose(1, 4096)))
        from offset in Finite
        from dispersion in Positive
        from dtype in Encoding
        from counts in Counts(dtype, channels)
        from dose in OptionalOf(NonNegative)
        from current in OptionalOf(NonNegative)
        from area in OptionalOf(Positive)
        from cumulative in OptionalOf(NonNegative)
        select new FrameMessage(seriesId, seq, t, exposure, channels, offset, dispersion, counts)
        {
            DoseEA2 = dose,
            BeamCurrentPa = current,
            IlluminatedAreaA2 = area,
            CumulativeDoseEA2 = cumulative,
        };

    public static Gen<object?> MetaValue(int depth) => depth <= 0
        ? Scalar
        : Gen.Frequency(
            (6, Scalar),
            (1, Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(MetaValue(depth - 1), n)).Select(a => (object?)a)),
            (1, MetaMap(depth - 1).Select(m => (object?)m)));

    private static Gen<object?> Scalar { get; } = Gen.OneOf(
        Text.Select(s => (object?)s),
        Finite.Select(d => (object?)d),
        Gen.Choose(int.MinValue, int.MaxValue).Select(i => (object?)((long)i * 3)),
        Gen.Elements<object?>(true, false, null, long.MaxValue, long.MinValue, 0L));

    public static Gen<Dictionary<string, object?>> MetaMap(int depth) =>
        Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(Text.SelectMany(k => MetaValue(depth).Select(v => (k, v))), n))
            .Select(pairs => pairs.DistinctBy(p => p.k).ToDictionary(p => p.k, p => p.v));

    public static Gen<StartMessage> Start { get; } =
        from seriesId in Text
        from t in Finite
        from kv in Positive
        from channels in Gen.Choose(1, 65536)
        from offset in Finite
        from dispersion in Positive
        from sample in Gen.Frequency((1, Gen.Constant<string?>(null)), (2, Text.Select(s => (string?)s)))
        from detector in Gen.Frequency((1, Gen.Constant<string?>(null)), (2, Text.Select(s => (string?)s)))
        from area in OptionalOf(Positive)
        from current in OptionalOf(NonNegative)
        from meta in Gen.Frequency((1, Gen.Constant<Dictionary<string, object?>?>(null)), (3, MetaMap(3).Select(m => (Dictionary<string, object?>?)m)))
        select new StartMessage(seriesId, t, kv, channels, offset, dispersion)
        {
            Sample = sample,
            Detector = detector,
            IlluminatedAreaA2 = area,
            BeamCurrentPa = current,
            Meta = meta,
        };

    public static Gen<EndMessage> End { get; } =
        from seriesId in Text
        from frames in Seq
        from t in Finite
        from reason in Gen.Elements(EndReason.Completed, EndReason.Aborted, EndReason.Error)
        select new EndMessage(seriesId, frames, t, reason);

    /// <summary>An unknown key (never one of v1's) and an arbitrary value, nested at most 5 levels.</summary>
    public static Gen<(string Key, object? Value)> UnknownEntry { get; } =
        from key in Text.Where(k => !KnownKeys.Contains(k))
        from value in Gen.Frequency(
            (4, MetaValue(4)),
            (1, Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).Select(b => (object?)b)),
            (1, Gen.Elements<object?>(new Float32(1.5f), ulong.MaxValue, new RawMsgPack([0xd4, 0x07, 0x01]), new RawMsgPack([0xc7, 0x02, 0x09, 0xaa, 0xbb]))))
        select (key, value);

    public static Gen<byte[]> Bytes(int maxLength) =>
        Gen.Choose(0, maxLength).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n));

    /// <summary>The payload of <paramref name="f"/> as an editable map, as an independent encoder would write it.</summary>
    public static Payload ToPayload(FrameMessage f, bool writeDefaultDtype = false)
    {
        var p = new Payload
        {
            { "v", 1 },
            { "series_id", f.SeriesId },
            { "seq", f.Seq },
            { "t", f.T },
            { "exposure_s", f.ExposureS },
            { "channels", f.Channels },
            { "offset_ev", f.OffsetEv },
            { "dispersion_ev", f.DispersionEv },
            { "counts", f.Counts.IsBinary ? f.Counts.Binary.ToArray() : f.Counts.ArrayValues.ToArray() },
        };
        if (f.Counts.IsBinary && (writeDefaultDtype || f.Counts.Dtype != CountsDtype.F32)) p.Add("dtype", f.Counts.Dtype.WireName());
        if (f.DoseEA2 is { } d) p.Add("dose_e_a2", d);
        if (f.BeamCurrentPa is { } c) p.Add("beam_current_pa", c);
        if (f.IlluminatedAreaA2 is { } a) p.Add("illuminated_area_a2", a);
        if (f.CumulativeDoseEA2 is { } cd) p.Add("cumulative_dose_e_a2", cd);
        return p;
    }
}

/// <summary>Arbitraries for [Property(Arbitrary = new[] { typeof(Arbs) })].</summary>
public static class Arbs
{
    public static Arbitrary<FrameMessage> Frame() => Gens.Frame.ToArbitrary();

    public static Arbitrary<StartMessage> Start() => Gens.Start.ToArbitrary();

    public static Arbitrary<EndMessage> End() => Gens.End.ToArbitrary();
}
