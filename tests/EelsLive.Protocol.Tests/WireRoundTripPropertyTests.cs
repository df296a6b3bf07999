using EelsLive.Protocol.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EelsLive.Protocol.Tests;

/// <summary>encode → decode gives back the message, for random valid messages of every shape.</summary>
[Properties(Arbitrary = [typeof(Arbs)], MaxTest = 200)]
public sealed class WireRoundTripPropertyTests
{
    private static readonly WireDecoder Decoder = new();

    [Property]
    public void FrameRoundTrips(FrameMessage frame)
    {
        var payload = WireEncoder.Encode(frame);
        var result = Decoder.Decode(frame.Topic, payload);
        Assert.True(result.IsAccepted, result.Rejection?.ToString());
        var decoded = Assert.IsType<FrameMessage>(result.Message);
        AssertSameFrame(frame, decoded);
    }

    [Property]
    public void StartRoundTrips(StartMessage start)
    {
        var result = Decoder.Decode(start.Topic, WireEncoder.Encode(start));
        Assert.True(result.IsAccepted, result.Rejection?.ToString());
        var decoded = Assert.IsType<StartMessage>(result.Message);
        Assert.Equal(start, decoded);
        Assert.Equal(start.Sample, decoded.Sample);
        Assert.Equal(start.Detector, decoded.Detector);
        Assert.Equal(start.IlluminatedAreaA2, decoded.IlluminatedAreaA2);
        Assert.Equal(start.BeamCurrentPa, decoded.BeamCurrentPa);
        if (start.Meta is null)
        {
            Assert.Null(decoded.Meta);
        }
        else
        {
            Assert.Null(Canonical.Diff(decoded.Meta, start.Meta));
        }
    }

    [Property]
    public void EndRoundTrips(EndMessage end)
    {
        var result = Decoder.Decode(end.Topic, WireEncoder.Encode(end));
        Assert.True(result.IsAccepted, result.Rejection?.ToString());
        Assert.Equal(end, result.Message);
    }

    [Property]
    public void TwoFrameFormDecodesTheSame(FrameMessage frame)
    {
        var frames = new List<ReadOnlyMemory<byte>> { System.Text.Encoding.UTF8.GetBytes(frame.Topic), WireEncoder.Encode(frame) };
        var result = Decoder.Decode(frames);
        Assert.True(result.IsAccepted, result.Rejection?.ToString());
        AssertSameFrame(frame, (FrameMessage)result.Message);
    }

    [Property]
    public void IndependentlyWrittenPayloadDecodes(FrameMessage frame, bool writeDefaultDtype)
    {
        // The map as a third-party encoder might write it (dtype "f32" spelled out or not).
        var result = Decoder.Decode(frame.Topic, Gens.ToPayload(frame, writeDefaultDtype).ToBytes());
        Assert.True(result.IsAccepted, result.Rejection?.ToString());
        AssertSameFrame(frame, (FrameMessage)result.Message);
    }

    [Property]
    public Property UnknownKeysAnywhereAreIgnored() =>
        Prop.ForAll(
            Gens.Frame.SelectMany(f => Gen.ListOf(Gens.UnknownEntry).SelectMany(extra =>
                Gen.ArrayOf(Gen.Choose(0, 12), extra.Count).Select(positions => (f, extra, positions)))).ToArbitrary(),
            input =>
            {
                var (frame, extra, positions) = input;
                var entries = Gens.ToPayload(frame).ToList();
                for (int i = 0; i < extra.Count; i++)
                {
                    entries.Insert(Math.Min(positions[i], entries.Count), new(extra[i].Key, extra[i].Value));
                }

                var payload = new Payload();
                foreach (var (k, v) in entries.DistinctBy(e => e.Key)) payload.Add(k, v);
                var result = Decoder.Decode(frame.Topic, payload.ToBytes());
                Assert.True(result.IsAccepted, result.Rejection?.ToString());
                AssertSameFrame(frame, (FrameMessage)result.Message);
            });

    [Property]
    public void NilOptionalKeysMeanAbsent(FrameMessage frame)
    {
        var payload = Gens.ToPayload(frame);
        foreach (var key in new[] { "dtype", "dose_e_a2", "beam_current_pa", "illuminated_area_a2", "cumulative_dose_e_a2" })
        {
            if (!payload.Contains(key)) payload.Add(key, null);
        }

        var result = Decoder.Decode(frame.Topic, payload.ToBytes());
        Assert.True(result.IsAccepted, result.Rejection?.ToString());
        AssertSameFrame(frame, (FrameMessage)result.Message);
    }

    [Property]
    public void DecodedBinCountsAreAViewOfThePayload(FrameMessage frame)
    {
        var payload = WireEncoder.Encode(frame);
        var decoded = (FrameMessage)Decoder.Decode(frame.Topic, payload).Message!;
        if (!decoded.Counts.IsBinary) return;
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(decoded.Counts.Binary, out var segment));
        Assert.Same(payload, segment.Array);
    }

    internal static void AssertSameFrame(FrameMessage expected, FrameMessage actual)
    {
        Assert.Equal(expected, actual); // record equality: every field, counts by value
        Assert.Equal(expected.Counts.IsBinary, actual.Counts.IsBinary);
        Assert.Equal(expected.Counts.Dtype, actual.Counts.Dtype);
        Assert.Equal(expected.Counts.ToArray(), actual.Counts.ToArray());
        Assert.Equal(actual.Channels, actual.Counts.Length);
    }
}
