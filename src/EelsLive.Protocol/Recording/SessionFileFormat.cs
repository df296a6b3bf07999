using System.Buffers.Binary;
using System.Numerics;

namespace EelsLive.Protocol.Recording;

/// <summary>
/// Constants and checksum of the EelsLive session file (<c>protocols/session-file.md</c>):
/// an 8-byte magic, then length-prefixed, CRC-32C-checksummed records, one per received wire message.
/// </summary>
public static class SessionFileFormat
{
    /// <summary>The first 8 bytes of every session file: "EELSREC" and the format version 1.</summary>
    public static ReadOnlySpan<byte> Magic => "EELSREC\u0001"u8;

    /// <summary>Bytes before a record's body: body length (u32 LE) and CRC-32C of the body (u32 LE).</summary>
    public const int RecordHeaderBytes = 8;

    /// <summary>Largest body a reader accepts; a larger length means a corrupt record.</summary>
    public const int MaxBodyBytes = 64 * 1024 * 1024;

    /// <summary>Most ZeroMQ frames one record may hold.</summary>
    public const int MaxFramesPerRecord = 1024;

    /// <summary>CRC-32C (Castagnoli) of <paramref name="data"/>, hardware-accelerated where available.</summary>
    public static uint Crc32C(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        foreach (byte b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }
}
