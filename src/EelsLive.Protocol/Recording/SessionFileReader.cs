using System.Buffers.Binary;

namespace EelsLive.Protocol.Recording;

/// <summary>
/// Reads a session file record by record. A truncated or corrupt tail (as left by a crash) ends the
/// read cleanly after the last complete record; <see cref="TailState"/> says whether that happened.
/// </summary>
public sealed class SessionFileReader : IDisposable
{
    private readonly Stream _stream;
    private long _validLength;

    /// <summary>Opens a session file; throws <see cref="InvalidDataException"/> when it is not one.</summary>
    public SessionFileReader(string path)
        : this(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 65536))
    {
    }

    /// <summary>Reads a session file from a stream it takes ownership of.</summary>
    public SessionFileReader(Stream stream)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        Span<byte> head = stackalloc byte[8];
        if (_stream.ReadAtLeast(head, 8, throwOnEndOfStream: false) != 8 || !head.SequenceEqual(SessionFileFormat.Magic))
        {
            _stream.Dispose();
            throw new InvalidDataException("Not an EelsLive session file (the first 8 bytes are not \"EELSREC\\x01\").");
        }

        _validLength = 8;
    }

    /// <summary>What ended the read so far: a clean end, a truncated record or a checksum mismatch.</summary>
    public SessionTailState TailState { get; private set; } = SessionTailState.Clean;

    /// <summary>Bytes from the start of the file up to the end of the last complete, valid record read.</summary>
    public long ValidLengthRead => _validLength;

    /// <summary>Reads all complete records of <paramref name="path"/>.</summary>
    public static IEnumerable<RecordedMessage> ReadAll(string path)
    {
        using var reader = new SessionFileReader(path);
        while (reader.TryRead(out var message))
        {
            yield return message;
        }
    }

    /// <summary>The length of the valid prefix of <paramref name="path"/> (magic plus complete records).</summary>
    public static long ValidLength(string path)
    {
        using var reader = new SessionFileReader(path);
        while (reader.TryRead(out _))
        {
        }

        return reader.ValidLengthRead;
    }

    /// <summary>Reads the next complete record; false at the end of the file or at a damaged tail.</summary>
    public bool TryRead(out RecordedMessage message)
    {
        message = null!;
        Span<byte> header = stackalloc byte[SessionFileFormat.RecordHeaderBytes];
        int got = _stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (got == 0)
        {
            return false;
        }

        if (got < header.Length)
        {
            TailState = SessionTailState.Truncated;
            return false;
        }

        uint length = BinaryPrimitives.ReadUInt32LittleEndian(header);
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        if (length < 10 || length > SessionFileFormat.MaxBodyBytes)
        {
            TailState = SessionTailState.Corrupt;
            return false;
        }

        var body = new byte[length];
        if (_stream.ReadAtLeast(body, body.Length, throwOnEndOfStream: false) < body.Length)
        {
            TailState = SessionTailState.Truncated;
            return false;
        }

        if (SessionFileFormat.Crc32C(body) != crc || !TryParseBody(body, out message))
        {
            TailState = SessionTailState.Corrupt;
            return false;
        }

        _validLength += SessionFileFormat.RecordHeaderBytes + length;
        return true;
    }

    private static bool TryParseBody(byte[] body, out RecordedMessage message)
    {
        message = null!;
        double received = BinaryPrimitives.ReadDoubleLittleEndian(body);
        int count = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(8));
        var frames = new byte[count][];
        int offset = 10;
        for (int i = 0; i < count; i++)
        {
            if (offset + 4 > body.Length)
            {
                return false;
            }

            int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(body.AsSpan(offset));
            if (length < 0 || offset + 4 + length > body.Length)
            {
                return false;
            }

            frames[i] = body.AsSpan(offset + 4, length).ToArray();
            offset += 4 + length;
        }

        if (offset != body.Length)
        {
            return false;
        }

        message = new RecordedMessage(received, frames);
        return true;
    }

    public void Dispose() => _stream.Dispose();
}
