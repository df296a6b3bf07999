using System.Buffers.Binary;
using MessagePack;

namespace EelsLive.Protocol;

/// <summary>
/// A forward-only, bounds-checked MessagePack reader over one contiguous payload, for the decoder's hot path. Every
/// length is checked against the bytes that remain before it is used, so a hostile header can neither read past the
/// payload nor make the caller loop or allocate beyond it. Malformed bytes throw <see cref="MalformedMessagePackException"/>.
/// </summary>
internal ref struct MessagePackSpanReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private int _position;

    public MessagePackSpanReader(ReadOnlySpan<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    /// <summary>True when every byte has been read.</summary>
    public readonly bool End => _position >= _buffer.Length;

    /// <summary>Bytes read so far.</summary>
    public readonly int Consumed => _position;

    /// <summary>Bytes not yet read.</summary>
    public readonly int Remaining => _buffer.Length - _position;

    /// <summary>The code byte of the next value.</summary>
    public readonly byte NextCode => End ? throw Truncated() : _buffer[_position];

    /// <summary>The type of the next value, named as MessagePack-CSharp names it.</summary>
    public readonly MessagePackType NextType => TypeOf(NextCode);

    /// <summary>The MessagePack type a code byte starts.</summary>
    public static MessagePackType TypeOf(byte code) => (MessagePackType)TypeByCode[code];

    /// <summary>The type of every code byte, looked up rather than branched on: the decoder asks for each value.</summary>
    private static ReadOnlySpan<byte> TypeByCode => TypeTable.Bytes;

    private static class TypeTable
    {
        public static readonly byte[] Bytes = Build();

        private static byte[] Build()
        {
            var table = new byte[256];
            for (int code = 0; code < 256; code++)
            {
                table[code] = (byte)Classify((byte)code);
            }

            return table;
        }

        private static MessagePackType Classify(byte code) => code switch
        {
            <= 0x7f => MessagePackType.Integer,
            <= 0x8f => MessagePackType.Map,
            <= 0x9f => MessagePackType.Array,
            <= 0xbf => MessagePackType.String,
            0xc0 => MessagePackType.Nil,
            0xc1 => MessagePackType.Unknown,
            0xc2 or 0xc3 => MessagePackType.Boolean,
            0xc4 or 0xc5 or 0xc6 => MessagePackType.Binary,
            0xc7 or 0xc8 or 0xc9 => MessagePackType.Extension,
            0xca or 0xcb => MessagePackType.Float,
            >= 0xcc and <= 0xd3 => MessagePackType.Integer,
            >= 0xd4 and <= 0xd8 => MessagePackType.Extension,
            0xd9 or 0xda or 0xdb => MessagePackType.String,
            0xdc or 0xdd => MessagePackType.Array,
            0xde or 0xdf => MessagePackType.Map,
            _ => MessagePackType.Integer, // 0xe0..0xff: negative fixint
        };
    }

    /// <summary>Reads nil and returns true, or returns false and reads nothing.</summary>
    public bool TryReadNil()
    {
        if (NextCode != 0xc0)
        {
            return false;
        }

        _position++;
        return true;
    }

    /// <summary>Reads a map header; the entry count is checked against the bytes left (two bytes at least per entry).</summary>
    public int ReadMapHeader()
    {
        byte code = ReadCode();
        uint count = code switch
        {
            >= 0x80 and <= 0x8f => (uint)(code & 0x0f),
            0xde => ReadUInt16(),
            0xdf => ReadUInt32(),
            _ => throw Unexpected(code, "a map"),
        };
        return CheckCount(count, bytesPerItem: 2);
    }

    /// <summary>Reads an array header; the item count is checked against the bytes left (one byte at least per item).</summary>
    public int ReadArrayHeader()
    {
        byte code = ReadCode();
        uint count = code switch
        {
            >= 0x90 and <= 0x9f => (uint)(code & 0x0f),
            0xdc => ReadUInt16(),
            0xdd => ReadUInt32(),
            _ => throw Unexpected(code, "an array"),
        };
        return CheckCount(count, bytesPerItem: 1);
    }

    /// <summary>Reads a string's UTF-8 bytes as a view of the payload (not decoded, not copied).</summary>
    public ReadOnlySpan<byte> ReadStringBytes()
    {
        byte code = ReadCode();
        uint length = code switch
        {
            >= 0xa0 and <= 0xbf => (uint)(code & 0x1f),
            0xd9 => ReadByte(),
            0xda => ReadUInt16(),
            0xdb => ReadUInt32(),
            _ => throw Unexpected(code, "a string"),
        };
        return Take(length);
    }

    /// <summary>Reads a <c>bin</c> value and returns where its bytes start in the payload and how many there are.</summary>
    public (int Start, int Length) ReadBinaryRange()
    {
        byte code = ReadCode();
        uint length = code switch
        {
            0xc4 => ReadByte(),
            0xc5 => ReadUInt16(),
            0xc6 => ReadUInt32(),
            _ => throw Unexpected(code, "bin"),
        };
        int start = _position;
        Take(length);
        return (start, (int)length);
    }

    /// <summary>Reads any integer as a signed 64-bit value; a uint64 above <see cref="long.MaxValue"/> throws <see cref="OverflowException"/>.</summary>
    public long ReadInt64()
    {
        byte code = ReadCode();
        return code switch
        {
            <= 0x7f => code,
            >= 0xe0 => (sbyte)code,
            0xcc => ReadByte(),
            0xcd => ReadUInt16(),
            0xce => ReadUInt32(),
            0xcf => checked((long)BinaryPrimitives.ReadUInt64BigEndian(Take(8))),
            0xd0 => (sbyte)ReadByte(),
            0xd1 => BinaryPrimitives.ReadInt16BigEndian(Take(2)),
            0xd2 => BinaryPrimitives.ReadInt32BigEndian(Take(4)),
            0xd3 => BinaryPrimitives.ReadInt64BigEndian(Take(8)),
            _ => throw Unexpected(code, "an integer"),
        };
    }

    /// <summary>Reads a uint64 value (code 0xcf).</summary>
    public ulong ReadUInt64()
    {
        byte code = ReadCode();
        return code == 0xcf ? BinaryPrimitives.ReadUInt64BigEndian(Take(8)) : throw Unexpected(code, "a uint64");
    }

    /// <summary>Reads a float or an integer as a double.</summary>
    public double ReadDouble()
    {
        byte code = NextCode;
        switch (code)
        {
            case 0xca:
                _position++;
                return BinaryPrimitives.ReadSingleBigEndian(Take(4));
            case 0xcb:
                _position++;
                return BinaryPrimitives.ReadDoubleBigEndian(Take(8));
            case 0xcf:
                return ReadUInt64();
            default:
                return ReadInt64();
        }
    }

    /// <summary>Skips one value that is not a map or an array (containers are walked by the caller, which bounds their depth).</summary>
    public void SkipScalar()
    {
        byte code = ReadCode();
        uint length = code switch
        {
            <= 0x7f or >= 0xe0 or 0xc0 or 0xc2 or 0xc3 => 0,
            >= 0xa0 and <= 0xbf => (uint)(code & 0x1f),
            0xcc or 0xd0 => 1,
            0xcd or 0xd1 => 2,
            0xca or 0xce or 0xd2 => 4,
            0xcb or 0xcf or 0xd3 => 8,
            0xd4 => 2,
            0xd5 => 3,
            0xd6 => 5,
            0xd7 => 9,
            0xd8 => 17,
            0xc4 or 0xd9 => ReadByte(),
            0xc5 or 0xda => ReadUInt16(),
            0xc6 or 0xdb => ReadUInt32(),
            0xc7 => AfterExtensionType(ReadByte()),
            0xc8 => AfterExtensionType(ReadUInt16()),
            0xc9 => AfterExtensionType(ReadUInt32()),
            _ => throw Unexpected(code, "a scalar value"),
        };
        Take(length);
    }

    /// <summary>Moves past <paramref name="bytes"/> bytes that another reader has consumed.</summary>
    public void Advance(int bytes) => Take((uint)bytes);

    private byte ReadCode() => End ? throw Truncated() : _buffer[_position++];

    private byte ReadByte() => Take(1)[0];

    private ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    private uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    /// <summary>Skips an extension's type byte (it follows the length) and returns the length of its data.</summary>
    private uint AfterExtensionType(uint length)
    {
        Take(1);
        return length;
    }

    private ReadOnlySpan<byte> Take(uint length)
    {
        if (length > (uint)Remaining)
        {
            throw Truncated();
        }

        var span = _buffer.Slice(_position, (int)length);
        _position += (int)length;
        return span;
    }

    private readonly int CheckCount(uint count, int bytesPerItem)
    {
        if (count > (uint)(Remaining / bytesPerItem))
        {
            throw new MalformedMessagePackException($"a header claims {count} entries but only {Remaining} bytes remain");
        }

        return (int)count;
    }

    private readonly MalformedMessagePackException Truncated() =>
        new($"the payload ends early (at byte {_position} of {_buffer.Length})");

    private readonly MalformedMessagePackException Unexpected(byte code, string expected) =>
        new($"expected {expected} at byte {_position - 1}, found code 0x{code:X2}");
}
