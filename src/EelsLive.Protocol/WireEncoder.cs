using System.Buffers;
using MessagePack;

namespace EelsLive.Protocol;

/// <summary>Encodes protocol v1 messages into their MessagePack payload (one map with string keys).</summary>
public static class WireEncoder
{
    private static readonly MessagePackSerializerOptions MetaOptions = MessagePackSerializerOptions.Standard;

    /// <summary>Encodes <paramref name="message"/> into a new payload array.</summary>
    public static byte[] Encode(WireMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Encode(message, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Encodes <paramref name="message"/> into <paramref name="output"/>.</summary>
    public static void Encode(WireMessage message, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(message);
        var writer = new MessagePackWriter(output);
        switch (message)
        {
            case FrameMessage frame: WriteFrame(ref writer, frame); break;
            case StartMessage start: WriteStart(ref writer, start); break;
            case EndMessage end: WriteEnd(ref writer, end); break;
            default: throw new ArgumentException($"Unknown message type {message.GetType().Name}.", nameof(message));
        }

        writer.Flush();
    }

    private static void WriteFrame(ref MessagePackWriter w, FrameMessage f)
    {
        int count = 9 + (f.Counts.IsBinary && f.Counts.Dtype != CountsDtype.F32 ? 1 : 0)
            + (f.DoseEA2.HasValue ? 1 : 0) + (f.BeamCurrentPa.HasValue ? 1 : 0)
            + (f.IlluminatedAreaA2.HasValue ? 1 : 0) + (f.CumulativeDoseEA2.HasValue ? 1 : 0);
        w.WriteMapHeader(count);
        WriteCommon(ref w, f.SeriesId);
        Key(ref w, WireKeys.Seq); w.Write(f.Seq);
        Key(ref w, WireKeys.T); w.Write(f.T);
        Key(ref w, WireKeys.ExposureS); w.Write(f.ExposureS);
        Key(ref w, WireKeys.Channels); w.Write(f.Channels);
        Key(ref w, WireKeys.OffsetEv); w.Write(f.OffsetEv);
        Key(ref w, WireKeys.DispersionEv); w.Write(f.DispersionEv);
        Key(ref w, WireKeys.Counts);
        if (f.Counts.IsBinary)
        {
            w.Write(f.Counts.Binary.Span);
            if (f.Counts.Dtype != CountsDtype.F32)
            {
                Key(ref w, WireKeys.Dtype); w.Write(f.Counts.Dtype.WireName());
            }
        }
        else
        {
            var values = f.Counts.ArrayValues;
            w.WriteArrayHeader(values.Length);
            foreach (double value in values)
            {
                w.Write(value);
            }
        }

        Optional(ref w, WireKeys.DoseEA2, f.DoseEA2);
        Optional(ref w, WireKeys.BeamCurrentPa, f.BeamCurrentPa);
        Optional(ref w, WireKeys.IlluminatedAreaA2, f.IlluminatedAreaA2);
        Optional(ref w, WireKeys.CumulativeDoseEA2, f.CumulativeDoseEA2);
    }

    private static void WriteStart(ref MessagePackWriter w, StartMessage s)
    {
        int count = 7 + (s.Sample is null ? 0 : 1) + (s.Detector is null ? 0 : 1)
            + (s.IlluminatedAreaA2.HasValue ? 1 : 0) + (s.BeamCurrentPa.HasValue ? 1 : 0) + (s.Meta is null ? 0 : 1);
        w.WriteMapHeader(count);
        WriteCommon(ref w, s.SeriesId);
        Key(ref w, WireKeys.T); w.Write(s.T);
        Key(ref w, WireKeys.BeamEnergyKv); w.Write(s.BeamEnergyKv);
        Key(ref w, WireKeys.Channels); w.Write(s.Channels);
        Key(ref w, WireKeys.OffsetEv); w.Write(s.OffsetEv);
        Key(ref w, WireKeys.DispersionEv); w.Write(s.DispersionEv);
        if (s.Sample is not null) { Key(ref w, WireKeys.Sample); w.Write(s.Sample); }
        if (s.Detector is not null) { Key(ref w, WireKeys.Detector); w.Write(s.Detector); }
        Optional(ref w, WireKeys.IlluminatedAreaA2, s.IlluminatedAreaA2);
        Optional(ref w, WireKeys.BeamCurrentPa, s.BeamCurrentPa);
        if (s.Meta is not null)
        {
            Key(ref w, WireKeys.Meta);
            MessagePackSerializer.Serialize(ref w, s.Meta, MetaOptions);
        }
    }

    private static void WriteEnd(ref MessagePackWriter w, EndMessage e)
    {
        w.WriteMapHeader(5);
        WriteCommon(ref w, e.SeriesId);
        Key(ref w, WireKeys.Frames); w.Write(e.Frames);
        Key(ref w, WireKeys.T); w.Write(e.T);
        Key(ref w, WireKeys.Reason); w.Write(e.Reason.WireName());
    }

    private static void WriteCommon(ref MessagePackWriter w, string seriesId)
    {
        Key(ref w, WireKeys.V); w.Write(ProtocolVersion.Current);
        Key(ref w, WireKeys.SeriesId); w.Write(seriesId);
    }

    private static void Optional(ref MessagePackWriter w, string key, double? value)
    {
        if (value.HasValue)
        {
            Key(ref w, key);
            w.Write(value.Value);
        }
    }

    private static void Key(ref MessagePackWriter w, string key) => w.Write(key);
}
