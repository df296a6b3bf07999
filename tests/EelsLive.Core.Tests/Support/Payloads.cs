using EelsLive.Protocol;
using MessagePack;

namespace EelsLive.Core.Tests.Support;

/// <summary>Hand-built MessagePack payloads, valid and broken, for bad-input tests.</summary>
internal static class Payloads
{
    public static Dictionary<string, object?> ValidFrameMap(long seq, string series = "s1", double dose = 1.0)
    {
        var counts = TestFrames.Spectrum().Select(v => (float)v).ToArray();
        var bytes = new byte[counts.Length * 4];
        Buffer.BlockCopy(counts, 0, bytes, 0, bytes.Length);
        return new Dictionary<string, object?>
        {
            ["v"] = 1,
            ["series_id"] = series,
            ["seq"] = seq,
            ["t"] = 1_700_000_000.0 + seq,
            ["exposure_s"] = 0.1,
            ["channels"] = TestFrames.Channels,
            ["offset_ev"] = TestFrames.Offset,
            ["dispersion_ev"] = TestFrames.Dispersion,
            ["counts"] = bytes,
            ["dose_e_a2"] = dose,
        };
    }

    public static byte[] Pack(object? value) => MessagePackSerializer.Serialize(value, MessagePackSerializerOptions.Standard);

    public static byte[] WithCounts(Dictionary<string, object?> map, Func<float[], float[]> change)
    {
        var bytes = (byte[])map["counts"]!;
        var floats = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, floats, 0, bytes.Length);
        floats = change(floats);
        var changed = new byte[floats.Length * 4];
        Buffer.BlockCopy(floats, 0, changed, 0, changed.Length);
        map["counts"] = changed;
        return Pack(map);
    }

    /// <summary>Every kind of bad message the issue names, each with the rejection kind it must get.</summary>
    public static IEnumerable<(string Name, string Topic, byte[][] Frames, RejectionKind Kind)> BadMessages(Func<long> lastAcceptedSeq)
    {
        byte[] topic = System.Text.Encoding.UTF8.GetBytes(WireTopics.Frame);
        (string, string, byte[][], RejectionKind) Frame(string name, byte[] payload, RejectionKind kind) => (name, WireTopics.Frame, [topic, payload], kind);
        Dictionary<string, object?> M() => ValidFrameMap(1_000_000);

        yield return Frame("not MessagePack", [0xc1, 0x00, 0xff], RejectionKind.NotMessagePack);
        yield return Frame("truncated", Pack(M())[..40], RejectionKind.NotMessagePack);
        yield return Frame("not a map", Pack(new object[] { 1, 2, 3 }), RejectionKind.NotAMap);
        yield return Frame("missing seq", Pack(M().Where(kv => kv.Key != "seq").ToDictionary()), RejectionKind.MissingKey);
        var mistyped = M(); mistyped["exposure_s"] = "0.1";
        yield return Frame("mistyped exposure", Pack(mistyped), RejectionKind.WrongType);
        yield return Frame("NaN counts", WithCounts(M(), c => { c[10] = float.NaN; return c; }), RejectionKind.NonFiniteCounts);
        yield return Frame("Inf counts", WithCounts(M(), c => { c[3] = float.PositiveInfinity; return c; }), RejectionKind.NonFiniteCounts);
        yield return Frame("channels mismatch", WithCounts(M(), c => c[..^1]), RejectionKind.ChannelMismatch);
        var v2 = M(); v2["v"] = 2;
        yield return Frame("v = 2", Pack(v2), RejectionKind.UnsupportedVersion);
        var negative = M(); negative["exposure_s"] = -0.1;
        yield return Frame("negative exposure", Pack(negative), RejectionKind.InvalidValue);
        var absurd = M(); absurd["channels"] = 1L << 40;
        yield return Frame("absurd channels", Pack(absurd), RejectionKind.TooLarge);
        yield return Frame("duplicate seq", Pack(ValidFrameMap(lastAcceptedSeq())), RejectionKind.DuplicateSeq);
        yield return Frame("backward seq", Pack(ValidFrameMap(0)), RejectionKind.BackwardSeq);
        yield return ("unknown topic", "eels.frames", [System.Text.Encoding.UTF8.GetBytes("eels.frames"), Pack(M())], RejectionKind.UnknownTopic);
        yield return ("one frame only", WireTopics.Frame, [topic], RejectionKind.WrongFrameCount);
        yield return ("three frames", WireTopics.Frame, [topic, Pack(M()), [1, 2, 3]], RejectionKind.WrongFrameCount);
    }
}
