using System.Buffers;
using System.Buffers.Binary;

namespace EelsLive.Protocol.Recording;

/// <summary>
/// Appends received wire messages to a session file. Each record is written whole and flushed to the OS,
/// so after a crash (even <c>kill -9</c>) the file is readable up to the last complete record.
/// </summary>
public sealed class SessionFileWriter : IDisposable
{
    private readonly FileStream _stream;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private bool _disposed;

    /// <summary>Opens <paramref name="path"/> for appending; writes the magic when the file is new or empty.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a session file.</exception>
    public SessionFileWriter(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1, FileOptions.None);
        if (_stream.Length == 0)
        {
            _stream.Write(SessionFileFormat.Magic);
            _stream.Flush();
        }
        else
        {
            Span<byte> head = stackalloc byte[8];
            _stream.ReadExactly(head);
            if (!head.SequenceEqual(SessionFileFormat.Magic))
            {
                _stream.Dispose();
                throw new InvalidDataException($"'{path}' exists and is not an EelsLive session file; refusing to append to it.");
            }

            _stream.Seek(SessionFileReader.ValidLength(path), SeekOrigin.Begin);
            _stream.SetLength(_stream.Position);
        }
    }

    /// <summary>How many records this writer has appended.</summary>
    public long RecordsWritten { get; private set; }

    /// <summary>Appends one message's raw frames with its receive time.</summary>
    public void Append(double receivedUnixS, IReadOnlyList<ReadOnlyMemory<byte>> frames)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count > SessionFileFormat.MaxFramesPerRecord)
        {
            throw new ArgumentException($"A record holds at most {SessionFileFormat.MaxFramesPerRecord} frames.", nameof(frames));
        }

        int bodyLength = 8 + 2;
        foreach (var frame in frames)
        {
            bodyLength += 4 + frame.Length;
        }

        _buffer.ResetWrittenCount();
        var span = _buffer.GetSpan(SessionFileFormat.RecordHeaderBytes + bodyLength);
        var body = span.Slice(SessionFileFormat.RecordHeaderBytes, bodyLength);
        BinaryPrimitives.WriteDoubleLittleEndian(body, receivedUnixS);
        BinaryPrimitives.WriteUInt16LittleEndian(body[8..], (ushort)frames.Count);
        int offset = 10;
        foreach (var frame in frames)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(body[offset..], (uint)frame.Length);
            frame.Span.CopyTo(body[(offset + 4)..]);
            offset += 4 + frame.Length;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)bodyLength);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], SessionFileFormat.Crc32C(body));
        _stream.Write(span[..(SessionFileFormat.RecordHeaderBytes + bodyLength)]);
        _stream.Flush();
        RecordsWritten++;
    }

    /// <summary>Appends one message given as byte arrays.</summary>
    public void Append(double receivedUnixS, IReadOnlyList<byte[]> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var memories = new ReadOnlyMemory<byte>[frames.Count];
        for (int i = 0; i < frames.Count; i++)
        {
            memories[i] = frames[i];
        }

        Append(receivedUnixS, memories);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stream.Dispose();
    }
}
