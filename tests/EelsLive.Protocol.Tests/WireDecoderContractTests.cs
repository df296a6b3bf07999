using System.Text;
using EelsLive.Protocol.Tests.Support;

namespace EelsLive.Protocol.Tests;

/// <summary>
/// Every way a valid message can break the v1 contract is rejected, with the right kind and a specific detail;
/// and the things the contract allows (unknown keys, nil optional keys, limits exactly met) are accepted.
/// </summary>
public sealed class WireDecoderContractTests
{
    private static readonly WireDecoder Decoder = new();

    private sealed record Case(string Topic, Func<byte[]> Payload, RejectionKind? Expected);

    private static readonly Dictionary<string, Case> Cases = BuildCases();

    public static TheoryData<string> RejectedCases() => new(Cases.Where(c => c.Value.Expected is not null).Select(c => c.Key));

    public static TheoryData<string> AcceptedCases() => new(Cases.Where(c => c.Value.Expected is null).Select(c => c.Key));

    [Theory]
    [MemberData(nameof(RejectedCases))]
    public void BrokenMessageIsRejectedWithTheRightKind(string name)
    {
        var c = Cases[name];
        var result = Decoder.Decode(c.Topic, c.Payload());
        Assert.False(result.IsAccepted, $"{name}: accepted as {result.Message}");
        Assert.True(c.Expected == result.Rejection.Kind, $"{name}: expected {c.Expected}, got {result.Rejection}");
        Assert.False(string.IsNullOrWhiteSpace(result.Rejection.Detail), $"{name}: empty detail");
    }

    [Theory]
    [MemberData(nameof(AcceptedCases))]
    public void AllowedVariationIsAccepted(string name)
    {
        var c = Cases[name];
        var result = Decoder.Decode(c.Topic, c.Payload());
        Assert.True(result.IsAccepted, $"{name}: rejected with {result.Rejection}");
    }

    private static Dictionary<string, Case> BuildCases()
    {
        var cases = new Dictionary<string, Case>();
        void Add(string name, Case c)
        {
            string unique = name;
            for (int n = 2; cases.ContainsKey(unique); n++) unique = $"{name} #{n}";
            cases.Add(unique, c);
        }

        void Reject(string name, string topic, Func<Payload> payload, RejectionKind kind) => Add(name, new(topic, () => payload().ToBytes(), kind));
        void RejectBytes(string name, string topic, Func<byte[]> payload, RejectionKind kind) => Add(name, new(topic, payload, kind));
        void Accept(string name, string topic, Func<Payload> payload) => Add(name, new(topic, () => payload().ToBytes(), null));

        const string F = WireTopics.Frame, S = WireTopics.Start, E = WireTopics.End;

        // The samples themselves are valid.
        Accept("sample frame", F, Samples.Frame);
        Accept("sample start", S, Samples.Start);
        Accept("sample end", E, Samples.End);

        // Missing required keys (and nil for a required key, which means absent).
        foreach (var key in new[] { "v", "series_id", "seq", "t", "exposure_s", "channels", "offset_ev", "dispersion_ev", "counts" })
        {
            Reject($"frame without {key}", F, () => Samples.Frame().Without(key), RejectionKind.MissingKey);
            Reject($"frame with nil {key}", F, () => Samples.Frame().With(key, null), RejectionKind.MissingKey);
        }

        foreach (var key in new[] { "v", "series_id", "t", "beam_energy_kv", "channels", "offset_ev", "dispersion_ev" })
        {
            Reject($"start without {key}", S, () => Samples.Start().Without(key), RejectionKind.MissingKey);
        }

        foreach (var key in new[] { "v", "series_id", "frames", "t", "reason" })
        {
            Reject($"end without {key}", E, () => Samples.End().Without(key), RejectionKind.MissingKey);
        }

        // Wrong MessagePack type per key.
        var wrongTypes = new (string Topic, string Key, object? Value)[]
        {
            (F, "v", "1"), (F, "v", 1.0), (F, "v", true),
            (F, "series_id", 7), (F, "series_id", Encoding.UTF8.GetBytes("s-1")),
            (F, "seq", 1.0), (F, "seq", "1"), (F, "seq", true), (F, "seq", new Float32(1f)),
            (F, "t", "now"), (F, "t", true), (F, "t", new object?[] { 1.0 }),
            (F, "exposure_s", "0.1"), (F, "channels", 4.0), (F, "channels", "4"),
            (F, "offset_ev", "280"), (F, "dispersion_ev", false),
            (F, "counts", "abcd"), (F, "counts", 5), (F, "counts", new Payload { { "a", 1 } }),
            (F, "counts", new object?[] { 1.0, "2", 3.0, 4.0 }), (F, "counts", new object?[] { 1.0, null, 3.0, 4.0 }),
            (F, "dtype", 32), (F, "dose_e_a2", "2"), (F, "beam_current_pa", "50"),
            (F, "illuminated_area_a2", new object?[] { 1.0 }), (F, "cumulative_dose_e_a2", true),
            (S, "beam_energy_kv", "200"), (S, "sample", 5), (S, "detector", 5.5), (S, "meta", 5), (S, "meta", new object?[] { 1 }),
            (S, "channels", 4.5), (S, "illuminated_area_a2", "1e6"),
            (E, "frames", 10.0), (E, "reason", 1), (E, "t", "later"),
        };
        foreach (var (topic, key, value) in wrongTypes)
        {
            Reject($"{Short(topic)} {key} as {Describe(value)}", topic, () => Samples.For(topic).With(key, value), RejectionKind.WrongType);
        }

        // v ≠ 1.
        foreach (var v in new long[] { 0, 2, -1, 255, long.MaxValue })
        {
            Reject($"frame v={v}", F, () => Samples.Frame().With("v", v), RejectionKind.UnsupportedVersion);
            Reject($"end v={v}", E, () => Samples.End().With("v", v), RejectionKind.UnsupportedVersion);
        }

        // Out-of-range values.
        var invalid = new (string Topic, string Key, object? Value)[]
        {
            (F, "exposure_s", 0.0), (F, "exposure_s", -0.1), (F, "exposure_s", double.NaN), (F, "exposure_s", double.PositiveInfinity),
            (F, "dispersion_ev", 0.0), (F, "dispersion_ev", -0.25), (F, "dispersion_ev", double.NaN),
            (F, "offset_ev", double.NaN), (F, "offset_ev", double.NegativeInfinity), (F, "t", double.NaN),
            (F, "channels", 0), (F, "channels", -4), (F, "seq", -1), (F, "seq", ulong.MaxValue),
            (F, "series_id", ""),
            (F, "dtype", "f16"), (F, "dtype", "F32"), (F, "dtype", ""), (F, "dtype", "i32"),
            (F, "dose_e_a2", -1.0), (F, "dose_e_a2", double.NaN), (F, "dose_e_a2", double.PositiveInfinity),
            (F, "beam_current_pa", -0.5), (F, "illuminated_area_a2", 0.0), (F, "illuminated_area_a2", -1.0),
            (F, "cumulative_dose_e_a2", -3.0),
            (S, "beam_energy_kv", 0.0), (S, "dispersion_ev", 0.0), (S, "channels", 0), (S, "illuminated_area_a2", 0.0),
            (S, "beam_current_pa", -1.0), (S, "t", double.PositiveInfinity),
            (E, "reason", "finished"), (E, "reason", "Completed"), (E, "reason", ""), (E, "frames", -1), (E, "t", double.NaN),
        };
        foreach (var (topic, key, value) in invalid)
        {
            Reject($"{Short(topic)} {key} = {Describe(value)}", topic, () => Samples.For(topic).With(key, value), RejectionKind.InvalidValue);
        }

        Reject("frame with a duplicate key", F, () => Samples.Frame().Append("exposure_s", 0.2), RejectionKind.InvalidValue);
        Reject("frame with a duplicate counts", F, () => Samples.Frame().Append("counts", Samples.F32(1, 2, 3, 4)), RejectionKind.InvalidValue);

        // channels ≠ number of counts, for every encoding.
        Reject("f32 bin one value short", F, () => Samples.Frame().With("counts", Samples.F32(1, 2, 3)), RejectionKind.ChannelMismatch);
        Reject("f32 bin one value long", F, () => Samples.Frame().With("counts", Samples.F32(1, 2, 3, 4, 5)), RejectionKind.ChannelMismatch);
        Reject("f32 bin not whole elements", F, () => Samples.Frame().With("counts", new byte[15]), RejectionKind.ChannelMismatch);
        Reject("empty bin", F, () => Samples.Frame().With("counts", Array.Empty<byte>()), RejectionKind.ChannelMismatch);
        Reject("f64 bin with f32 byte count", F, () => Samples.Frame().With("dtype", "f64"), RejectionKind.ChannelMismatch);
        Reject("u16 bin with f32 byte count", F, () => Samples.Frame().With("dtype", "u16"), RejectionKind.ChannelMismatch);
        Reject("u32 bin one value short", F, () => Samples.Frame().With("counts", Samples.U32(1, 2, 3)).With("dtype", "u32"), RejectionKind.ChannelMismatch);
        Reject("array one value short", F, () => Samples.Frame().With("counts", new[] { 1.0, 2, 3 }), RejectionKind.ChannelMismatch);
        Reject("empty array", F, () => Samples.Frame().With("counts", Array.Empty<double>()), RejectionKind.ChannelMismatch);

        // NaN / ±Inf counts.
        foreach (var bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            foreach (int at in new[] { 0, 3 })
            {
                var values = new[] { 1.0, 2, 3, 4 };
                values[at] = bad;
                string label = $"{Describe(bad)} at {at}";
                Reject($"f32 bin {label}", F, () => Samples.Frame().With("counts", Samples.F32(values.Select(x => (float)x).ToArray())), RejectionKind.NonFiniteCounts);
                Reject($"f64 bin {label}", F, () => Samples.Frame().With("counts", Samples.F64(values)).With("dtype", "f64"), RejectionKind.NonFiniteCounts);
                Reject($"array {label}", F, () => Samples.Frame().With("counts", values), RejectionKind.NonFiniteCounts);
            }
        }

        // Not a map / not MessagePack.
        RejectBytes("payload is an array", F, () => Payload.Pack(new object?[] { 1, "s-1" }), RejectionKind.NotAMap);
        RejectBytes("payload is an int", F, () => Payload.Pack(1), RejectionKind.NotAMap);
        RejectBytes("payload is a string", E, () => Payload.Pack("eels"), RejectionKind.NotAMap);
        RejectBytes("payload is nil", S, () => Payload.Pack(null), RejectionKind.NotAMap);
        RejectBytes("payload is bin", F, () => Payload.Pack(new byte[] { 1, 2 }), RejectionKind.NotAMap);
        RejectBytes("map with an int key", F, () => [0x81, 0x01, 0x01], RejectionKind.NotAMap);
        RejectBytes("map with a bin key", F, () => [0x81, 0xc4, 0x01, (byte)'v', 0x01], RejectionKind.NotAMap);
        RejectBytes("empty payload", F, () => [], RejectionKind.NotMessagePack);
        RejectBytes("trailing bytes after the map", F, () => [.. Samples.Frame().ToBytes(), 0xc0], RejectionKind.NotMessagePack);
        RejectBytes("two maps", E, () => [.. Samples.End().ToBytes(), .. Samples.End().ToBytes()], RejectionKind.NotMessagePack);
        RejectBytes("never-used code 0xc1 as a value", F, () => Samples.Frame().With("x", new RawMsgPack([0xc1])).ToBytes(), RejectionKind.NotMessagePack);
        RejectBytes("map header claims more entries than present", F, () => [0x8f, 0xa1, (byte)'v', 0x01], RejectionKind.NotMessagePack);
        RejectBytes("array32 header claims 2^32-1 items", F,
            () => Samples.Frame().With("x", new RawMsgPack([0xdd, 0xff, 0xff, 0xff, 0xff])).ToBytes(), RejectionKind.NotMessagePack);
        RejectBytes("counts array32 header claims 2^31 items", F,
            () => Samples.Frame().With("counts", new RawMsgPack([0xdd, 0x80, 0x00, 0x00, 0x00])).ToBytes(), RejectionKind.NotMessagePack);
        RejectBytes("counts array16 claims 1000 items, has 4", F,
            () => Samples.Frame().With("counts", new RawMsgPack([0xdc, 0x03, 0xe8, 0x01, 0x02, 0x03, 0x04])).ToBytes(), RejectionKind.NotMessagePack);

        // Limits.
        Reject("channels above 65536", F, () => Samples.Frame().With("channels", 65_537), RejectionKind.TooLarge);
        Reject("start channels above 65536", S, () => Samples.Start().With("channels", 65_537), RejectionKind.TooLarge);
        Accept("channels exactly 65536 (f32 bin)", F, () => Samples.Frame().With("channels", 65_536).With("counts", new byte[65_536 * 4]));
        Accept("channels exactly 65536 (u16 bin)", F, () => Samples.Frame().With("channels", 65_536).With("counts", new byte[65_536 * 2]).With("dtype", "u16"));
        Reject("counts array above 65536", F, () => Samples.Frame().With("channels", 65_536).With("counts", new double[65_537]), RejectionKind.TooLarge);
        Reject("series_id of 4097 bytes", F, () => Samples.Frame().With("series_id", new string('s', 4097)), RejectionKind.TooLarge);
        Accept("series_id of 4096 bytes", F, () => Samples.Frame().With("series_id", new string('s', 4096)));
        Reject("series_id of 4098 UTF-8 bytes in 2049 chars", F, () => Samples.Frame().With("series_id", new string('é', 2049)), RejectionKind.TooLarge);
        Reject("sample of 5000 bytes", S, () => Samples.Start().With("sample", new string('x', 5000)), RejectionKind.TooLarge);
        Reject("reason of 5000 bytes", E, () => Samples.End().With("reason", new string('x', 5000)), RejectionKind.TooLarge);
        Accept("256 keys", F, () => WithUnknownKeys(Samples.Frame(), 256));
        Reject("257 keys", F, () => WithUnknownKeys(Samples.Frame(), 257), RejectionKind.TooLarge);
        Accept("unknown value nested 16 levels", F, () => Samples.Frame().With("x_nested", Samples.Nested(16)));
        Reject("unknown value nested 17 levels", F, () => Samples.Frame().With("x_nested", Samples.Nested(17)), RejectionKind.TooLarge);
        Reject("unknown value nested 10000 levels", F, () => Samples.Frame().With("x_nested", Samples.Nested(10_000)), RejectionKind.TooLarge);
        RejectBytes("payload above 16 MiB", F, () => Samples.Frame().With("x_pad", new byte[16 * 1024 * 1024]).ToBytes(), RejectionKind.TooLarge);
        Accept("payload just under 16 MiB", F, () => Samples.Frame().With("x_pad", new byte[(16 * 1024 * 1024) - 1000]));
        Accept("meta nested 16 levels", S, () => Samples.Start().With("meta", new Payload { { "deep", Samples.Nested(15) } }));
        Reject("meta nested 17 levels", S, () => Samples.Start().With("meta", new Payload { { "deep", Samples.Nested(16) } }), RejectionKind.TooLarge);
        Reject("meta nested 10000 levels", S, () => Samples.Start().With("meta", new Payload { { "deep", Samples.Nested(10_000) } }), RejectionKind.TooLarge);

        // Allowed variations: unknown keys of any type are ignored, nil optional keys mean absent.
        Accept("frame with unknown keys", F, () => Samples.Frame()
            .With("x_vendor", new Payload { { "gain", new object?[] { 1, 2.5, "x", null, new byte[] { 1 } } } })
            .With("x_flag", true).With("x_nil", null).With("x_float32", new Float32(1.5f)).With("x_big", ulong.MaxValue)
            .With("x_ext", new RawMsgPack([0xd4, 0x05, 0x00])).With("x_timestamp", new RawMsgPack([0xd6, 0xff, 0, 0, 0, 1])));
        Accept("start with unknown keys", S, () => Samples.Start().With("x_new_key_from_v1_1", new object?[] { 1, 2 }));
        Accept("end with unknown keys", E, () => Samples.End().With("x_stats", new Payload { { "dropped", 0 } }));
        foreach (var key in new[] { "dtype", "dose_e_a2", "beam_current_pa", "illuminated_area_a2", "cumulative_dose_e_a2" })
        {
            Accept($"frame with nil {key}", F, () => Samples.Frame().With(key, null));
        }

        foreach (var key in new[] { "sample", "detector", "illuminated_area_a2", "beam_current_pa", "meta" })
        {
            Accept($"start with nil {key}", S, () => Samples.Start().With(key, null));
            Accept($"start without {key}", S, () => Samples.Start().Without(key));
        }

        Accept("frame without any dose key", F, () => Samples.Frame().Without("dose_e_a2"));
        Accept("frame with zero dose", F, () => Samples.Frame().With("dose_e_a2", 0.0));
        Accept("frame with zero beam current", F, () => Samples.Frame().With("beam_current_pa", 0.0).With("illuminated_area_a2", 1.0));
        Accept("frame with float32 numbers", F, () => Samples.Frame().With("t", new Float32(1.5f)).With("exposure_s", new Float32(0.1f)));
        Accept("frame with integer numbers", F, () => Samples.Frame().With("t", 1767225600).With("exposure_s", 1).With("offset_ev", -5).With("dispersion_ev", 1));
        Accept("frame with negative offset and counts", F, () => Samples.Frame().With("offset_ev", -20.0).With("counts", new[] { -1.0, 0, 1, 2 }));
        Accept("frame with uint64 seq", F, () => Samples.Frame().With("seq", (ulong)long.MaxValue));
        Accept("array counts with an ignored bin dtype", F, () => Samples.Frame().With("counts", new[] { 1.0, 2, 3, 4 }).With("dtype", "u16"));
        Accept("end aborted", E, () => Samples.End().With("reason", "aborted"));
        Accept("end error", E, () => Samples.End().With("reason", "error"));
        Accept("end with zero frames", E, () => Samples.End().With("frames", 0));
        Accept("keys in any order", F, () => Reverse(Samples.Frame()));
        Accept("non-ASCII series_id", F, () => Samples.Frame().With("series_id", "Série-β-试样"));

        return cases;
    }

    private static Payload WithUnknownKeys(Payload payload, int totalKeys)
    {
        var copy = payload.Clone();
        for (int i = copy.Count; i < totalKeys; i++) copy.Add($"x_{i}", i);
        return copy;
    }

    private static Payload Reverse(Payload payload)
    {
        var reversed = new Payload();
        foreach (var (k, v) in payload.Reverse()) reversed.Add(k, v);
        return reversed;
    }

    private static string Short(string topic) => topic[(topic.IndexOf('.') + 1)..];

    private static string Describe(object? value) => value switch
    {
        null => "nil",
        string s => $"\"{(s.Length > 10 ? s[..10] + "…" : s)}\"",
        double d => $"{d:R}",
        byte[] b => $"bin[{b.Length}]",
        object?[] a => $"array[{a.Length}]",
        Payload => "map",
        Float32 f => $"f32 {f.Value}",
        _ => $"{value.GetType().Name} {value}",
    };

    [Theory]
    [InlineData("eels.frames")]
    [InlineData("eels.")]
    [InlineData("")]
    [InlineData("EELS.frame")]
    [InlineData("eels.frame ")]
    [InlineData("eels.start\0")]
    [InlineData("eels.spectrum")]
    public void UnknownTopicIsRejected(string topic)
    {
        var result = Decoder.Decode(topic, Samples.Frame().ToBytes());
        Assert.False(result.IsAccepted);
        Assert.Equal(RejectionKind.UnknownTopic, result.Rejection.Kind);
    }

    [Fact]
    public void HugeTopicIsRejectedWithABoundedDetail()
    {
        var topic = new byte[1 << 20];
        Array.Fill(topic, (byte)'e');
        var result = Decoder.Decode(topic, Samples.Frame().ToBytes());
        Assert.Equal(RejectionKind.UnknownTopic, result.Rejection!.Kind);
        Assert.True(result.Rejection.Detail.Length < 300, result.Rejection.Detail.Length.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public void WrongFrameCountIsRejected(int count)
    {
        var frames = new List<ReadOnlyMemory<byte>> { "eels.frame"u8.ToArray(), Samples.Frame().ToBytes(), Array.Empty<byte>(), Array.Empty<byte>() };
        var result = Decoder.Decode(frames.Take(count).ToList());
        Assert.False(result.IsAccepted);
        Assert.Equal(RejectionKind.WrongFrameCount, result.Rejection.Kind);
    }

    [Fact]
    public void TwoFramesAreDecoded()
    {
        var result = Decoder.Decode([(ReadOnlyMemory<byte>)"eels.end"u8.ToArray(), Samples.End().ToBytes()]);
        Assert.True(result.IsAccepted, result.Rejection?.ToString());
        Assert.Equal(new EndMessage("s-1", 10, Samples.T0 + 1, EndReason.Completed), result.Message);
    }

    [Fact]
    public void CustomLimitsAreEnforcedAtTheirBoundaries()
    {
        var limits = new ProtocolLimits { MaxPayloadBytes = 400, MaxChannels = 4, MaxStringBytes = 8, MaxKeys = 11 };
        var decoder = new WireDecoder(limits);
        Assert.Same(limits, decoder.Limits);

        var exact = Pad(Samples.Frame(), 400);
        Assert.Equal(400, exact.Length);
        Assert.True(decoder.Decode(WireTopics.Frame, exact).IsAccepted);
        Assert.Equal(RejectionKind.TooLarge, decoder.Decode(WireTopics.Frame, Pad(Samples.Frame(), 401)).Rejection!.Kind);

        Assert.Equal(RejectionKind.TooLarge, decoder.Decode(WireTopics.Frame, Samples.Frame().With("channels", 5).With("counts", Samples.F32(1, 2, 3, 4, 5)).ToBytes()).Rejection!.Kind);
        Assert.True(decoder.Decode(WireTopics.Frame, Samples.Frame().With("series_id", "12345678").ToBytes()).IsAccepted);
        Assert.Equal(RejectionKind.TooLarge, decoder.Decode(WireTopics.Frame, Samples.Frame().With("series_id", "123456789").ToBytes()).Rejection!.Kind);
        Assert.True(decoder.Decode(WireTopics.Frame, Samples.Frame().With("x", 1).ToBytes()).IsAccepted);
        Assert.Equal(RejectionKind.TooLarge, decoder.Decode(WireTopics.Frame, Samples.Frame().With("x", 1).With("y", 2).ToBytes()).Rejection!.Kind);
    }

    private static byte[] Pad(Payload payload, int length)
    {
        for (int n = 0; n < length; n++)
        {
            var bytes = payload.With("x_pad", new byte[n]).ToBytes();
            if (bytes.Length == length) return bytes;
        }

        throw new InvalidOperationException($"cannot pad to {length}");
    }
}
