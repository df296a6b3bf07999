using System.Text.Json;
using EelsLive.Protocol.Tests.Support;

namespace EelsLive.Protocol.Tests.Golden;

/// <summary>The C# decoder against the golden vectors in protocols/golden (made by make_golden.py).</summary>
public sealed class GoldenVectorTests
{
    private const double ElementaryChargeC = 1.602176634e-19;

    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Repo.Golden, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Fact]
    public void GoldenSetCoversTheContract()
    {
        var names = Directory.GetFiles(Repo.Golden, "*.json").Select(Path.GetFileNameWithoutExtension).ToHashSet();
        string[] required =
        [
            "start_meta", "frame_f32_bin", "frame_f64_bin", "frame_u16_bin", "frame_u32_bin", "frame_array_counts",
            "frame_beam_current", "frame_cumulative_dose", "end_completed", "frame_unknown_and_nil_keys",
            "invalid_v2", "invalid_channel_mismatch", "invalid_nan_counts", "invalid_float_seq", "invalid_not_a_map",
        ];
        Assert.All(required, name => Assert.Contains(name, names));
        foreach (var name in names)
        {
            Assert.True(File.Exists(Path.Combine(Repo.Golden, name + ".msgpack")), $"{name}.msgpack is missing");
        }
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void DecoderMatchesGoldenVector(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Repo.Golden, name + ".json")));
        var root = doc.RootElement;
        var topic = root.GetProperty("topic").GetString()!;
        var payload = File.ReadAllBytes(Path.Combine(Repo.Golden, root.GetProperty("payload_file").GetString()!));

        var result = new WireDecoder().Decode(topic, payload);

        if (!root.GetProperty("valid").GetBoolean())
        {
            var kind = Enum.Parse<RejectionKind>(root.GetProperty("rejection").GetString()!);
            Assert.False(result.IsAccepted, $"{name}: expected rejection {kind}, but it decoded to {result.Message}");
            Assert.Equal(kind, result.Rejection.Kind);
            Assert.False(string.IsNullOrWhiteSpace(result.Rejection.Detail));
            return;
        }

        Assert.True(result.IsAccepted, $"{name}: rejected with {result.Rejection}");
        var expected = root.GetProperty("expected");
        Assert.Equal(topic, result.Message.Topic);
        Assert.Equal(expected.GetProperty("series_id").GetString(), result.Message.SeriesId);
        switch (result.Message)
        {
            case FrameMessage f: AssertFrame(expected, f); break;
            case StartMessage s: AssertStart(expected, s); break;
            case EndMessage e: AssertEnd(expected, e); break;
            default: Assert.Fail($"unexpected message type {result.Message.GetType()}"); break;
        }
    }

    internal static void AssertFrame(JsonElement expected, FrameMessage f)
    {
        Assert.Equal(expected.GetProperty("seq").GetInt64(), f.Seq);
        Assert.Equal(expected.GetProperty("t").GetDouble(), f.T);
        Assert.Equal(expected.GetProperty("exposure_s").GetDouble(), f.ExposureS);
        Assert.Equal(expected.GetProperty("channels").GetInt32(), f.Channels);
        Assert.Equal(expected.GetProperty("offset_ev").GetDouble(), f.OffsetEv);
        Assert.Equal(expected.GetProperty("dispersion_ev").GetDouble(), f.DispersionEv);
        Assert.Equal(f.Channels, f.Counts.Length);

        bool isBin = expected.GetProperty("counts_encoding").GetString() == "bin";
        Assert.Equal(isBin, f.Counts.IsBinary);
        if (isBin)
        {
            Assert.Equal(expected.GetProperty("dtype").GetString(), f.Counts.Dtype.WireName());
        }

        var counts = expected.GetProperty("counts").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(counts, f.Counts.ToArray());
        for (int i = 0; i < counts.Length; i++)
        {
            Assert.Equal(counts[i], f.Counts[i]);
        }

        Assert.Equal(Optional(expected, "dose_e_a2"), f.DoseEA2);
        Assert.Equal(Optional(expected, "beam_current_pa"), f.BeamCurrentPa);
        Assert.Equal(Optional(expected, "illuminated_area_a2"), f.IlluminatedAreaA2);
        Assert.Equal(Optional(expected, "cumulative_dose_e_a2"), f.CumulativeDoseEA2);

        if (expected.TryGetProperty("derived_frame_dose_e_a2", out var derived))
        {
            // dose = I·10⁻¹²·exposure_s / (e · area), as the spec states it.
            double dose = f.BeamCurrentPa!.Value * 1e-12 * f.ExposureS / (ElementaryChargeC * f.IlluminatedAreaA2!.Value);
            Assert.Equal(derived.GetDouble(), dose, 1e-12 * dose);
        }
    }

    internal static void AssertStart(JsonElement expected, StartMessage s)
    {
        Assert.Equal(expected.GetProperty("t").GetDouble(), s.T);
        Assert.Equal(expected.GetProperty("beam_energy_kv").GetDouble(), s.BeamEnergyKv);
        Assert.Equal(expected.GetProperty("channels").GetInt32(), s.Channels);
        Assert.Equal(expected.GetProperty("offset_ev").GetDouble(), s.OffsetEv);
        Assert.Equal(expected.GetProperty("dispersion_ev").GetDouble(), s.DispersionEv);
        Assert.Equal(OptionalString(expected, "sample"), s.Sample);
        Assert.Equal(OptionalString(expected, "detector"), s.Detector);
        Assert.Equal(Optional(expected, "illuminated_area_a2"), s.IlluminatedAreaA2);
        Assert.Equal(Optional(expected, "beam_current_pa"), s.BeamCurrentPa);
        if (expected.TryGetProperty("meta", out var meta))
        {
            Assert.NotNull(s.Meta);
            Assert.Null(Canonical.Diff(s.Meta, meta));
        }
        else
        {
            Assert.Null(s.Meta);
        }
    }

    internal static void AssertEnd(JsonElement expected, EndMessage e)
    {
        Assert.Equal(expected.GetProperty("frames").GetInt64(), e.Frames);
        Assert.Equal(expected.GetProperty("t").GetDouble(), e.T);
        Assert.Equal(expected.GetProperty("reason").GetString(), e.Reason.WireName());
    }

    private static double? Optional(JsonElement e, string key) =>
        e.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetDouble() : null;

    private static string? OptionalString(JsonElement e, string key) =>
        e.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;
}
