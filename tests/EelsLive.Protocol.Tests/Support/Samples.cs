using System.Buffers.Binary;

namespace EelsLive.Protocol.Tests.Support;

/// <summary>Small valid payloads to mutate, and helpers to encode counts by hand.</summary>
internal static class Samples
{
    public const double T0 = 1767225600.25;

    public static byte[] F32(params float[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        return bytes;
    }

    public static byte[] F64(params double[] values)
    {
        var bytes = new byte[values.Length * 8];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * 8), values[i]);
        return bytes;
    }

    public static byte[] U16(params ushort[] values)
    {
        var bytes = new byte[values.Length * 2];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), values[i]);
        return bytes;
    }

    public static byte[] U32(params uint[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), values[i]);
        return bytes;
    }

    public static Payload Frame() => new()
    {
        { "v", 1 },
        { "series_id", "s-1" },
        { "seq", 0 },
        { "t", T0 },
        { "exposure_s", 0.1 },
        { "channels", 4 },
        { "offset_ev", 280.0 },
        { "dispersion_ev", 0.25 },
        { "counts", F32(1f, 2f, 3f, 4f) },
        { "dose_e_a2", 2.0 },
    };

    public static Payload Start() => new()
    {
        { "v", 1 },
        { "series_id", "s-1" },
        { "t", T0 },
        { "beam_energy_kv", 200.0 },
        { "channels", 4 },
        { "offset_ev", 280.0 },
        { "dispersion_ev", 0.25 },
        { "sample", "BN" },
        { "detector", "sim" },
        { "illuminated_area_a2", 1e6 },
        { "beam_current_pa", 50.0 },
        { "meta", new Payload { { "operator", "x" }, { "n", 3 }, { "tags", new object?[] { "a", 1.5, true, null } } } },
    };

    public static Payload End() => new()
    {
        { "v", 1 },
        { "series_id", "s-1" },
        { "frames", 10 },
        { "t", T0 + 1 },
        { "reason", "completed" },
    };

    public static Payload For(string topic) => topic switch
    {
        WireTopics.Frame => Frame(),
        WireTopics.Start => Start(),
        WireTopics.End => End(),
        _ => throw new ArgumentOutOfRangeException(nameof(topic)),
    };

    /// <summary>An array nested <paramref name="levels"/> deep around an empty innermost array.</summary>
    public static object?[] Nested(int levels)
    {
        object?[] value = [];
        for (int i = 1; i < levels; i++) value = [value];
        return value;
    }
}
