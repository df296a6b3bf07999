using System.Text.Json;
using EelsLive.Engine;

namespace EelsLive.Outputs;

/// <summary>Appends one JSON object per accepted frame to a JSON Lines file.</summary>
public sealed class JsonLinesWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _writer;

    /// <summary>Creates (or truncates) <paramref name="path"/>.</summary>
    public JsonLinesWriter(string path)
        : this(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16))
    {
    }

    /// <summary>Writes to a stream this writer takes ownership of.</summary>
    public JsonLinesWriter(Stream stream)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        _writer = new Utf8JsonWriter(_stream, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>Lines written so far.</summary>
    public long LinesWritten { get; private set; }

    /// <summary>Writes one line.</summary>
    public void Write(FrameReport report)
    {
        FrameReportJson.Write(_writer, report);
        _writer.Flush();
        _writer.Reset();
        _stream.WriteByte((byte)'\n');
        LinesWritten++;
    }

    /// <summary>Pushes buffered lines to the file.</summary>
    public void Flush() => _stream.Flush();

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }
}
