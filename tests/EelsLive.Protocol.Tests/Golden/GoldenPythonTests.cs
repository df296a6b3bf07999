using System.Text.Json;
using System.Text.RegularExpressions;
using EelsLive.Protocol.Tests.Support;

namespace EelsLive.Protocol.Tests.Golden;

/// <summary>
/// The golden vectors and the C# encoder against Python's msgpack: check_golden.py decodes what C# wrote,
/// and make_golden.py reproduces the committed vectors byte for byte.
/// </summary>
public sealed partial class GoldenPythonTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly string _tmp = Directory.CreateTempSubdirectory("eelslive-golden-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_tmp, recursive: true); }
        catch (IOException) { }
    }

    [Fact]
    public void CommittedGoldenVectorsPassThePythonCheck()
    {
        Python.RequireModules();
        var (code, stdout, stderr) = Python.Run(Timeout, Path.Combine(Repo.PythonDir, "check_golden.py"), Repo.Golden);
        Assert.True(code == 0, $"check_golden.py exit {code}\n{stdout}\n{stderr}");
        var summary = Summary(stdout);
        Assert.Equal(Directory.GetFiles(Repo.Golden, "*.json").Length, summary.Passed);
        Assert.Equal(0, summary.Failed);
    }

    [Fact]
    public void MakeGoldenReproducesTheCommittedVectorsByteForByte()
    {
        Python.RequireModules();
        var (code, stdout, stderr) = Python.Run(Timeout, Path.Combine(Repo.Golden, "make_golden.py"), _tmp);
        Assert.True(code == 0, $"make_golden.py exit {code}\n{stdout}\n{stderr}");
        var made = Directory.GetFiles(_tmp).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var committed = Directory.GetFiles(Repo.Golden).Select(Path.GetFileName)
            .Where(n => n!.EndsWith(".json", StringComparison.Ordinal) || n.EndsWith(".msgpack", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(committed, made);
        foreach (var name in made)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(_tmp, name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(Repo.Golden, name!))),
                $"{name} differs from the committed file: rerun protocols/golden/make_golden.py and commit");
        }
    }

    [Fact]
    public void EncoderOutputDecodesInPython()
    {
        Python.RequireModules();
        var messages = EncoderCorpus(new Random(20261124)).ToList();
        for (int i = 0; i < messages.Count; i++)
        {
            WriteVector(_tmp, $"cs_{i:D3}", messages[i]);
        }

        var (code, stdout, stderr) = Python.Run(Timeout, Path.Combine(Repo.PythonDir, "check_golden.py"), _tmp);
        Assert.True(code == 0, $"check_golden.py rejected C#-encoded payloads (exit {code}):\n{stdout}\n{stderr}");
        Assert.Equal((messages.Count, 0), Summary(stdout));
    }

    [Fact]
    public void PythonCheckCatchesAWrongExpectation()
    {
        // Guards the guard: a vector whose expectation is off by one count must fail check_golden.py.
        Python.RequireModules();
        var frame = new FrameMessage("s", 3, 1.5, 0.1, 2, 280, 0.25, SpectrumCounts.FromValues([1, 2], CountsDtype.F32)) { DoseEA2 = 1 };
        WriteVector(_tmp, "good", frame);
        WriteVector(_tmp, "bad", frame, mutateExpected: e => e["counts"] = new[] { 1.0, 3.0 });
        var (code, stdout, _) = Python.Run(Timeout, Path.Combine(Repo.PythonDir, "check_golden.py"), _tmp);
        Assert.Equal(1, code);
        Assert.Equal((1, 1), Summary(stdout));
    }

    internal static IEnumerable<WireMessage> EncoderCorpus(Random rng)
    {
        yield return new StartMessage("cs-series", 1767225600.125, 300, 2048, -12.5, 0.05)
        {
            Sample = "Pt/C catalyst — 5 nm", // non-ASCII on purpose
            Detector = "K3",
            BeamCurrentPa = 120,
            IlluminatedAreaA2 = 2.5e5,
            Meta = new Dictionary<string, object?>
            {
                ["operator"] = "cs",
                ["binning"] = 4L,
                ["convergence_mrad"] = 21.5,
                ["cold"] = false,
                ["none"] = null,
                ["tags"] = new object?[] { "a", 2L, 3.5 },
                ["stage"] = new Dictionary<string, object?> { ["x_um"] = -1.25, ["y_um"] = 3L },
            },
        };
        yield return new StartMessage("cs-min", 0, 60, 1, 0, 1e-3);

        long seq = 0;
        foreach (var dtype in new CountsDtype?[] { CountsDtype.F32, CountsDtype.F64, CountsDtype.U16, CountsDtype.U32, null })
        {
            for (int k = 0; k < 4; k++)
            {
                int channels = rng.Next(1, 300);
                var values = new double[channels];
                for (int i = 0; i < channels; i++)
                {
                    values[i] = dtype switch
                    {
                        CountsDtype.U16 => rng.Next(0, 65536),
                        CountsDtype.U32 => (uint)rng.NextInt64(0, 1L << 32),
                        null when i % 2 == 0 => rng.Next(-100, 100000),
                        _ => (rng.NextDouble() - 0.1) * Math.Pow(10, rng.Next(-3, 7)),
                    };
                }

                var counts = dtype is { } d ? SpectrumCounts.FromValues(values, d) : SpectrumCounts.FromArray(values);
                var frame = new FrameMessage("cs-series", seq++, 1767225600 + rng.NextDouble() * 1000, 0.001 + rng.NextDouble(),
                    channels, -50 + rng.NextDouble() * 1000, 0.01 + rng.NextDouble(), counts);
                yield return k switch
                {
                    0 => frame with { DoseEA2 = rng.NextDouble() * 100 },
                    1 => frame with { BeamCurrentPa = rng.NextDouble() * 500, IlluminatedAreaA2 = 1 + rng.NextDouble() * 1e7 },
                    2 => frame with { DoseEA2 = 0, CumulativeDoseEA2 = rng.NextDouble() * 1e4 },
                    _ => frame,
                };
            }
        }

        yield return new EndMessage("cs-series", seq, 1767225700.5, EndReason.Completed);
        yield return new EndMessage("cs-series", 0, 1767225700.5, EndReason.Aborted);
        yield return new EndMessage("cs-series", long.MaxValue, 0, EndReason.Error);
    }

    /// <summary>Writes NAME.msgpack from the C# encoder and NAME.json with what the message holds.</summary>
    internal static void WriteVector(string dir, string name, WireMessage message, Action<Dictionary<string, object?>>? mutateExpected = null)
    {
        File.WriteAllBytes(Path.Combine(dir, name + ".msgpack"), WireEncoder.Encode(message));
        var expected = new Dictionary<string, object?> { ["series_id"] = message.SeriesId };
        switch (message)
        {
            case FrameMessage f:
                expected["seq"] = f.Seq;
                expected["t"] = f.T;
                expected["exposure_s"] = f.ExposureS;
                expected["channels"] = f.Channels;
                expected["offset_ev"] = f.OffsetEv;
                expected["dispersion_ev"] = f.DispersionEv;
                expected["counts_encoding"] = f.Counts.IsBinary ? "bin" : "array";
                if (f.Counts.IsBinary) expected["dtype"] = f.Counts.Dtype.WireName();
                expected["counts"] = f.Counts.ToArray();
                if (f.DoseEA2 is { } dose) expected["dose_e_a2"] = dose;
                if (f.BeamCurrentPa is { } current) expected["beam_current_pa"] = current;
                if (f.IlluminatedAreaA2 is { } area) expected["illuminated_area_a2"] = area;
                if (f.CumulativeDoseEA2 is { } cumulative) expected["cumulative_dose_e_a2"] = cumulative;
                break;
            case StartMessage s:
                expected["t"] = s.T;
                expected["beam_energy_kv"] = s.BeamEnergyKv;
                expected["channels"] = s.Channels;
                expected["offset_ev"] = s.OffsetEv;
                expected["dispersion_ev"] = s.DispersionEv;
                if (s.Sample is not null) expected["sample"] = s.Sample;
                if (s.Detector is not null) expected["detector"] = s.Detector;
                if (s.IlluminatedAreaA2 is { } a) expected["illuminated_area_a2"] = a;
                if (s.BeamCurrentPa is { } c) expected["beam_current_pa"] = c;
                if (s.Meta is not null) expected["meta"] = s.Meta;
                break;
            case EndMessage e:
                expected["frames"] = e.Frames;
                expected["t"] = e.T;
                expected["reason"] = e.Reason.WireName();
                break;
        }

        mutateExpected?.Invoke(expected);
        var doc = new Dictionary<string, object?>
        {
            ["name"] = name,
            ["topic"] = message.Topic,
            ["description"] = "written by the C# WireEncoder",
            ["payload_file"] = name + ".msgpack",
            ["valid"] = true,
            ["expected"] = expected,
        };
        File.WriteAllText(Path.Combine(dir, name + ".json"), JsonSerializer.Serialize(doc));
    }

    private static (int Passed, int Failed) Summary(string stdout)
    {
        var match = SummaryLine().Match(stdout);
        Assert.True(match.Success, $"no 'N passed, N failed' line in:\n{stdout}");
        return (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value));
    }

    [GeneratedRegex(@"^(\d+) passed, (\d+) failed$", RegexOptions.Multiline)]
    private static partial Regex SummaryLine();
}
