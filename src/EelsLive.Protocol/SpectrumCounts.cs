using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace EelsLive.Protocol;

/// <summary>
/// The counts of one spectrum as they came off the wire: either a view of the little-endian
/// <c>bin</c> bytes (no copy) or the numbers of a MessagePack array.
/// </summary>
public readonly struct SpectrumCounts : IEquatable<SpectrumCounts>
{
    private readonly ReadOnlyMemory<byte> _binary;
    private readonly double[]? _values;

    private SpectrumCounts(ReadOnlyMemory<byte> binary, CountsDtype dtype, double[]? values, int length)
    {
        _binary = binary;
        _values = values;
        Dtype = dtype;
        Length = length;
    }

    /// <summary>The element type when <see cref="IsBinary"/>; <see cref="CountsDtype.F64"/> for arrays.</summary>
    public CountsDtype Dtype { get; }

    /// <summary>The number of channels.</summary>
    public int Length { get; }

    /// <summary>True when the counts are a view of <c>bin</c> bytes.</summary>
    public bool IsBinary => _values is null;

    /// <summary>The raw little-endian bytes when <see cref="IsBinary"/>, else empty.</summary>
    public ReadOnlyMemory<byte> Binary => _binary;

    /// <summary>Wraps little-endian bytes without copying them.</summary>
    /// <exception cref="ArgumentException">The byte count is not a whole number of elements.</exception>
    public static SpectrumCounts FromBinary(ReadOnlyMemory<byte> bytes, CountsDtype dtype)
    {
        int size = dtype.ElementSize();
        if (bytes.Length % size != 0)
        {
            throw new ArgumentException($"{bytes.Length} bytes is not a whole number of {dtype.WireName()} elements.", nameof(bytes));
        }

        return new SpectrumCounts(bytes, dtype, null, bytes.Length / size);
    }

    /// <summary>Encodes values as little-endian binary of the given dtype (values are converted, integers rounded).</summary>
    public static SpectrumCounts FromValues(ReadOnlySpan<double> values, CountsDtype dtype)
    {
        var bytes = new byte[values.Length * dtype.ElementSize()];
        var span = bytes.AsSpan();
        for (int i = 0; i < values.Length; i++)
        {
            switch (dtype)
            {
                case CountsDtype.F32: BinaryPrimitives.WriteSingleLittleEndian(span[(i * 4)..], (float)values[i]); break;
                case CountsDtype.F64: BinaryPrimitives.WriteDoubleLittleEndian(span[(i * 8)..], values[i]); break;
                case CountsDtype.U16: BinaryPrimitives.WriteUInt16LittleEndian(span[(i * 2)..], (ushort)Math.Clamp(Math.Round(values[i]), 0, ushort.MaxValue)); break;
                case CountsDtype.U32: BinaryPrimitives.WriteUInt32LittleEndian(span[(i * 4)..], (uint)Math.Clamp(Math.Round(values[i]), 0, uint.MaxValue)); break;
            }
        }

        return new SpectrumCounts(bytes, dtype, null, values.Length);
    }

    /// <summary>Holds the numbers of a MessagePack array (sent as an array, not <c>bin</c>).</summary>
    public static SpectrumCounts FromArray(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new SpectrumCounts(ReadOnlyMemory<byte>.Empty, CountsDtype.F64, values, values.Length);
    }

    /// <summary>The numbers of the array form, or null when <see cref="IsBinary"/>.</summary>
    public ReadOnlySpan<double> ArrayValues => _values;

    /// <summary>The counts as floats without copying, when the data is little-endian <c>f32</c> on a little-endian machine.</summary>
    public bool TryGetFloat32(out ReadOnlySpan<float> values)
    {
        if (_values is null && Dtype == CountsDtype.F32 && BitConverter.IsLittleEndian)
        {
            values = MemoryMarshal.Cast<byte, float>(_binary.Span);
            return true;
        }

        values = default;
        return false;
    }

    /// <summary>The value of channel <paramref name="index"/> as a double.</summary>
    public double this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Length)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            if (_values is not null)
            {
                return _values[index];
            }

            var span = _binary.Span;
            return Dtype switch
            {
                CountsDtype.F32 => BinaryPrimitives.ReadSingleLittleEndian(span[(index * 4)..]),
                CountsDtype.F64 => BinaryPrimitives.ReadDoubleLittleEndian(span[(index * 8)..]),
                CountsDtype.U16 => BinaryPrimitives.ReadUInt16LittleEndian(span[(index * 2)..]),
                _ => BinaryPrimitives.ReadUInt32LittleEndian(span[(index * 4)..]),
            };
        }
    }

    /// <summary>Copies all counts into <paramref name="destination"/> as doubles.</summary>
    public void CopyTo(Span<double> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException("Destination is shorter than the spectrum.", nameof(destination));
        }

        if (_values is not null)
        {
            _values.CopyTo(destination);
            return;
        }

        if (TryGetFloat32(out var floats))
        {
            for (int i = 0; i < floats.Length; i++)
            {
                destination[i] = floats[i];
            }

            return;
        }

        for (int i = 0; i < Length; i++)
        {
            destination[i] = this[i];
        }
    }

    /// <summary>All counts as a new array of doubles.</summary>
    public double[] ToArray()
    {
        var result = new double[Length];
        CopyTo(result);
        return result;
    }

    /// <summary>True when every count is finite (integers always are).</summary>
    public bool AllFinite()
    {
        if (_values is not null)
        {
            return AllFinite(_values);
        }

        switch (Dtype)
        {
            case CountsDtype.F32 when BitConverter.IsLittleEndian:
                return AllFinite(MemoryMarshal.Cast<byte, float>(_binary.Span));
            case CountsDtype.F64 when BitConverter.IsLittleEndian:
                return AllFinite(MemoryMarshal.Cast<byte, double>(_binary.Span));
            case CountsDtype.U16:
            case CountsDtype.U32:
                return true;
            default:
                for (int i = 0; i < Length; i++)
                {
                    if (!double.IsFinite(this[i]))
                    {
                        return false;
                    }
                }

                return true;
        }
    }

    private static bool AllFinite<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // x − x is +0 (all bits clear) for finite x and NaN for ±Inf and NaN. OR-ing the bit patterns keeps any NaN and,
        // unlike a running sum, is not a chain of slow floating-point additions. Vectorised: no branch per value.
        var bits = Vector<byte>.Zero;
        var vectors = MemoryMarshal.Cast<T, Vector<T>>(values);
        foreach (var v in vectors)
        {
            bits |= Vector.AsVectorByte(v - v);
        }

        T tail = T.Zero;
        for (int i = vectors.Length * Vector<T>.Count; i < values.Length; i++)
        {
            tail += values[i] - values[i];
        }

        return bits == Vector<byte>.Zero && tail == T.Zero;
    }

    /// <summary>Value equality over the channel values (not the representation).</summary>
    public bool Equals(SpectrumCounts other)
    {
        if (Length != other.Length)
        {
            return false;
        }

        for (int i = 0; i < Length; i++)
        {
            if (!this[i].Equals(other[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is SpectrumCounts other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Length, Length > 0 ? this[0] : 0d);

    public static bool operator ==(SpectrumCounts left, SpectrumCounts right) => left.Equals(right);

    public static bool operator !=(SpectrumCounts left, SpectrumCounts right) => !left.Equals(right);
}
