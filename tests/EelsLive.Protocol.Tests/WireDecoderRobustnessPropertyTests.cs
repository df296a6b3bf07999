using EelsLive.Protocol.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EelsLive.Protocol.Tests;

/// <summary>
/// Hostile and broken input: the decoder never throws, rejects with a kind and a detail, and every mutation of a
/// random valid message that breaks the contract is caught with the right kind.
/// </summary>
[Properties(Arbitrary = [typeof(Arbs)], MaxTest = 300)]
public sealed class WireDecoderRobustnessPropertyTests
{
    private static readonly WireDecoder Decoder = new();

    // Invalid UTF-8 in a string is decoded with U+FFFD replacements (3 bytes each), so a re-encoded string can
    // outgrow the 4,096-byte limit it met on the wire; the re-decode allows for that.
    private static readonly WireDecoder Lenient = new(new ProtocolLimits { MaxStringBytes = 3 * 4096 });
    private static readonly string[] Topics = [WireTopics.Start, WireTopics.Frame, WireTopics.End];

    /// <summary>Decodes under every topic; a rejection must carry a detail, an acceptance must re-encode to itself.</summary>
    private static void DecodesWithoutThrowing(byte[] payload)
    {
        foreach (var topic in Topics)
        {
            var result = Decoder.Decode(topic, payload);
            if (result.IsAccepted)
            {
                var again = Lenient.Decode(topic, WireEncoder.Encode(result.Message));
                Assert.True(again.IsAccepted, again.Rejection?.ToString());
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(result.Rejection.Detail));
            }
        }
    }

    [Property]
    public Property RandomBytesNeverThrow() => Prop.ForAll(Gens.Bytes(300).ToArbitrary(), DecodesWithoutThrowing);

    [Property]
    public Property RandomBytesBehindAMapHeaderNeverThrow() =>
        Prop.ForAll(
            Gen.Choose(0x80, 0x8f).SelectMany(h => Gens.Bytes(300).Select(rest => (byte[])[(byte)h, .. rest])).ToArbitrary(),
            DecodesWithoutThrowing);

    [Property]
    public Property RandomByteEditsOfValidPayloadsNeverThrow() =>
        Prop.ForAll(
            Gen.OneOf(
                    Gens.Frame.Select(m => WireEncoder.Encode(m)),
                    Gens.Start.Select(m => WireEncoder.Encode(m)),
                    Gens.End.Select(m => WireEncoder.Encode(m)))
                .SelectMany(p => Gen.ArrayOf(Gen.Choose(0, int.MaxValue), 6).Select(r =>
                {
                    var copy = (byte[])p.Clone();
                    for (int i = 0; i < 3; i++) copy[r[2 * i] % copy.Length] = (byte)r[(2 * i) + 1];
                    return copy;
                }))
                .ToArbitrary(),
            DecodesWithoutThrowing);

    public static TheoryData<string> TruncationSamples() =>
        new("start with meta", "start without meta", "end", "frame f32 bin", "frame array counts", "frame u16 bin", "frame with unknown keys");

    private static (string Topic, byte[] Payload) TruncationSample(string name) => name switch
    {
        "start with meta" => (WireTopics.Start, Samples.Start().ToBytes()),
        "start without meta" => (WireTopics.Start, Samples.Start().Without("meta").ToBytes()),
        "end" => (WireTopics.End, Samples.End().ToBytes()),
        "frame f32 bin" => (WireTopics.Frame, Samples.Frame().ToBytes()),
        "frame array counts" => (WireTopics.Frame, Samples.Frame().With("counts", new[] { 1.0, 2, 3, 4 }).ToBytes()),
        "frame u16 bin" => (WireTopics.Frame, Samples.Frame().With("counts", Samples.U16(1, 2, 3, 4)).With("dtype", "u16").ToBytes()),
        _ => (WireTopics.Frame, Samples.Frame().With("x_unknown", new Payload { { "a", new object?[] { 1, "b", null } } }).ToBytes()),
    };

    [Theory]
    [MemberData(nameof(TruncationSamples))]
    public void EveryTruncationOfAValidPayloadIsRejectedAsNotMessagePack(string sample)
    {
        var (topic, payload) = TruncationSample(sample);
        Assert.True(Decoder.Decode(topic, payload).IsAccepted);
        for (int length = 0; length < payload.Length; length++)
        {
            var result = Decoder.Decode(topic, payload.AsMemory(0, length)); // never throws
            Assert.False(result.IsAccepted, $"{sample} cut to {length} of {payload.Length} bytes was accepted");
            Assert.True(
                result.Rejection.Kind == RejectionKind.NotMessagePack,
                $"{sample} cut to {length} of {payload.Length} bytes: expected NotMessagePack, got {result.Rejection}");
        }
    }

    [Fact]
    public void InvalidMessagePackInsideMetaIsNotMessagePack()
    {
        var payload = Samples.Start().With("meta", new Payload { { "bad", new RawMsgPack([0xc1]) } }).ToBytes();
        var result = Decoder.Decode(WireTopics.Start, payload);
        Assert.Equal(RejectionKind.NotMessagePack, result.Rejection?.Kind);
    }

    private static readonly string[] FrameRequired = ["v", "series_id", "seq", "t", "exposure_s", "channels", "offset_ev", "dispersion_ev", "counts"];

    [Property]
    public void MissingAnyRequiredFrameKeyIsRejected(FrameMessage frame)
    {
        foreach (var key in FrameRequired)
        {
            Expect(RejectionKind.MissingKey, frame.Topic, Gens.ToPayload(frame).Without(key), key);
        }
    }

    [Property]
    public void WrongTypeForAnyFrameKeyIsRejected(FrameMessage frame)
    {
        var wrong = new (string Key, object? Value)[]
        {
            ("v", 1.0), ("series_id", 1), ("seq", (double)frame.Seq), ("t", "t"), ("exposure_s", "e"), ("channels", (double)frame.Channels),
            ("offset_ev", true), ("dispersion_ev", new object?[] { 0.1 }), ("counts", "counts"), ("dtype", 4),
            ("dose_e_a2", "d"), ("beam_current_pa", "c"), ("illuminated_area_a2", "a"), ("cumulative_dose_e_a2", "cd"),
        };
        foreach (var (key, value) in wrong)
        {
            Expect(RejectionKind.WrongType, frame.Topic, Gens.ToPayload(frame).With(key, value), key);
        }
    }

    [Property]
    public void UnsupportedVersionIsRejected(FrameMessage frame, int v)
    {
        if (v == 1) v = 2;
        Expect(RejectionKind.UnsupportedVersion, frame.Topic, Gens.ToPayload(frame).With("v", v), $"v={v}");
    }

    [Property]
    public void NonPositiveExposureOrDispersionIsRejected(FrameMessage frame, NonNegativeInt magnitude)
    {
        double bad = -magnitude.Get / 10.0;
        Expect(RejectionKind.InvalidValue, frame.Topic, Gens.ToPayload(frame).With("exposure_s", bad), "exposure_s");
        Expect(RejectionKind.InvalidValue, frame.Topic, Gens.ToPayload(frame).With("dispersion_ev", bad), "dispersion_ev");
        Expect(RejectionKind.InvalidValue, frame.Topic, Gens.ToPayload(frame).With("exposure_s", double.NaN), "exposure_s NaN");
    }

    [Property]
    public void ChannelsNotMatchingTheCountsIsRejected(FrameMessage frame, NonZeroInt delta)
    {
        int channels = frame.Channels + (delta.Get % 100);
        if (channels <= 0 || channels == frame.Channels) channels = frame.Channels + 1;
        Expect(RejectionKind.ChannelMismatch, frame.Topic, Gens.ToPayload(frame).With("channels", channels), $"channels {channels} vs {frame.Channels}");
    }

    [Property]
    public void NonFiniteCountsAreRejected(FrameMessage frame, PositiveInt position, int which)
    {
        if (frame.Counts.IsBinary && frame.Counts.Dtype is CountsDtype.U16 or CountsDtype.U32) return; // integers are always finite
        double bad = (((which % 3) + 3) % 3) switch { 0 => double.NaN, 1 => double.PositiveInfinity, _ => double.NegativeInfinity };
        var values = frame.Counts.ToArray();
        values[position.Get % values.Length] = bad;
        var counts = frame.Counts.IsBinary ? SpectrumCounts.FromValues(values, frame.Counts.Dtype) : SpectrumCounts.FromArray(values);
        Expect(RejectionKind.NonFiniteCounts, frame.Topic, Gens.ToPayload(frame with { Counts = counts }), $"{bad} at {position.Get % values.Length}");
    }

    [Property]
    public void UnknownDtypeIsRejected(FrameMessage frame, NonEmptyString dtype)
    {
        if (dtype.Get is "f32" or "f64" or "u16" or "u32" || !frame.Counts.IsBinary || System.Text.Encoding.UTF8.GetByteCount(dtype.Get) > 4096) return;
        Expect(RejectionKind.InvalidValue, frame.Topic, Gens.ToPayload(frame).With("dtype", dtype.Get), dtype.Get);
    }

    [Property]
    public void UnknownReasonIsRejected(EndMessage end, NonEmptyString reason)
    {
        if (reason.Get is "completed" or "aborted" or "error" || System.Text.Encoding.UTF8.GetByteCount(reason.Get) > 4096) return;
        var payload = new Payload { { "v", 1 }, { "series_id", end.SeriesId }, { "frames", end.Frames }, { "t", end.T }, { "reason", reason.Get } };
        Expect(RejectionKind.InvalidValue, end.Topic, payload, reason.Get);
    }

    [Property]
    public void NonMapPayloadIsRejected(FrameMessage frame)
    {
        var asArray = Gens.ToPayload(frame).Select(e => e.Value).ToArray();
        var result = Decoder.Decode(frame.Topic, Payload.Pack(asArray));
        Assert.Equal(RejectionKind.NotAMap, result.Rejection?.Kind);
    }

    [Property]
    public void UnknownTopicIsRejected(FrameMessage frame, NonEmptyString topic)
    {
        if (topic.Get is WireTopics.Start or WireTopics.Frame or WireTopics.End) return;
        Assert.Equal(RejectionKind.UnknownTopic, Decoder.Decode(topic.Get, WireEncoder.Encode(frame)).Rejection?.Kind);
    }

    private static void Expect(RejectionKind kind, string topic, Payload payload, string what)
    {
        var result = Decoder.Decode(topic, payload.ToBytes());
        Assert.False(result.IsAccepted, $"{what}: accepted");
        Assert.True(kind == result.Rejection.Kind, $"{what}: expected {kind}, got {result.Rejection}");
        Assert.False(string.IsNullOrWhiteSpace(result.Rejection.Detail));
    }
}
