namespace EelsLive.Protocol;

/// <summary>The element type of binary (<c>bin</c>) spectrum counts; always little-endian on the wire.</summary>
public enum CountsDtype
{
    /// <summary>32-bit IEEE float, the default when <c>dtype</c> is absent.</summary>
    F32,

    /// <summary>64-bit IEEE float.</summary>
    F64,

    /// <summary>Unsigned 16-bit integer.</summary>
    U16,

    /// <summary>Unsigned 32-bit integer.</summary>
    U32,
}

/// <summary>Wire names and element sizes of <see cref="CountsDtype"/>.</summary>
public static class CountsDtypeExtensions
{
    /// <summary>The size of one element in bytes.</summary>
    public static int ElementSize(this CountsDtype dtype) => dtype switch
    {
        CountsDtype.F32 => 4,
        CountsDtype.F64 => 8,
        CountsDtype.U16 => 2,
        CountsDtype.U32 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Unknown dtype."),
    };

    /// <summary>The string written in the <c>dtype</c> key.</summary>
    public static string WireName(this CountsDtype dtype) => dtype switch
    {
        CountsDtype.F32 => "f32",
        CountsDtype.F64 => "f64",
        CountsDtype.U16 => "u16",
        CountsDtype.U32 => "u32",
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Unknown dtype."),
    };

    /// <summary>Parses a wire name; false for anything but the four names of v1.</summary>
    public static bool TryParseWireName(ReadOnlySpan<byte> utf8, out CountsDtype dtype)
    {
        dtype = CountsDtype.F32;
        if (utf8.SequenceEqual("f32"u8)) { dtype = CountsDtype.F32; return true; }
        if (utf8.SequenceEqual("f64"u8)) { dtype = CountsDtype.F64; return true; }
        if (utf8.SequenceEqual("u16"u8)) { dtype = CountsDtype.U16; return true; }
        if (utf8.SequenceEqual("u32"u8)) { dtype = CountsDtype.U32; return true; }
        return false;
    }
}
