using System.Buffers;
using System.Text;
using MessagePack;

namespace EelsLive.Protocol;

/// <summary>
/// Decodes and validates protocol v1 messages. Every rejection carries a specific reason; no exception
/// escapes to the caller. <c>bin</c> counts are returned as a view of the payload, not a copy. An instance remembers the
/// last series id to avoid re-decoding it for every frame, so use one decoder per thread.
/// </summary>
public sealed class WireDecoder
{
    private const int MaxSkipDepth = 16;

    private static readonly MessagePackSerializerOptions UntrustedOptions = MessagePackSerializerOptions.Standard
        .WithSecurity(MessagePackSecurity.UntrustedData.WithMaximumObjectGraphDepth(MaxSkipDepth));

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ProtocolLimits _limits;
    private byte[] _lastSeriesIdBytes = [];
    private string? _lastSeriesId;

    /// <summary>Creates a decoder that enforces <paramref name="limits"/> (default limits when null).</summary>
    public WireDecoder(ProtocolLimits? limits = null) => _limits = limits ?? ProtocolLimits.Default;

    /// <summary>The limits this decoder enforces.</summary>
    public ProtocolLimits Limits => _limits;

    /// <summary>Decodes a whole ZeroMQ message given as its frames; v1 messages have exactly two.</summary>
    public DecodeResult Decode(IReadOnlyList<ReadOnlyMemory<byte>> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count != 2)
        {
            return DecodeResult.Reject(RejectionKind.WrongFrameCount, $"a v1 message has exactly 2 frames [topic, payload], got {frames.Count}");
        }

        return Decode(frames[0].Span, frames[1]);
    }

    /// <summary>Decodes one message from its topic bytes (UTF-8) and its payload.</summary>
    public DecodeResult Decode(ReadOnlySpan<byte> topic, ReadOnlyMemory<byte> payload)
    {
        MessageKind kind;
        if (topic.SequenceEqual("eels.frame"u8)) kind = MessageKind.Frame;
        else if (topic.SequenceEqual("eels.start"u8)) kind = MessageKind.Start;
        else if (topic.SequenceEqual("eels.end"u8)) kind = MessageKind.End;
        else return DecodeResult.Reject(RejectionKind.UnknownTopic, $"unknown topic '{Printable(topic)}'; expected eels.start, eels.frame or eels.end");

        if (payload.Length > _limits.MaxPayloadBytes)
        {
            return DecodeResult.Reject(RejectionKind.TooLarge, $"payload of {payload.Length} bytes exceeds the limit of {_limits.MaxPayloadBytes}");
        }

        PayloadFields fields;
        try
        {
            var reader = new MessagePackSpanReader(payload.Span);
            var rejection = ReadMap(ref reader, payload, out fields);
            if (rejection is not null)
            {
                return rejection;
            }

            if (!reader.End)
            {
                return DecodeResult.Reject(RejectionKind.NotMessagePack, "trailing bytes after the payload map");
            }
        }
        catch (Exception ex) when (ex is MalformedMessagePackException or MessagePackSerializationException or EndOfStreamException or InvalidOperationException or OverflowException or ArgumentException or DecoderFallbackException)
        {
            return DecodeResult.Reject(RejectionKind.NotMessagePack, $"payload is not valid MessagePack: {ex.Message}");
        }

        return PayloadValidator.Validate(kind, fields, _limits);
    }

    /// <summary>Decodes one message from its topic string and payload.</summary>
    public DecodeResult Decode(string topic, ReadOnlyMemory<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return Decode(Encoding.UTF8.GetBytes(topic), payload);
    }

    private Rejection? ReadMap(ref MessagePackSpanReader reader, ReadOnlyMemory<byte> payload, out PayloadFields fields)
    {
        fields = new PayloadFields();
        if (reader.End)
        {
            return new Rejection(RejectionKind.NotMessagePack, "payload is empty");
        }

        if (reader.NextType == MessagePackType.Unknown)
        {
            return new Rejection(RejectionKind.NotMessagePack, $"payload is not MessagePack: byte 0x{reader.NextCode:X2} starts no MessagePack value");
        }

        if (reader.NextType != MessagePackType.Map)
        {
            return new Rejection(RejectionKind.NotAMap, $"payload must be a MessagePack map, got {reader.NextType}");
        }

        int count = reader.ReadMapHeader();
        if (count > _limits.MaxKeys)
        {
            return new Rejection(RejectionKind.TooLarge, $"payload map has {count} keys, more than the limit of {_limits.MaxKeys}");
        }

        for (int i = 0; i < count; i++)
        {
            if (reader.NextType != MessagePackType.String)
            {
                return new Rejection(RejectionKind.NotAMap, $"payload map keys must be strings, key #{i} is {reader.NextType}");
            }

            var key = reader.ReadStringBytes();
            var rejection = ReadValue(ref reader, key, payload, ref fields);
            if (rejection is not null)
            {
                return rejection;
            }
        }

        return null;
    }

    private Rejection? ReadValue(ref MessagePackSpanReader reader, scoped ReadOnlySpan<byte> key, ReadOnlyMemory<byte> payload, ref PayloadFields f)
    {
        switch (key.Length)
        {
            case 1 when key[0] == (byte)'v': return ReadInteger(ref reader, WireKeys.V, ref f.V);
            case 1 when key[0] == (byte)'t': return ReadNumber(ref reader, WireKeys.T, ref f.T);
            case 3 when key.SequenceEqual("seq"u8): return ReadInteger(ref reader, WireKeys.Seq, ref f.Seq);
            case 4 when key.SequenceEqual("meta"u8): return ReadMeta(ref reader, payload, ref f);
            case 5 when key.SequenceEqual("dtype"u8): return ReadString(ref reader, WireKeys.Dtype, ref f.Dtype);
            case 6 when key.SequenceEqual("counts"u8): return ReadCounts(ref reader, payload, ref f);
            case 6 when key.SequenceEqual("sample"u8): return ReadString(ref reader, WireKeys.Sample, ref f.Sample);
            case 6 when key.SequenceEqual("frames"u8): return ReadInteger(ref reader, WireKeys.Frames, ref f.Frames);
            case 6 when key.SequenceEqual("reason"u8): return ReadString(ref reader, WireKeys.Reason, ref f.Reason);
            case 8 when key.SequenceEqual("channels"u8): return ReadInteger(ref reader, WireKeys.Channels, ref f.Channels);
            case 8 when key.SequenceEqual("detector"u8): return ReadString(ref reader, WireKeys.Detector, ref f.Detector);
            case 9 when key.SequenceEqual("series_id"u8): return ReadSeriesId(ref reader, ref f.SeriesId);
            case 9 when key.SequenceEqual("offset_ev"u8): return ReadNumber(ref reader, WireKeys.OffsetEv, ref f.OffsetEv);
            case 9 when key.SequenceEqual("dose_e_a2"u8): return ReadNumber(ref reader, WireKeys.DoseEA2, ref f.DoseEA2);
            case 10 when key.SequenceEqual("exposure_s"u8): return ReadNumber(ref reader, WireKeys.ExposureS, ref f.ExposureS);
            case 13 when key.SequenceEqual("dispersion_ev"u8): return ReadNumber(ref reader, WireKeys.DispersionEv, ref f.DispersionEv);
            case 14 when key.SequenceEqual("beam_energy_kv"u8): return ReadNumber(ref reader, WireKeys.BeamEnergyKv, ref f.BeamEnergyKv);
            case 15 when key.SequenceEqual("beam_current_pa"u8): return ReadNumber(ref reader, WireKeys.BeamCurrentPa, ref f.BeamCurrentPa);
            case 19 when key.SequenceEqual("illuminated_area_a2"u8): return ReadNumber(ref reader, WireKeys.IlluminatedAreaA2, ref f.IlluminatedAreaA2);
            case 20 when key.SequenceEqual("cumulative_dose_e_a2"u8): return ReadNumber(ref reader, WireKeys.CumulativeDoseEA2, ref f.CumulativeDoseEA2);
        }

        // Unknown keys are ignored, with a bounded depth so a hostile nesting cannot overflow the stack.
        return SkipValue(ref reader, 0)
            ? null
            : new Rejection(RejectionKind.TooLarge, $"value of unknown key '{Printable(key)}' is nested deeper than {MaxSkipDepth} levels");
    }

    private static bool SkipValue(ref MessagePackSpanReader reader, int depth)
    {
        // depth = containers already entered; a key's value is at depth 0, so 16 levels are depths 0..15.
        var type = reader.NextType;
        if (depth >= MaxSkipDepth && type is MessagePackType.Map or MessagePackType.Array)
        {
            return false;
        }

        switch (type)
        {
            case MessagePackType.Map:
                int entries = reader.ReadMapHeader();
                for (int i = 0; i < entries * 2; i++)
                {
                    if (!SkipValue(ref reader, depth + 1)) return false;
                }

                return true;
            case MessagePackType.Array:
                int items = reader.ReadArrayHeader();
                for (int i = 0; i < items; i++)
                {
                    if (!SkipValue(ref reader, depth + 1)) return false;
                }

                return true;
            default:
                reader.SkipScalar();
                return true;
        }
    }

    private static Rejection? Duplicate(string key) => new(RejectionKind.InvalidValue, $"key '{key}' appears more than once");

    private static Rejection? ReadInteger(ref MessagePackSpanReader reader, string key, ref long? target)
    {
        if (target.HasValue) return Duplicate(key);
        if (reader.TryReadNil()) return null;
        if (reader.NextType != MessagePackType.Integer)
        {
            return new Rejection(RejectionKind.WrongType, $"key '{key}' must be an integer, got {reader.NextType}");
        }

        if (reader.NextCode == MessagePackCode.UInt64)
        {
            ulong big = reader.ReadUInt64();
            if (big > long.MaxValue) return new Rejection(RejectionKind.InvalidValue, $"key '{key}' = {big} is out of range");
            target = (long)big;
            return null;
        }

        target = reader.ReadInt64();
        return null;
    }

    private static Rejection? ReadNumber(ref MessagePackSpanReader reader, string key, ref double? target)
    {
        if (target.HasValue) return Duplicate(key);
        if (reader.TryReadNil()) return null;
        var type = reader.NextType;
        if (type != MessagePackType.Integer && type != MessagePackType.Float)
        {
            return new Rejection(RejectionKind.WrongType, $"key '{key}' must be a number, got {type}");
        }

        target = reader.ReadDouble();
        return null;
    }

    private Rejection? ReadString(ref MessagePackSpanReader reader, string key, ref string? target)
    {
        if (target is not null) return Duplicate(key);
        if (reader.TryReadNil()) return null;
        if (reader.NextType != MessagePackType.String)
        {
            return new Rejection(RejectionKind.WrongType, $"key '{key}' must be a string, got {reader.NextType}");
        }

        var bytes = reader.ReadStringBytes();
        if (bytes.Length > _limits.MaxStringBytes)
        {
            return new Rejection(RejectionKind.TooLarge, $"key '{key}' is a string of {bytes.Length} bytes, more than the limit of {_limits.MaxStringBytes}");
        }

        target = StrictUtf8.GetString(bytes);
        return null;
    }

    /// <summary>Reads <c>series_id</c>, reusing the previous message's string when the bytes are the same (every frame of a series).</summary>
    private Rejection? ReadSeriesId(ref MessagePackSpanReader reader, ref string? target)
    {
        if (target is null && reader.NextType == MessagePackType.String)
        {
            var bytes = reader.ReadStringBytes();
            if (_lastSeriesId is not null && bytes.SequenceEqual(_lastSeriesIdBytes))
            {
                target = _lastSeriesId;
                return null;
            }

            if (bytes.Length > _limits.MaxStringBytes)
            {
                return new Rejection(RejectionKind.TooLarge, $"key 'series_id' is a string of {bytes.Length} bytes, more than the limit of {_limits.MaxStringBytes}");
            }

            target = StrictUtf8.GetString(bytes);
            _lastSeriesIdBytes = bytes.ToArray();
            _lastSeriesId = target;
            return null;
        }

        return ReadString(ref reader, WireKeys.SeriesId, ref target);
    }

    private Rejection? ReadCounts(ref MessagePackSpanReader reader, ReadOnlyMemory<byte> payload, ref PayloadFields f)
    {
        if (f.HasCounts) return Duplicate(WireKeys.Counts);
        if (reader.TryReadNil()) return null; // nil means absent: reported as a missing key like every other required key
        switch (reader.NextType)
        {
            case MessagePackType.Binary:
                var (start, byteCount) = reader.ReadBinaryRange();
                f.CountsBinary = payload.Slice(start, byteCount);
                f.HasCounts = true;
                return null;
            case MessagePackType.Array:
                int length = reader.ReadArrayHeader();
                if (length > _limits.MaxChannels)
                {
                    return new Rejection(RejectionKind.TooLarge, $"counts array has {length} values, more than the limit of {_limits.MaxChannels} channels");
                }

                var values = new double[length];
                for (int i = 0; i < length; i++)
                {
                    var type = reader.NextType;
                    if (type != MessagePackType.Integer && type != MessagePackType.Float)
                    {
                        return new Rejection(RejectionKind.WrongType, $"counts[{i}] must be a number, got {type}");
                    }

                    values[i] = reader.ReadDouble();
                }

                f.CountsArray = values;
                f.HasCounts = true;
                return null;
            default:
                return new Rejection(RejectionKind.WrongType, $"key 'counts' must be bin or an array of numbers, got {reader.NextType}");
        }
    }

    private static Rejection? ReadMeta(ref MessagePackSpanReader reader, ReadOnlyMemory<byte> payload, ref PayloadFields f)
    {
        if (f.Meta is not null) return Duplicate(WireKeys.Meta);
        if (reader.TryReadNil()) return null;
        if (reader.NextType != MessagePackType.Map)
        {
            return new Rejection(RejectionKind.WrongType, $"key 'meta' must be a map, got {reader.NextType}");
        }

        // Walk a copy first: malformed bytes surface as NotMessagePack, excessive nesting as TooLarge.
        var probe = reader;
        if (!SkipValue(ref probe, 0))
        {
            return new Rejection(RejectionKind.TooLarge, $"key 'meta' is nested deeper than {MaxSkipDepth} levels");
        }

        try
        {
            // meta is rare (start messages only) and free-form, so MessagePack-CSharp reads it, from where this reader is.
            var metaReader = new MessagePackReader(payload[reader.Consumed..]);
            f.Meta = MessagePackSerializer.Deserialize<Dictionary<object, object?>>(ref metaReader, UntrustedOptions)
                .ToDictionary(kv => kv.Key.ToString() ?? string.Empty, kv => kv.Value);
            reader.Advance(checked((int)metaReader.Consumed));
            return null;
        }
        catch (MessagePackSerializationException ex)
        {
            return new Rejection(RejectionKind.WrongType, $"key 'meta' could not be read: {ex.InnerException?.Message ?? ex.Message}");
        }
    }

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.UTF8.GetString(bytes.Length > 64 ? bytes[..64] : bytes);
        var clean = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            clean.Append(char.IsControl(c) ? '?' : c);
        }

        return bytes.Length > 64 ? clean + "…" : clean.ToString();
    }
}
